import { describe, expect, test } from 'vitest';
import { upsertConfirmed, EMPTY_TIMELINE } from '../../../src/core/messageTimeline';
import type { Conversation, Message } from '../../../src/core/protocol';
import { createChatStore, type ChatState } from '../../../src/core/store';
import type { ChatMessage } from '../../../src/core/types';
import { firstLine, selectPinnedIds, selectPinnedMessages } from '../../../src/react/components/PinnedMessages/pinnedMessages';

const message = (seq: number, text = `Message ${seq}`): ChatMessage => ({
  id: `m${seq}`,
  clientId: `c${seq}`,
  conversationId: 'general',
  authorId: 'bob',
  seq,
  createdAt: seq * 1_000,
  text,
  attachments: [],
  status: 'sent',
});

function state(pinnedIds: string[], loaded: number[], roots: Record<string, Message> = {}): ChatState {
  const base = createChatStore('alice').getState();
  const conversation = { id: 'general', pinnedIds } as unknown as Conversation;
  return {
    ...base,
    conversations: { general: conversation },
    messages: { general: upsertConfirmed(EMPTY_TIMELINE, loaded.map((seq) => message(seq))) },
    threadRoots: roots,
  };
}

describe('what the pinned bar knows', () => {
  test('pins newest first; no pins is one shared empty list', () => {
    expect(selectPinnedIds(state(['m1', 'm5', 'm3'], []), 'general')).toEqual(['m3', 'm5', 'm1']);
    expect(selectPinnedIds(state([], []), 'general')).toBe(selectPinnedIds(state([], []), 'unknown'));
  });

  test('finds loaded pins in the timeline, and a pin outside it among opened thread roots', () => {
    const root = message(1, 'The root');
    const s = state(['m1', 'm4', 'm9'], [3, 4, 5], { m1: root });
    const found = selectPinnedMessages(s, 'general');
    expect([...found.keys()].sort()).toEqual(['m1', 'm4']);
    expect(found.get('m4')?.text).toBe('Message 4');
    expect(found.get('m1')).toBe(root);
    expect(found.has('m9')).toBe(false);
  });

  test('the same answer while the timeline and the pins are the same', () => {
    const s = state(['m4'], [3, 4]);
    expect(selectPinnedMessages({ ...s, typing: { general: { bob: 1 } } }, 'general')).toBe(selectPinnedMessages(s, 'general'));
  });

  test('first line: the first line with words in it, whitespace collapsed', () => {
    expect(firstLine('  Ship   it\nunless QA objects')).toBe('Ship it');
    expect(firstLine('\n \n\tSecond\n')).toBe('Second');
    expect(firstLine('')).toBe('');
  });
});
