// @vitest-environment node
import { describe, expect, test } from 'vitest';
import {
  lastMessagePreview,
  selectConversations,
  selectConversationSummaries,
  selectConversationSummary,
  selectConversationTitle,
  selectCounterpart,
  type ConversationSummary,
} from '../../../src/core/selectors';
import type { Conversation, User } from '../../../src/core/protocol';
import { createChatStore, type ChatState } from '../../../src/core/store';
import { conversation, message } from './fixtures';

const users: Record<string, User> = {
  alice: { id: 'alice', name: 'Alice' },
  bob: { id: 'bob', name: 'Bob' },
  carol: { id: 'carol', name: 'Carol' },
};

function stateWith(conversations: Conversation[]): ChatState {
  const store = createChatStore('alice');
  store.setState({
    users,
    conversations: Object.fromEntries(conversations.map((c) => [c.id, c])),
    conversationOrder: conversations.map((c) => c.id),
  });
  return store.getState();
}

const general = conversation();
const direct = conversation({
  id: 'alice-bob',
  kind: 'direct',
  title: 'alice & bob',
  lastMessage: message({ id: 'd1', conversationId: 'alice-bob', authorId: 'alice', text: 'Lunch?' }),
});

describe('lastMessagePreview', () => {
  const preview = (c: Conversation) => lastMessagePreview(c, 'alice', users[c.lastMessage?.authorId ?? '']);

  test('names the author of someone else’s message in a group, and nobody in a direct chat', () => {
    expect(preview(general)).toEqual({ kind: 'text', text: 'Hello there', own: false, authorName: 'Bob' });
    expect(preview(conversation({ kind: 'direct' }))).toEqual({ kind: 'text', text: 'Hello there', own: false, authorName: undefined });
  });
  test('own messages are marked own, in groups and direct chats', () => {
    expect(preview(direct)).toEqual({ kind: 'text', text: 'Lunch?', own: true, authorName: undefined });
    expect(preview(conversation({ lastMessage: message({ authorId: 'alice' }) })).own).toBe(true);
  });
  test('an author the store does not know is named by id', () => {
    expect(lastMessagePreview(conversation({ lastMessage: message({ authorId: 'zed' }) }), 'alice', undefined).authorName).toBe('zed');
  });
  test('tombstones, files without text, empty conversations', () => {
    expect(preview(conversation({ lastMessage: message({ deletedAt: 5 }) })).kind).toBe('deleted');
    const file = { id: 'f', url: 'blob:x', name: 'a.png', size: 1, mimeType: 'image/png' };
    expect(preview(conversation({ lastMessage: message({ text: ' ', attachments: [file] }) }))).toEqual({
      kind: 'attachment',
      text: '',
      own: false,
      authorName: 'Bob',
    });
    expect(preview(conversation({ lastMessage: null })).kind).toBe('none');
    expect(preview(conversation({ lastMessage: message({ text: '\n ' }) })).kind).toBe('none');
  });
  test('system notices name nobody, even when the server lists the user as author', () => {
    expect(preview(conversation({ lastMessage: message({ kind: 'system', authorId: 'alice', text: 'Bob joined' }) }))).toEqual({
      kind: 'text',
      text: 'Bob joined',
      own: false,
      authorName: undefined,
    });
  });
  test('one line, capped at 160 characters with an ellipsis', () => {
    const text = `<b>line one</b>\n\n  line two ${'x'.repeat(500)}`;
    const result = preview(conversation({ lastMessage: message({ text }) })).text;
    expect(result.startsWith('<b>line one</b> line two x')).toBe(true);
    expect(result).not.toContain('\n');
    expect(result).toHaveLength(160);
    expect(result.endsWith('…')).toBe(true);
  });
});

describe('conversation summaries', () => {
  test('in the store’s order, a direct chat titled after the other member, a group by its title', () => {
    const state = stateWith([direct, general]);
    const rows = selectConversationSummaries(state);
    expect(rows.map((r) => [r.conversation.id, r.title, r.counterpartId])).toEqual([
      ['alice-bob', 'Bob', 'bob'],
      ['general', 'General', undefined],
    ]);
    expect(rows[0]!.counterpart).toBe(users.bob);
    expect(rows[0]!.lastActivityAt).toBe(1_000);
    expect(selectConversationSummary(state, 'alice-bob')).toBe(rows[0]);
    expect(selectConversationTitle(state, 'alice-bob')).toBe('Bob');
    expect(selectCounterpart(state, 'general')).toBeUndefined();
    // A conversation the store does not have yet is named by its id.
    expect(selectConversationTitle(state, 'nope')).toBe('nope');
    expect(selectConversationSummary(state, 'nope')).toBeUndefined();
  });

  test('a group without a title, and a direct chat whose counterpart is unknown, fall back to title then id', () => {
    const state = stateWith([conversation({ id: 'g2', title: '' }), conversation({ id: 'alice-zed', kind: 'direct', title: 'Zed chat', memberIds: ['alice', 'zed'] })]);
    expect(selectConversationSummaries(state).map((r) => r.title)).toEqual(['g2', 'Zed chat']);
  });

  test('a change to one conversation gives it a new summary; the others keep theirs', () => {
    const store = createChatStore('alice');
    store.setState(stateWith([direct, general]));
    const before = selectConversationSummaries(store.getState());
    const bobFirst = conversation({ ...general, lastSeq: 2, lastMessage: message({ id: 'm2', seq: 2, text: 'New' }), unreadCount: 1 });
    store.setState((s) => ({ conversations: { ...s.conversations, general: bobFirst }, conversationOrder: ['general', 'alice-bob'] }));
    const after = selectConversationSummaries(store.getState());
    expect(after).not.toBe(before);
    expect(after.map((r) => r.conversation.id)).toEqual(['general', 'alice-bob']);
    expect(after[0]!.preview.text).toBe('New');
    expect(after[0]!.unreadCount).toBe(1);
    expect(after[1]).toBe(before[0]);
  });

  test('the same answers while nothing they read changes', () => {
    const store = createChatStore('alice');
    store.setState(stateWith([direct, general]));
    const list = selectConversations(store.getState());
    const rows = selectConversationSummaries(store.getState());
    store.setState({ typing: { general: { bob: 1 } }, presence: { bob: true } });
    expect(selectConversations(store.getState())).toBe(list);
    expect(selectConversationSummaries(store.getState())).toBe(rows);
    // A users record with the same user objects changes no row either.
    store.setState((s) => ({ users: { ...s.users } }));
    expect(selectConversationSummaries(store.getState())).toBe(rows);
  });

  test('a renamed user renames the direct chat and the group previews naming them', () => {
    const store = createChatStore('alice');
    store.setState(stateWith([direct, general]));
    const before: ConversationSummary[] = selectConversationSummaries(store.getState());
    store.setState((s) => ({ users: { ...s.users, bob: { id: 'bob', name: 'Robert' } } }));
    const after = selectConversationSummaries(store.getState());
    expect(after.map((r) => r.title)).toEqual(['Robert', 'General']);
    expect(after[1]!.preview.authorName).toBe('Robert');
    expect(after[0]).not.toBe(before[0]);
  });
});
