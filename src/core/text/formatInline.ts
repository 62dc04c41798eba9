/**
 * Inline formatting: `*bold*`, `_italic_`, `~strike~` (or doubled, as
 * Markdown writes them), `` `code` ``, `[text](url)`, bare links and
 * mentions. Code spans and links are found first and are atomic: nothing
 * inside code is markup, and a URL's own `_` or `*` never starts emphasis.
 * Emphasis opens after a non-word character and closes before one, on the
 * same line, so `snake_case` and `2*3*4` stay as written. Every closing
 * delimiter is found by binary search in a precomputed list, so hostile
 * input (thousands of unclosed openers) parses in O(n log n).
 */
import type { FormattedInline, MentionName } from './formatTypes';
import { punycodeHost } from './linkHost';
import { findLinks, safeUrl } from './links';

const EMPHASIS = { '*': 'strong', _: 'em', '~': 'strike' } as const;
type Delimiter = keyof typeof EMPHASIS;
/** Emphasis nested deeper than this stays as written. */
const MAX_DEPTH = 5;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
// ASCII answered without a regex: these run for every delimiter of a message.
const isWord = (c: string) => {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD.test(c);
};
const isSpace = (c: string) => {
  const code = c.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE.test(c);
};
const anyCovered = (covered: Uint8Array, from: number, to: number) => {
  for (let i = from; i < to; i++) if (covered[i] === 1) return true;
  return false;
};
/** What any inline mark, link or mention needs (a link: a scheme's colon, an address's @, or www.). */
const INTERESTING = /[*_~`[:@]|www\./i;
const MARKDOWN_LINK = /\[([^[\]\n]{1,1000})\]\(((?:[^\s()]|\([^\s()]*\)){1,2048})\)/g;

interface Atom {
  readonly start: number;
  readonly end: number;
  make(depth: number): FormattedInline;
}

interface Scan {
  readonly text: string;
  readonly atoms: Map<number, Atom>;
  /** Delimiter runs of one or two characters outside atoms: start → length. */
  readonly runs: Map<number, number>;
  /** Where runs that can close sit, by delimiter and length ("*1", "_2", …), in order. */
  readonly closers: Map<string, number[]>;
  /** For positions inside a `[label]`: where that link starts (emphasis from outside may not close in there). */
  readonly labelOf: Int32Array | undefined;
  readonly newlines: readonly number[];
  /** Where an atom or a run starts, in order: the only places the parser needs to look. */
  readonly events: readonly number[];
  readonly mentions: CompiledMentions | undefined;
}

/** Mentions made ready once per message (a message has many paragraphs and list items). */
export interface CompiledMentions {
  readonly pattern: RegExp;
  readonly ids: ReadonlyMap<string, string>;
}

/** The inline content of `text`. */
export function parseInline(text: string, mentions?: CompiledMentions): FormattedInline[] {
  // Most lines hold no mark, link or mention: nothing to scan for.
  if (!INTERESTING.test(text)) return text === '' ? [] : [{ kind: 'text', text }];
  const scan = scanText(text, mentions);
  return parseRange(scan, 0, text.length, 0);
}

function scanText(text: string, mentions: CompiledMentions | undefined): Scan {
  const atoms = new Map<number, Atom>();
  const covered = new Uint8Array(text.length);
  const cover = (atom: Atom) => {
    atoms.set(atom.start, atom);
    covered.fill(1, atom.start, atom.end);
  };
  const codeSpans = findCodeSpans(text);
  let labelOf: Int32Array | undefined;
  for (const match of text.includes('](') ? text.matchAll(MARKDOWN_LINK) : []) {
    const start = match.index;
    const end = start + match[0].length;
    const labelEnd = start + 1 + match[1]!.length;
    const url = safeUrl(match[2]!);
    // A code span may sit inside the label, not across the link's edges or in its URL.
    if (!url || crossesCode(codeSpans, start, labelEnd, end)) continue;
    labelOf ??= new Int32Array(text.length).fill(-1);
    labelOf.fill(start, start + 1, labelEnd);
    atoms.set(start, {
      start,
      end,
      make: (depth) => linkNode(url, parseRange(scan, start + 1, labelEnd, depth + 1)),
    });
    covered.fill(1, labelEnd, end);
    covered[start] = 1;
  }
  for (const code of codeSpans) if (!atoms.has(code.start)) cover(code);
  for (const link of findLinks(text)) {
    if (anyCovered(covered, link.start, link.end) || (labelOf && labelOf[link.start] !== -1)) continue;
    cover({
      start: link.start,
      end: link.end,
      make: () => {
        const host = punycodeHost(link.url, link.raw);
        const children = [{ kind: 'text', text: link.raw } as const];
        return host === undefined ? { kind: 'link', href: link.url.href, children } : { kind: 'link', href: link.url.href, children, host };
      },
    });
  }

  const runs = new Map<number, number>();
  const closers = new Map<string, number[]>();
  for (let start = 0; start < text.length; start++) {
    const c = text[start]!;
    if (c !== '*' && c !== '_' && c !== '~') continue;
    let length = 1;
    while (text[start + length] === c) length++;
    const at = start;
    start += length - 1;
    if (length > 2 || anyCovered(covered, at, at + length)) continue;
    runs.set(at, length);
    const before = text[at - 1];
    const after = text[at + length];
    if (before !== undefined && !isSpace(before) && (after === undefined || !isWord(after))) {
      const key = c + length;
      const list = closers.get(key);
      if (list) list.push(at);
      else closers.set(key, [at]);
    }
  }
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  // Runs are found in order; atoms (fewer) are sorted and merged in.
  const events = mergeSorted([...atoms.keys()].sort((a, b) => a - b), [...runs.keys()]);
  const scan: Scan = { text, atoms, runs, closers, labelOf, newlines, events, mentions };
  return scan;
}

/** Whether a code span (sorted, apart) overlaps `[start, end)` other than inside the label `(start, labelEnd)`. */
function crossesCode(spans: readonly Atom[], start: number, labelEnd: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < spans.length && spans[k]!.start < end; k++) {
    if (spans[k]!.start <= start || spans[k]!.end > labelEnd) return true;
  }
  return false;
}

/** `` `code` ``: a run of backticks up to the next run of the same length (CommonMark's rule). */
function findCodeSpans(text: string): Atom[] {
  const runs: { start: number; length: number }[] = [];
  const ticks = /`+/g;
  for (let m = ticks.exec(text); m !== null; m = ticks.exec(text)) runs.push({ start: m.index, length: m[0].length });
  if (runs.length < 2) return [];
  const byLength = new Map<number, number[]>();
  runs.forEach((run, k) => {
    const list = byLength.get(run.length);
    if (list) list.push(k);
    else byLength.set(run.length, [k]);
  });
  const next = new Map<number, number>();
  const spans: Atom[] = [];
  let after = 0;
  for (let k = 0; k < runs.length; k++) {
    const open = runs[k]!;
    if (open.start < after) continue;
    const list = byLength.get(open.length)!;
    let p = next.get(open.length) ?? 0;
    while (p < list.length && list[p]! <= k) p++;
    next.set(open.length, p);
    if (p === list.length) continue;
    const close = runs[list[p]!]!;
    let code = text.slice(open.start + open.length, close.start);
    if (code.trim() === '') continue;
    if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ')) code = code.slice(1, -1);
    const node: FormattedInline = { kind: 'code', text: code };
    spans.push({ start: open.start, end: close.start + close.length, make: () => node });
    after = close.start + close.length;
  }
  return spans;
}

