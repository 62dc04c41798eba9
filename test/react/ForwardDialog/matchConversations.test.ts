import { describe, expect, test } from 'vitest';
import type { ConversationSummary } from '../../../src/core/selectors/conversations';
import { foldForMatch, matchConversations } from '../../../src/react/components/ForwardDialog/matchConversations';

const summary = (title: string) => ({ title, conversation: { id: title } }) as unknown as ConversationSummary;
const all = ['Café crème', 'Design reviews', 'Launch 🚀', 'Bob Nguyen', 'İstanbul office'].map(summary);
const titles = (list: readonly ConversationSummary[]) => list.map((s) => s.title);

describe('the forward dialog’s filter', () => {
  test('an empty or blank query keeps every conversation, in order (the same list)', () => {
    expect(matchConversations(all, '')).toBe(all);
    expect(matchConversations(all, '   ')).toBe(all);
  });

  test('case and accents aside, every word must be in the title, anywhere', () => {
    expect(titles(matchConversations(all, 'cafe'))).toEqual(['Café crème']);
    expect(titles(matchConversations(all, 'CREME caf'))).toEqual(['Café crème']);
    expect(titles(matchConversations(all, 'rev des'))).toEqual(['Design reviews']);
    expect(titles(matchConversations(all, 'design launch'))).toEqual([]);
    expect(titles(matchConversations(all, '🚀'))).toEqual(['Launch 🚀']);
  });

  test('folds by the locale: a Turkish dotted capital I matches i', () => {
    expect(foldForMatch('İstanbul', 'tr')).toBe('istanbul');
    expect(titles(matchConversations(all, 'istanbul', 'tr'))).toEqual(['İstanbul office']);
  });
});
