/**
 * The words search matches on, the same for a message's text and for a query,
 * so "Café" and "cafe", "DEPLOY" and "deploy" are one word: the client's
 * highlighting uses the same rules (core/text/searchWords.ts).
 */
import { foldedWords } from '../core/text/searchWords';

/** The distinct words of `text`, folded, in order of first appearance. */
export const searchTokens = foldedWords;

/**
 * A query's words, less those another of its words starts with: every query
 * word must begin a word of the message, so "dep deploy" asks no more than "deploy".
 */
export function queryTokens(query: string): string[] {
  const tokens = searchTokens(query);
  return tokens.filter((t) => !tokens.some((other) => other !== t && other.startsWith(t)));
}
