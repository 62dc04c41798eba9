/**
 * The few validators the wire protocol needs, written out instead of taken
 * from a schema library, which cost 1.4 kB more (min+gzip) of the bundle budget.
 *
 * A schema is a function from an `unknown` input to its typed output. Object
 * schemas build a new object with only the keys they know (unknown keys are
 * stripped); records keep only own keys and skip `__proto__`, `constructor`
 * and `prototype`, so nothing that reaches the store can touch a prototype.
 * A schema stops at the first problem; `safeParse(schema, value)` returns
 * either the output or that `Issue`, naming the path and what was expected.
 */

export type Schema<T> = (input: unknown) => T;
export type Output<S extends Schema<unknown>> = ReturnType<S>;

export interface Issue {
  /** Keys from the outside in, e.g. `['attachments', 0, 'url']`. */
  readonly path: (string | number)[];
  readonly message: string;
  /** The error code a server answers this issue with, where it is not `invalid_payload` (see `refine`). */
  readonly code?: string;
}

export type SafeParseResult<T> = { success: true; output: T; issues?: undefined } | { success: false; issues: [Issue] };

/** Thrown by schemas; anything else a schema throws (a hostile getter) is not ours and propagates. */
class Invalid {
  constructor(readonly issue: Issue) {}
}

export function safeParse<S extends Schema<unknown>>(schema: S, input: unknown): SafeParseResult<Output<S>> {
  try {
    return { success: true, output: schema(input) as Output<S> };
  } catch (e) {
    if (e instanceof Invalid) return { success: false, issues: [e.issue] };
    throw e;
  }
}

/** How a value shows in a message: strings quoted, objects by constructor name. */
function show(value: unknown): string {
  if (typeof value === 'string') return `"${value.slice(0, 50)}"`;
  if (value !== null && typeof value === 'object') return Object.getPrototypeOf(value)?.constructor?.name ?? 'null';
  return typeof value === 'function' ? 'Function' : String(value);
}

function fail(kind: string, expected: string | null, got: string): never {
  throw new Invalid({ path: [], message: `Invalid ${kind}: ${expected ? `Expected ${expected} but r` : 'R'}eceived ${got}` });
}

/** Runs `schema` on `input[key]`, prefixing the key to the path of an issue. */
function at<T>(schema: Schema<T>, input: unknown, key: string | number): T {
  try {
    return schema(input);
  } catch (e) {
    if (e instanceof Invalid) e.issue.path.unshift(key);
    throw e;
  }
}

const typeOf =
  <T>(expected: string, test: (input: unknown) => boolean): Schema<T> =>
  (input) =>
    test(input) ? (input as T) : fail('type', expected, show(input));

export const boolean: Schema<boolean> = typeOf('boolean', (input) => typeof input === 'boolean');
const anyString: Schema<string> = typeOf('string', (input) => typeof input === 'string');
const anyNumber: Schema<number> = typeOf('number', (input) => typeof input === 'number' && !Number.isNaN(input));
const anyArray: Schema<unknown[]> = typeOf('Array', Array.isArray);
const anyObject: Schema<Record<string, unknown>> = typeOf('Object', (input) => !!input && typeof input === 'object');

/** `.length` (UTF-16 code units, as the server counts) within [min, max]. */
function checkLength(length: number, min: number, max: number): void {
  if (length < min) fail('length', `>=${min}`, `${length}`);
  if (length > max) fail('length', `<=${max}`, `${length}`);
}

export function string(max: number, min = 0): Schema<string> {
  return (input) => {
    const s = anyString(input);
    checkLength(s.length, min, max);
    return s;
  };
}

/** A finite integer in [min, max]. */
export function integer(min: number, max = Infinity): Schema<number> {
  return (input) => {
    const n = anyNumber(input);
    if (!Number.isInteger(n)) fail('integer', null, `${n}`);
    if (!(n >= min)) fail('value', `>=${min}`, `${n}`);
    if (!(n <= max)) fail('value', `<=${max}`, `${n}`);
    return n;
  };
}

