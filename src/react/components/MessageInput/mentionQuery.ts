/**
 * The mention picker's text logic, without React: where an `@…` being typed
 * starts, who it matches, what picking one writes, and which picked mentions
 * are still in the text when it is sent.
 */

import { foldWord } from '../../../core/text/foldWord';

/** The id a message's `mentions` use for everyone in a group. */
export const MENTION_EVERYONE = 'here';

/** An `@` at a word start, up to the caret: what follows it is the query. */
export interface MentionQuery {
  /** Index of the `@`. */
  readonly start: number;
  /** Index of the caret: the query is `text.slice(start + 1, end)`. */
  readonly end: number;
  readonly query: string;
}

/** A name longer than this is not being typed as a mention (and the scan stays short). */
const MAX_QUERY = 40;

/** The `@…` the caret is in: an `@` at the start or after whitespace, with no whitespace up to the caret. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  for (let i = caret - 1; i >= 0 && caret - i <= MAX_QUERY + 1; i--) {
    const ch = text[i]!;
    if (/\s/.test(ch)) return null;
    if (ch === '@') return i === 0 || /\s/.test(text[i - 1]!) ? { start: i, end: caret, query: text.slice(i + 1, caret) } : null;
  }
  return null;
}

/** Lower case without diacritics, by search's own rule: "Élodie" and "elodie" match. */
export { foldWord as fold };

export interface MentionCandidate {
  readonly id: string;
  readonly name: string;
}

/** Candidates whose id, or a word of whose name, starts with the query; in their given order. */
export function matchCandidates<C extends MentionCandidate>(candidates: readonly C[], query: string): C[] {
  const q = foldWord(query);
  if (q === '') return [...candidates];
  return candidates.filter((c) => foldWord(c.id).startsWith(q) || foldWord(c.name).startsWith(q) || foldWord(c.name).split(/\s+/).some((w) => w.startsWith(q)));
}

/** The text with the query replaced by `@name ` and the caret after it. */
export function insertMention(text: string, query: MentionQuery, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  const rest = text.slice(query.end);
  // A space already after the caret is kept as the separator instead of doubling it.
  const tail = rest.startsWith(' ') ? rest.slice(1) : rest;
  return { text: text.slice(0, query.start) + inserted + tail, caret: query.start + inserted.length };
}

/** The picked ids (id → the name written for it) whose `@name` is still in the text, in picking order. */
export function mentionsInText(text: string, picked: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [id, name] of picked) if (text.includes(`@${name}`)) out.push(id);
  return out;
}
