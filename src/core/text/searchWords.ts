/**
 * What a word is for search, in one place for the server's index and the
 * client's highlighting, so what is marked is what was found: a run of
 * letters, digits and combining marks (\p{L}\p{N}\p{M}); runs in scripts
 * written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) are cut into
 * words by `Intl.Segmenter` where the runtime has it. A word folds to
 * lowercase (toLowerCase: Unicode's default, locale-independent mapping, the
 * same as toLocaleLowerCase('und') but several times cheaper), decomposed
 * (NFD) with its marks dropped, so accents and diacritics do not count.
 */

import { foldWord } from './foldWord';

export { foldWord };

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

interface WordSegmenter {
  segment(text: string): Iterable<{ segment: string; index: number; isWordLike?: boolean }>;
}

let segmenter: WordSegmenter | null | undefined;

function wordSegmenter(): WordSegmenter | null {
  if (segmenter === undefined) {
    const Segmenter = (Intl as { Segmenter?: new (locale: string, options: { granularity: 'word' }) => WordSegmenter }).Segmenter;
    segmenter = Segmenter ? new Segmenter('und', { granularity: 'word' }) : null;
  }
  return segmenter;
}


/** A word of a text and where it starts (UTF-16 index), as it is written there. */
export interface SearchWord {
  readonly text: string;
  readonly start: number;
}

/** The words of `text`, in order. */
export function* searchWords(text: string): Generator<SearchWord> {
  for (const found of text.matchAll(WORD)) {
    const run = found[0];
    const start = found.index;
    const cut = UNSPACED.test(run) ? wordSegmenter() : null;
    if (!cut) {
      yield { text: run, start };
      continue;
    }
    for (const part of cut.segment(run)) {
      if (part.isWordLike !== false) yield { text: part.segment, start: start + part.index };
    }
  }
}

/**
 * The distinct folded words of `text`, in order of first appearance; none for punctuation
 * alone. The words of `searchWords`, without its generator: the server folds every message.
 */
export function foldedWords(text: string): string[] {
  const out = new Set<string>();
  const add = (word: string) => {
    const folded = foldWord(word);
    if (folded !== '') out.add(folded);
  };
  for (const [run] of text.matchAll(WORD)) {
    const cut = UNSPACED.test(run) ? wordSegmenter() : null;
    if (!cut) {
      add(run);
      continue;
    }
    for (const part of cut.segment(run)) if (part.isWordLike !== false) add(part.segment);
  }
  return [...out];
}
