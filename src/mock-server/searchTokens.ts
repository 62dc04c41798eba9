/**
 * The words search matches on, the same for a message's text and for a query,
 * so "Café" and "cafe", "DEPLOY" and "deploy" are one word.
 *
 * A word is a run of letters, digits and combining marks (\p{L}\p{N}\p{M});
 * runs in scripts written without spaces (Han, kana, Thai, Lao, Khmer,
 * Myanmar) are cut into words by `Intl.Segmenter` where the runtime has it.
 * Each word is lowercased (toLowerCase: Unicode's default, locale-independent
 * mapping, the same as toLocaleLowerCase('und') but several times cheaper) and
 * decomposed (NFD) with its marks dropped, so accents and diacritics do not count.
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

interface WordSegmenter {
  segment(text: string): Iterable<{ segment: string; isWordLike?: boolean }>;
}

let segmenter: WordSegmenter | null | undefined;

function wordSegmenter(): WordSegmenter | null {
  if (segmenter === undefined) {
    const Segmenter = (Intl as { Segmenter?: new (locale: string, options: { granularity: 'word' }) => WordSegmenter }).Segmenter;
    segmenter = Segmenter ? new Segmenter('und', { granularity: 'word' }) : null;
  }
  return segmenter;
}

function fold(word: string): string {
  const lower = word.toLowerCase();
  // Most chat text is ASCII: nothing to decompose.
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(MARKS, '');
}

/** The distinct words of `text`, folded, in order of first appearance. */
export function searchTokens(text: string): string[] {
  const out = new Set<string>();
  const add = (word: string) => {
    const folded = fold(word);
    if (folded !== '') out.add(folded);
  };
  for (const [word] of text.matchAll(WORD)) {
    const cut = UNSPACED.test(word) ? wordSegmenter() : null;
    if (!cut) {
      add(word);
      continue;
    }
    for (const part of cut.segment(word)) if (part.isWordLike !== false) add(part.segment);
  }
  return [...out];
}

/**
 * A query's words, less those another of its words starts with: every query
 * word must begin a word of the message, so "dep deploy" asks no more than "deploy".
 */
export function queryTokens(query: string): string[] {
  const tokens = searchTokens(query);
  return tokens.filter((t) => !tokens.some((other) => other !== t && other.startsWith(t)));
}
