/**
 * The forward dialog's filter: conversations whose title contains every word
 * typed, case and accents aside ("cafe" finds "Café"), in the list's order.
 */
import type { ConversationSummary } from '../../../core/selectors/conversations';

/**
 * Lower case without combining marks, for comparing what people type with
 * titles. Lower case first: in Turkish "İ" lowers to "i", where stripping its
 * dot first would leave "I" and then "ı"; the dotless "ı" counts as "i" too.
 */
export function foldForMatch(text: string, locale?: string): string {
  return text.toLocaleLowerCase(locale).normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i');
}

export function matchConversations(
  summaries: readonly ConversationSummary[],
  query: string,
  locale?: string,
): readonly ConversationSummary[] {
  const words = foldForMatch(query, locale).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return summaries;
  return summaries.filter((s) => {
    const title = foldForMatch(s.title, locale);
    return words.every((w) => title.includes(w));
  });
}
