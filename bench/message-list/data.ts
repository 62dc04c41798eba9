/** Deterministic bench conversation: same seed, same messages for every list. */
import { mulberry32 } from '../../src/mock-server/random';

export interface BenchMessage {
  id: string;
  authorId: string;
  text: string;
  createdAt: number;
}

export const AUTHORS = ['alice', 'bob', 'carol', 'dave'] as const;
/** The signed-in user of every list ("own" messages are right-aligned). */
export const ME = 'alice';
/** Older messages added at the top by `prepend`. */
export const PREPEND = 50;

const WORDS =
  'the release notes are live and login screen is next so please pull before you test anything today we shipped fixes for sync upload retry offline queue design review tomorrow morning coffee deploy staging production rollback metrics dashboard looks fine'.split(
    ' ',
  );

/**
 * Message `i` of the conversation (0 = oldest), computed from the index alone, so a
 * remote-style backend can answer pages without holding the conversation in the page:
 * ~40 % short (1–4 words), ~35 % medium (8–30 words), ~15 % multi-line (2–5 lines),
 * ~10 % with a long unbreakable word (40–120 chars); about one in six formatted (`withFormatting`).
 */
export function messageAt(i: number, seed = 20261126): BenchMessage {
  const rand = mulberry32((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const words = (n: number) => Array.from({ length: n }, () => WORDS[int(0, WORDS.length - 1)]!).join(' ');
  const kind = rand();
  let text: string;
  if (kind < 0.4) text = words(int(1, 4));
  else if (kind < 0.75) text = words(int(8, 30));
  else if (kind < 0.9) text = Array.from({ length: int(2, 5) }, () => words(int(2, 10))).join('\n');
  else text = `${words(int(1, 5))} ${'x'.repeat(int(40, 120))} ${words(int(0, 6))}`.trim();
  text = withFormatting(text, rand(), () => words(int(1, 3)));
  return { id: `m${i}`, authorId: AUTHORS[int(0, AUTHORS.length - 1)]!, text: `#${i} ${text}`, createdAt: START + i * 45_000 };
}

const START = Date.UTC(2026, 0, 1);

/**
 * About one message in six carries formatting, as in a working team's chat: bold, inline
 * code or italic words (~14 %), a short list (1 %) or a fenced code block (1 %). The
 * formatting-off row shows the same text with its marks as typed.
 */
function withFormatting(text: string, r: number, more: () => string): string {
  if (r < 0.07) return `${text} *${more()}*`;
  if (r < 0.11) return `${text} \`${more()}()\``;
  if (r < 0.14) return `_${more()}_ ${text}`;
  if (r < 0.15) return `${text}\n- ${more()}\n- ${more()}`;
  if (r < 0.16) return `${text}\n\`\`\`ts\nconst ${more().split(' ')[0]} = 1;\n\`\`\``;
  return text;
}

/** The whole conversation as one array, oldest first (what the array-fed lists hold). */
export function generateMessages(count: number): BenchMessage[] {
  const out: BenchMessage[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = messageAt(i);
  return out;
}

/**
 * What a list gets to mount: `total` = n + PREPEND messages, oldest first. Array-fed lists
 * call `array()`; a remote-style backend reads `at(i)` on request and holds nothing.
 */
export interface BenchData {
  total: number;
  at(i: number): BenchMessage;
  array(): BenchMessage[];
}

export function benchData(total: number): BenchData {
  return { total, at: (i) => messageAt(i), array: () => generateMessages(total) };
}
