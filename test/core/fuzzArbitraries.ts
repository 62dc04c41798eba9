/**
 * fast-check arbitraries and helpers for fuzzing the client's inbound
 * boundary (server pushes and acks): hostile values, valid messages, and
 * mutations of valid frames.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { expect } from 'vitest';
// Validity is judged by the valibot oracle, not by the validators under test.
import { ConversationSchema, MessageSchema } from '../support/valibotProtocol';
import type { ChatState } from '../../src/core/store';
import { timelineToArray } from '../../src/core/messageTimeline';

export const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** An object with `key` as an OWN property, even for `__proto__` (a literal would set the prototype). */
export function withOwn<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

function nest(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  // Printed compactly in counterexamples (fast-check's printer recurses and would overflow the stack).
  Object.defineProperty(value, fc.toStringMethod, { value: () => `<${asArray ? 'array' : 'object'} nested ${depth} deep>` });
  return value;
}

const bigString = (n: number) => 'x'.repeat(n);
/** Computed once: generating megabyte strings per run would dominate the run time. */
const HUGE = [bigString(10_001), bigString(1_000_000)];

/** Numbers that break naive checks. */
export const weirdNumber = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  0.5,
  1.000001,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 1,
  2 ** 53 + 2,
  Number.MIN_VALUE,
  8.64e15 + 1,
);

/** Plain objects whose keys include the prototype-polluting ones, as own properties (like JSON.parse makes them). */
export const protoDict = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...UNSAFE_KEYS, 'polluted', 'toString', 'hasOwnProperty', 'valueOf'), fc.string({ maxLength: 8 })),
      fc.oneof(
        fc.constant({ polluted: true }),
        fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
        fc.constant({ prototype: { polluted: true } }),
        fc.jsonValue({ maxDepth: 2 }),
      ),
    ),
    { maxLength: 6 },
  )
  .map((entries) => {
    const o: Record<string, unknown> = {};
    for (const [k, value] of entries) withOwn(o, k, value);
    return o;
  });

export const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.boolean())
  .map(([depth, asArray]) => nest(depth, asArray));

/** Any value a hostile or buggy backend could put in a frame (and some no JSON backend could). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true, maxDepth: 4 }) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 2, arbitrary: weirdNumber },
  { weight: 2, arbitrary: protoDict },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, '', true, false, 0, [], {}, [{}], Object.create(null) as unknown) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }) },
);

/** Ids that pass the schema and do not collide with the fixture's ids (`m<n>`, `c<n>`, `general`…). */
export const freshId = fc.stringMatching(/^[A-Za-z0-9_:.-]{1,24}$/).map((s) => `x-${s}`);

const attachmentArb = fc.record(
  {
    id: freshId,
    url: fc.webUrl(),
    name: fc.string({ maxLength: 40 }),
    size: fc.nat(),
    mimeType: fc.constantFrom('image/png', 'application/pdf', 'text/plain'),
    width: fc.nat({ max: 8000 }),
    height: fc.nat({ max: 8000 }),
  },
  { requiredKeys: ['id', 'url', 'name', 'size', 'mimeType'] },
);

const reactionsArb = fc.dictionary(fc.constantFrom('👍', '🎉', '❤️', 'ok'), fc.array(fc.constantFrom('alice', 'bob', 'carol'), { maxLength: 3 }), { maxKeys: 3 });

/** A valid message for `conversationId` at `seq`, with a random selection of optional fields. */
export function validMessageArb(conversationId: string, seq: fc.Arbitrary<number>) {
  return fc
    .record(
      {
        id: freshId,
        clientId: freshId,
        authorId: fc.constantFrom('alice', 'bob', 'carol'),
        seq,
        createdAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
        text: fc.string({ maxLength: 80 }),
        attachments: fc.array(attachmentArb, { maxLength: 3 }),
        editedAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
        deletedAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
        reactions: reactionsArb,
        kind: fc.constantFrom('user' as const, 'system' as const),
      },
      { requiredKeys: ['id', 'clientId', 'authorId', 'seq', 'createdAt', 'text', 'attachments'] },
    )
    .map((m) => ({ ...m, conversationId }));
}

export type Mutation =
  | { readonly op: 'set'; readonly pick: number; readonly value: unknown }
  | { readonly op: 'delete'; readonly pick: number }
  | { readonly op: 'extra'; readonly pick: number; readonly key: string; readonly value: unknown };

/** One random corruption somewhere in a frame: replace a value, delete a key, or add a key. */
/**
 * Wrong values that still pass a schema check somewhere (another id, another
 * seq, an empty list…): what a buggy server sends, as opposed to garbage.
 * Never one of the fixture's message ids (id reuse has its own property).
 */
export const plausibleValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('other', 'x-other', 'bob', 'alice', 'general', '', ' ', 'user', 'system', 'group'),
  fc.constantFrom(0, 1, 2, 3, 5, 7, 99, 1e6, Number.MAX_SAFE_INTEGER),
  fc.constantFrom(true, false, null, [], {}),
  freshId,
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('set' as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('set' as const), pick: fc.nat(), value: plausibleValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('extra' as const),
      pick: fc.nat(),
      key: fc.oneof(fc.constantFrom(...UNSAFE_KEYS, 'extra', 'status', 'html', 'seq '), fc.string({ minLength: 1, maxLength: 10 })),
      value: fc.oneof(hostileValue, fc.constant('<img src=x onerror=alert(1)>')),
    }),
  },
);