function parseRange(scan: Scan, start: number, end: number, depth: number): FormattedInline[] {
  const { text, events } = scan;
  const out: FormattedInline[] = [];
  let plainFrom = start;
  const flush = (to: number) => {
    if (to > plainFrom) pushText(scan, out, text.slice(plainFrom, to));
  };
  let i = start;
  for (let e = firstAtLeast(events, start); e < events.length; e++) {
    const at = events[e]!;
    if (at >= end) break;
    // Consumed by an atom or emphasis already.
    if (at < i) continue;
    i = at;
    const atom = scan.atoms.get(i);
    if (atom) {
      if (atom.end > end) continue;
      flush(i);
      out.push(atom.make(depth));
      i = plainFrom = atom.end;
      continue;
    }
    const length = scan.runs.get(i)!;
    const close = depth < MAX_DEPTH ? closerFor(scan, i, length, end) : -1;
    if (close === -1) {
      i += length;
      continue;
    }
    flush(i);
    out.push({ kind: EMPHASIS[text[i] as Delimiter], children: parseRange(scan, i + length, close, depth + 1) });
    i = plainFrom = close + length;
  }
  flush(end);
  return out;
}

/** Where the emphasis opened at `open` closes, or -1: the nearest closing run of the same kind on its line. */
function closerFor(scan: Scan, open: number, length: number, end: number): number {
  const { text } = scan;
  const before = text[open - 1];
  const after = text[open + length];
  if (after === undefined || isSpace(after) || (before !== undefined && isWord(before))) return -1;
  const list = scan.closers.get(text[open]! + length);
  if (!list) return -1;
  const candidate = list[firstAtLeast(list, open + length + 1)];
  const lineEnd = scan.newlines[firstAtLeast(scan.newlines, open)] ?? text.length;
  if (candidate === undefined || candidate + length > Math.min(end, lineEnd)) return -1;
  // Not inside a link's label that starts after the opener: that would cut the link in two.
  const label = scan.labelOf?.[candidate] ?? -1;
  return label > open ? -1 : candidate;
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0) return b as number[];
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
  return out;
}

function firstAtLeast(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function linkNode(url: URL, children: FormattedInline[]): FormattedInline {
  const shown = url.protocol === 'mailto:' ? decodeURIComponent(url.pathname) : url.hostname;
  const visible = plainText(children).toLowerCase();
  return visible.includes(shown.toLowerCase()) ? { kind: 'link', href: url.href, children } : { kind: 'link', href: url.href, children, host: shown };
}

function plainText(nodes: readonly FormattedInline[]): string {
  return nodes.map((n) => ('children' in n ? plainText(n.children) : n.text)).join('');
}

/** The names to look for as `@name`, or undefined when there are none. */
export function compileMentions(mentions: readonly MentionName[] | undefined): CompiledMentions | undefined {
  const named = (mentions ?? []).filter((m) => m.name.trim() !== '');
  if (named.length === 0) return undefined;
  const ids = new Map(named.map((m) => [m.name.toLocaleLowerCase(), m.userId]));
  // Longest first, so "@Ann Lee" wins over "@Ann".
  const names = [...ids.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { pattern: new RegExp(`@(?:${names.join('|')})(?![\\p{L}\\p{N}_])`, 'giu'), ids };
}

function pushText(scan: Scan, out: FormattedInline[], text: string) {
  const mentions = scan.mentions;
  if (!mentions || !text.includes('@')) {
    out.push({ kind: 'text', text });
    return;
  }
  let last = 0;
  for (const match of text.matchAll(mentions.pattern)) {
    if (match.index > last) out.push({ kind: 'text', text: text.slice(last, match.index) });
    out.push({ kind: 'mention', text: match[0], userId: mentions.ids.get(match[0].slice(1).toLocaleLowerCase())! });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
}
