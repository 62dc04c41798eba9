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
 * `count` messages, oldest first: ~40 % short (1–4 words), ~35 % medium (8–30 words),
 * ~15 % multi-line (2–5 lines), ~10 % with a long unbreakable word (40–120 chars).
 */
export function generateMessages(count: number, seed = 20261126): BenchMessage[] {
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const words = (n: number) => Array.from({ length: n }, () => WORDS[int(0, WORDS.length - 1)]!).join(' ');
  const start = Date.UTC(2026, 0, 1);
  const out: BenchMessage[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const kind = rand();
    let text: string;
    if (kind < 0.4) text = words(int(1, 4));
    else if (kind < 0.75) text = words(int(8, 30));
    else if (kind < 0.9) text = Array.from({ length: int(2, 5) }, () => words(int(2, 10))).join('\n');
    else text = `${words(int(1, 5))} ${'x'.repeat(int(40, 120))} ${words(int(0, 6))}`.trim();
    out[i] = { id: `m${i}`, authorId: AUTHORS[int(0, AUTHORS.length - 1)]!, text: `#${i} ${text}`, createdAt: start + i * 45_000 };
  }
  return out;
}