/** Plain objects and arrays only: boxed strings and typed arrays have non-configurable index keys. */
function isContainer(node: unknown): node is Record<string | number, unknown> {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return true;
  const proto = Object.getPrototypeOf(node) as unknown;
  return proto === Object.prototype || proto === null;
}

type Slot = { parent: Record<string | number, unknown>; key: string | number };

/**
 * Every (container, key) pair and every container in a JSON-like tree,
 * walked iteratively (the tree may be 20 000 levels deep) and capped, so
 * picking a mutation point stays cheap.
 */
function walk(root: unknown, cap = 5_000): { slots: Slot[]; containers: Record<string | number, unknown>[] } {
  const slots: Slot[] = [];
  const containers: Record<string | number, unknown>[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0 && slots.length < cap) {
    const node = stack.pop();
    if (!isContainer(node)) continue;
    containers.push(node);
    for (const key of Object.keys(node)) {
      slots.push({ parent: node, key: Array.isArray(node) ? Number(key) : key });
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return { slots, containers };
}

function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  if (Array.isArray(target)) (target as unknown[])[Number(key)] = value;
  else withOwn(target, String(key), value);
}

/**
 * Applies `mutation` to `value` IN PLACE (pass a fresh copy) and returns the
 * result, which is a different value only when the root itself is replaced.
 */
export function mutateInPlace(value: unknown, mutation: Mutation): unknown {
  const { slots, containers } = walk(value);
  if (mutation.op === 'extra') {
    const target = containers[mutation.pick % Math.max(1, containers.length)];
    if (!target) return value;
    if (Array.isArray(target)) target.push(mutation.value);
    else withOwn(target, mutation.key, mutation.value);
    return value;
  }
  const slot = slots[mutation.pick % Math.max(1, slots.length)];
  if (!slot) return mutation.op === 'set' ? mutation.value : undefined;
  if (mutation.op === 'delete') {
    if (Array.isArray(slot.parent)) (slot.parent as unknown[]).splice(slot.key as number, 1);
    else delete slot.parent[slot.key as string];
  } else {
    setOwn(slot.parent, slot.key, mutation.value);
  }
  return value;
}

/** A deep copy of `valid` (JSON data) with every mutation applied in turn. */
export function mutate(valid: unknown, ...mutations: Mutation[]): unknown {
  let value = structuredClone(valid);
  for (const m of mutations) value = mutateInPlace(value, m);
  return value;
}

/** Own keys of Object.prototype and Array.prototype, to detect pollution. */
export function prototypeSnapshot(): string {
  return [
    ...Object.getOwnPropertyNames(Object.prototype),
    '|',
    ...Object.getOwnPropertyNames(Array.prototype),
    '|',
    ...Object.getOwnPropertyNames(Function.prototype),
  ].join(',');
}

export function expectNoPollution(snapshot: string): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(prototypeSnapshot()).toBe(snapshot);
}

/** Drops the client-only `status` so a stored message can be checked against the wire schema. */
export function wireOf(m: object): unknown {
  const { status: _status, ...rest } = m as Record<string, unknown>;
  return rest;
}

/**
 * What the UI relies on, for every timeline and conversation in the store:
 * confirmed messages strictly ascending by seq, ids unique, every confirmed
 * message a valid wire message of that conversation; every conversation a
 * valid wire conversation; the order a permutation of the conversations.
 */
export function expectStoreInvariants(state: ChatState): void {
  for (const [conversationId, timeline] of Object.entries(state.messages)) {
    const all = timelineToArray(timeline);
    const ids = all.map((m) => m.id);
    expect(new Set(ids).size, `ids unique in ${conversationId}: ${ids.join(' ')}`).toBe(ids.length);
    let prev = 0;
    for (const m of all) {
      if (m.seq === null) {
        expect(['sending', 'failed']).toContain(m.status);
        continue;
      }
      expect(m.seq, `seq order in ${conversationId}`).toBeGreaterThan(prev);
      prev = m.seq;
      expect(m.status).toBe('sent');
      const parsed = v.safeParse(MessageSchema, wireOf(m));
      expect(parsed.success, `stored message validates: ${JSON.stringify(wireOf(m)).slice(0, 200)}`).toBe(true);
      expect(m.conversationId, `message ${m.id} is in its own conversation's timeline`).toBe(conversationId);
      if (parsed.success) expect(wireOf(m)).toStrictEqual(parsed.output);
    }
    expect(timeline.length).toBe(all.length);
  }
  for (const [id, c] of Object.entries(state.conversations)) {
    expect(c.id).toBe(id);
    expect(v.safeParse(ConversationSchema, c).success, `conversation ${id} validates`).toBe(true);
  }
  expect([...state.conversationOrder].sort()).toEqual(Object.keys(state.conversations).sort());
}
