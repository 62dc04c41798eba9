/**
 * Which parts of a message's text a search query matched, as slices of the
 * original string, so a component can wrap the matching ones in elements of
 * its own (text, never HTML).
 *
 * It matches as the reference server searches, with the same words
 * (searchWords.ts): case and accents do not count, and a query word matches
 * a word of the text that it begins ("dep" marks the "Dep" of "Deployed", not
 * the "dep" inside "redeploy"). Only the matching beginning is marked, so the
 * reader sees why the message was found.
 */
import { foldedWords, foldWord, searchWords } from './searchWords';

/** One piece of the text, in order; `match` pieces are what the query found. */
export interface TextSlice {
  readonly text: string;
  readonly match: boolean;
}

const MARK = /^\p{M}/u;

/** The query's distinct folded words; none for a query of punctuation alone. */
export function searchQueryWords(query: string): string[] {
  return foldedWords(query);
}

/**
 * How much of `word` (in UTF-16 units) spells `folded` once folded: the
 * shortest beginning whose fold is as long, with any marks that follow it
 * ("é" written as e + accent stays whole).
 */
function matchedLength(word: string, folded: string): number {
  let end = 0;
  for (const char of word) {
    end += char.length;
    if (foldWord(word.slice(0, end)).length >= folded.length) break;
  }
  let rest = word.slice(end);
  while (MARK.test(rest)) {
    const mark = String.fromCodePoint(rest.codePointAt(0)!);
    end += mark.length;
    rest = rest.slice(mark.length);
  }
  return end;
}

/**
 * `text` cut into slices, the beginnings of words that a word of `query`
 * matches marked. Joined back together the slices are `text` exactly.
 */
export function highlightMatches(text: string, query: string): TextSlice[] {
  // Longest first: where "dep" and "deploy" both match, "deploy" is marked whole.
  const queryWords = searchQueryWords(query).sort((a, b) => b.length - a.length);
  if (queryWords.length === 0 || text === '') return text === '' ? [] : [{ text, match: false }];
  const slices: TextSlice[] = [];
  let done = 0;
  for (const word of searchWords(text)) {
    const folded = foldWord(word.text);
    const hit = queryWords.find((q) => folded.startsWith(q));
    if (hit === undefined) continue;
    if (word.start > done) slices.push({ text: text.slice(done, word.start), match: false });
    const end = word.start + matchedLength(word.text, hit);
    const last = slices[slices.length - 1];
    // Words cut out of one unspaced run can touch: one mark for both.
    if (last?.match && word.start === done) slices[slices.length - 1] = { text: last.text + text.slice(word.start, end), match: true };
    else slices.push({ text: text.slice(word.start, end), match: true });
    done = end;
  }
  if (done < text.length) slices.push({ text: text.slice(done), match: false });
  return slices;
}

/**
 * The slices from a little before the first match, so a match deep in a long
 * message is in view in a clamped result: in a text over `longerThan`
 * characters, what is more than `before` characters ahead of the first match
 * is cut at a space and replaced by "…". Shorter texts are kept whole.
 */
export function fromFirstMatch(slices: readonly TextSlice[], before = 40, longerThan = 160): TextSlice[] {
  const first = slices.findIndex((s) => s.match);
  const lead = slices[first - 1];
  const length = slices.reduce((n, s) => n + s.text.length, 0);
  if (first <= 0 || !lead || lead.text.length <= before || length <= longerThan) return [...slices];
  const tail = lead.text.slice(-before);
  const space = tail.search(/\s/);
  const kept = space === -1 ? tail : tail.slice(space + 1);
  return [{ text: `…${kept}`, match: false }, ...slices.slice(first)];
}
