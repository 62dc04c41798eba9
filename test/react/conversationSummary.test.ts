import { describe, expect, test } from 'vitest';
import type { Conversation, Message, User } from '../../src/core/protocol';
import { en } from '../../src/i18n/en';
import {
  conversationPreview,
  conversationTitle,
  counterpartId,
  lastActivityAt,
} from '../../src/react/components/ConversationList/conversationSummary';

const users: Record<string, User> = { alice: { id: 'alice', name: 'Alice' }, bob: { id: 'bob', name: 'Bob' } };

function message(overrides: Partial<Message> = {}): Message {
  return {
    id: 'm1',
    clientId: 'c1',
    conversationId: 'general',
    authorId: 'bob',
    seq: 1,
    createdAt: 1_000,
    text: 'Hello there',
    attachments: [],
    ...overrides,
  };
}

function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'general',
    kind: 'group',
    title: 'General',
    memberIds: ['alice', 'bob'],
    lastSeq: 1,
    lastMessage: message(),
    readSeqs: {},
    deliveredSeqs: {},
    pinnedIds: [],
    unreadThreads: {},
    mentionCount: 0,
    unreadCount: 0,
    createdAt: 0,
    updatedAt: 2_000,
    ...overrides,
  };
}

describe('conversationPreview', () => {
  const preview = (c: Conversation) => conversationPreview(en, c, 'alice', users);

  test('own messages start with "You:"', () => {
    expect(preview(conversation({ lastMessage: message({ authorId: 'alice' }) }))).toBe('You: Hello there');
  });
  test('group messages name their author', () => {
    expect(preview(conversation())).toBe('Bob: Hello there');
  });
  test('direct messages from the other person are plain', () => {
    expect(preview(conversation({ kind: 'direct' }))).toBe('Hello there');
  });
  test('unknown authors fall back to their id', () => {
    expect(preview(conversation({ lastMessage: message({ authorId: 'zed' }) }))).toBe('zed: Hello there');
  });
  test('deleted messages', () => {
    expect(preview(conversation({ lastMessage: message({ deletedAt: 5 }) }))).toBe('Message deleted');
  });
  test('attachment-only messages', () => {
    const file = { id: 'f', url: 'blob:x', name: 'a.png', size: 1, mimeType: 'image/png' };
    expect(preview(conversation({ kind: 'direct', lastMessage: message({ text: '', attachments: [file] }) }))).toBe(
      'Attachment',
    );
  });
  test('no messages', () => {
    expect(preview(conversation({ lastMessage: null }))).toBe('No messages yet');
  });
  test('system messages are shown as they are', () => {
    expect(preview(conversation({ lastMessage: message({ kind: 'system', text: 'Bob joined' }) }))).toBe('Bob joined');
  });
  test('one line, never HTML, and capped', () => {
    const text = `<b>line one</b>\n\n  line two ${'x'.repeat(500)}`;
    const result = preview(conversation({ kind: 'direct', lastMessage: message({ text }) }));
    expect(result.startsWith('<b>line one</b> line two x')).toBe(true);
    expect(result).not.toContain('\n');
    expect(result.length).toBeLessThanOrEqual(160);
    expect(result.endsWith('…')).toBe(true);
  });
});

describe('titles and counterparts', () => {
  test('a direct chat is named after the other member', () => {
    const c = conversation({ kind: 'direct', title: 'alice & bob' });
    expect(counterpartId(c, 'alice')).toBe('bob');
    expect(conversationTitle(c, users.bob)).toBe('Bob');
  });
  test('groups keep their title and have no counterpart', () => {
    const c = conversation();
    expect(counterpartId(c, 'alice')).toBeUndefined();
    expect(conversationTitle(c, undefined)).toBe('General');
  });
  test('last activity is the last message, else the update time', () => {
    expect(lastActivityAt(conversation())).toBe(1_000);
    expect(lastActivityAt(conversation({ lastMessage: null }))).toBe(2_000);
  });
});
