/**
 * How search compares words, on its own so the parts that only need it (the
 * mention picker, at start) do not take the rest of `searchWords.ts` along.
 */
const MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** Lowercased, decomposed and without marks: "Café" and "cafe" fold alike. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Most chat text is ASCII: nothing to decompose.
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(MARKS, '');
}