/** `schema`, then a test of its output that fails with `message` (and `code`, when a server should answer other than `invalid_payload`). */
export function refine<T>(schema: Schema<T>, test: (value: T) => boolean, message: string, code?: string): Schema<T> {
  return (input) => {
    const value = schema(input);
    if (!test(value)) throw new Invalid({ path: [], message, code });
    return value;
  };
}

export function picklist<const T extends readonly (string | number | boolean)[]>(options: T): Schema<T[number]> {
  return typeOf(options.map(show).join(' | '), (input) => options.includes(input as T[number]));
}

export function literal<const T extends string | number | boolean>(value: T): Schema<T> {
  return picklist([value]);
}

/** `undefined` passes (or becomes `fallback()`); a missing key stays missing unless there is a fallback. */
export function optional<T>(schema: Schema<T>): Schema<T | undefined>;
export function optional<T>(schema: Schema<T>, fallback: () => NoInfer<T>): Schema<T>;
export function optional<T>(schema: Schema<T>, fallback?: () => T): Schema<T | undefined> {
  return (input) => (input === undefined ? fallback?.() : schema(input));
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return (input) => (input === null ? null : schema(input));
}

export function nullish<T>(schema: Schema<T>): Schema<T | null | undefined> {
  return (input) => (input == null ? input : schema(input));
}

/** Length is checked before the items, so a huge array is refused without walking it. */
export function array<T>(item: Schema<T>, max = Infinity, min = 0): Schema<T[]> {
  return (input) => {
    const list = anyArray(input);
    checkLength(list.length, min, max);
    const out: T[] = [];
    // An index loop, not `map`: `map` skips the holes of a sparse array, which must fail like `undefined`.
    for (let i = 0; i < list.length; i++) out.push(at(item, list[i], i));
    return out;
  };
}

/** Keys that would reach an object's prototype machinery if used as plain keys. */
export function isUnsafeKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

const isPlainKey = (input: object, key: string) => Object.prototype.hasOwnProperty.call(input, key) && !isUnsafeKey(key);

export function record<K extends string, V>(key: Schema<K>, value: Schema<V>): Schema<Record<K, V>> {
  return (input) => {
    const source = anyObject(input);
    const out = {} as Record<K, V>;
    for (const k in source) {
      if (isPlainKey(source, k)) out[at(key, k, k)] = at(value, source[k], k);
    }
    return out;
  };
}

type Shape = Record<string, Schema<unknown>>;
/** Keys whose schema accepts `undefined` become optional, like TypeScript's own `?:`. */
type ObjectOutput<S extends Shape> = Flatten<
  { [K in keyof S as undefined extends Output<S[K]> ? never : K]: Output<S[K]> } & {
    [K in keyof S as undefined extends Output<S[K]> ? K : never]?: Output<S[K]>;
  }
>;
type Flatten<T> = { [K in keyof T]: T[K] };

/**
 * The known keys, in shape order, each checked; a key counts as present when
 * it is `in` the input. A missing key is checked as `undefined`, so a
 * required one fails and an optional one stays missing (or takes its fallback).
 */
export function object<S extends Shape>(shape: S): Schema<ObjectOutput<S>> {
  return (input) => {
    const source = anyObject(input);
    const out: Record<string, unknown> = {};
    for (const key in shape) {
      const value = at(shape[key]!, key in source ? source[key] : undefined, key);
      if (key in source || value !== undefined) out[key] = value;
    }
    return out as ObjectOutput<S>;
  };
}

/** The first issue as "path: message", short enough for an error report. */
export function describeIssues([first]: readonly Issue[]): string {
  if (!first) return 'invalid';
  const path = first.path.join('.');
  return `${path ? `${path}: ` : ''}${first.message}`.slice(0, 300);
}
