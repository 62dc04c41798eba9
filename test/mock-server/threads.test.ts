/**
 * Threads on the reference server: replies with their own seqs outside the
 * conversation's log, the root's counters, who counts as a participant and
 * their unread counts, paging, resends, deleted roots and what may not have a
 * thread at all.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS, type Conversation, type Message } from '../../src/core/protocol';
import { errorCode, newServer, ok, record, type Recorder } from './helpers';

function world() {
  const server = newServer({ seed: 'empty' });
  const [alice, bob, carol] = ['alice', 'bob', 'carol'].map((id) => record(server, id)) as [Recorder, Recorder, Recorder];
  const root = ok(alice.request('message:send', { conversationId: 'general', clientId: 'root', text: 'Release on Friday?' })).message;
  return { server, alice, bob, carol, root };
}

const reply = (user: Recorder, rootId: string, clientId: string, extra: Record<string, unknown> = {}) =>
  user.request('message:send', { conversationId: 'general', clientId, text: `reply ${clientId}`, parentId: rootId, ...extra });

const updatedRoots = (user: Recorder, rootId: string) => (user.of('message:updated') as Message[]).filter((m) => m.id === rootId);
const unreadThreads = (user: Recorder) =>
  (user.of('conversation:updated') as Conversation[]).filter((c) => c.id === 'general').map((c) => c.unreadThreads);

describe('a thread reply', () => {
  it('takes the thread’s own seq, stays out of the conversation, and reaches every member', () => {
    const { server, alice, bob, carol, root } = world();
    const first = ok(reply(bob, root.id, 'b1')).message;
    const second = ok(reply(carol, root.id, 'c1')).message;
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect(first).toMatchObject({ parentId: root.id, conversationId: 'general', authorId: 'bob' });
    expect(first.id).not.toBe(second.id);
    expect(server.messages('general').map((m) => m.id)).toEqual([root.id]);
    for (const member of [alice, bob, carol]) {
      expect((member.of('message:new') as Message[]).filter((m) => m.parentId === root.id).map((m) => m.id)).toEqual([first.id, second.id]);
    }
  });

  it('gives the root its count, last reply time and newest distinct repliers (at most five)', () => {
    const { server, alice, root } = world();
    const authors = ['bob', 'carol', 'dave', 'erin', 'frank', 'bob'].map((id) => record(server, id));
    authors.forEach((user, i) => ok(reply(user, root.id, `r${i}`)));
    const latest = updatedRoots(alice, root.id).at(-1)!;
    expect(latest.replyCount).toBe(6);
    expect(latest.replierIds).toEqual(['bob', 'frank', 'erin', 'dave', 'carol'].slice(0, LIMITS.maxRepliers));
    expect(latest.lastReplyAt).toBeGreaterThanOrEqual(root.createdAt);
    expect(server.messages('general')[0]).toMatchObject({ replyCount: 6 });
  });

  it('is stored once when resent with the same clientId', () => {
    const { bob, root, alice } = world();
    const first = ok(reply(bob, root.id, 'same')).message;
    const again = ok(reply(bob, root.id, 'same')).message;
    expect(again).toEqual(first);
    expect(updatedRoots(alice, root.id).at(-1)!.replyCount).toBe(1);
    expect(ok(alice.request('thread:since', { rootId: root.id, afterSeq: 0 })).messages).toHaveLength(1);
  });

  it('with alsoInConversation also posts a copy in the conversation, quoting the root', () => {
    const { server, bob, root } = world();
    const threadReply = ok(reply(bob, root.id, 'both', { alsoInConversation: true })).message;
    const copy = server.messages('general').at(-1)!;
    expect(copy).toMatchObject({ authorId: 'bob', text: threadReply.text, replyTo: root.id });
    expect(copy.parentId).toBeUndefined();
    // A resend posts neither again.
    ok(reply(bob, root.id, 'both', { alsoInConversation: true }));
    expect(server.messages('general')).toHaveLength(2);
  });

  it('is refused for a reply to a reply, a system notice, another conversation’s message and a deleted root', () => {
    const { server, alice, bob, root } = world();
    const child = ok(reply(bob, root.id, 'child')).message;
    expect(errorCode(reply(alice, child.id, 'nested'))).toBe('invalid_payload');
    ok(bob.request('message:pin', { id: root.id }));
    const notice = server.messages('general').find((m) => m.kind === 'system')!;
    expect(errorCode(reply(alice, notice.id, 'onNotice'))).toBe('invalid_payload');
    const direct = ok(alice.request('message:send', { conversationId: 'alice-bob', clientId: 'd', text: 'direct' })).message;
    expect(reply(alice, direct.id, 'elsewhere')).toEqual({ ok: false, error: { code: 'not_found', message: 'No such message' } });
    expect(errorCode(alice.request('message:send', { conversationId: 'general', clientId: 'x', text: 'x', alsoInConversation: true }))).toBe(
      'invalid_payload',
    );
    ok(alice.request('message:delete', { id: root.id }));
    expect(errorCode(reply(bob, root.id, 'late'))).toBe('forbidden');
  });

  it('quotes only messages of its own thread', () => {
    const { alice, bob, root } = world();
    const inThread = ok(reply(bob, root.id, 'q1')).message;
    const other = ok(alice.request('message:send', { conversationId: 'general', clientId: 'other', text: 'unrelated' })).message;
    expect(ok(reply(alice, root.id, 'q2', { replyTo: inThread.id })).message.replyTo).toBe(inThread.id);
    expect(errorCode(reply(alice, root.id, 'q3', { replyTo: other.id }))).toBe('not_found');
  });
});

describe('editing and deleting replies', () => {
  it('an edit reaches members as message:updated; a delete leaves a tombstone and lowers the root’s count', () => {
    const { alice, bob, root } = world();
    const first = ok(reply(bob, root.id, 'e1')).message;
    ok(reply(bob, root.id, 'e2'));
    expect(ok(bob.request('message:edit', { id: first.id, text: 'edited' })).message).toMatchObject({ text: 'edited', parentId: root.id });
    expect((alice.of('message:updated') as Message[]).some((m) => m.id === first.id && m.text === 'edited')).toBe(true);
    ok(bob.request('message:delete', { id: first.id }));
    const page = ok(alice.request('thread:since', { rootId: root.id, afterSeq: 0 })).messages;
    expect(page.map((m) => [m.seq, m.deletedAt !== undefined])).toEqual([[1, true], [2, false]]);
    expect(updatedRoots(alice, root.id).at(-1)!.replyCount).toBe(1);
    expect(errorCode(alice.request('message:edit', { id: page[1]!.id, text: 'not mine' }))).toBe('forbidden');
  });

  it('a deleted root keeps its thread readable, and every page carries the root as it is now', () => {
    const { alice, bob, root } = world();
    ok(reply(bob, root.id, 'd1'));
    ok(alice.request('message:delete', { id: root.id }));
    const page = ok(bob.request('thread:before', { rootId: root.id, beforeSeq: 100, limit: 10 }));
    expect(page.root).toMatchObject({ id: root.id, text: '', replyCount: 1 });
    expect(page.root.deletedAt).toBeDefined();
    expect(page.messages.map((m) => m.text)).toEqual(['reply d1']);
  });

  it('a thread reply cannot be pinned', () => {
    const { bob, root } = world();
    const child = ok(reply(bob, root.id, 'p')).message;
    expect(errorCode(bob.request('message:pin', { id: child.id }))).toBe('invalid_payload');
  });
});

describe('paging a thread', () => {
  it('thread:before and thread:since page by thread seq with hasMore, like a conversation', () => {
    const { alice, bob, root } = world();
    for (let i = 1; i <= 7; i++) ok(reply(bob, root.id, `p${i}`));
    const latest = ok(alice.request('thread:before', { rootId: root.id, beforeSeq: 8, limit: 3 }));
    expect(latest.messages.map((m) => m.seq)).toEqual([5, 6, 7]);
    expect(latest.hasMore).toBe(true);
    const oldest = ok(alice.request('thread:before', { rootId: root.id, beforeSeq: 3, limit: 3 }));
    expect([oldest.messages.map((m) => m.seq), oldest.hasMore]).toEqual([[1, 2], false]);
    const since = ok(alice.request('thread:since', { rootId: root.id, afterSeq: 2, limit: 2 }));
    expect([since.messages.map((m) => m.seq), since.hasMore]).toEqual([[3, 4], true]);
    expect(ok(alice.request('thread:since', { rootId: root.id, afterSeq: 7 })).messages).toEqual([]);
  });

  it('a root nobody replied to reads as an empty thread', () => {
    const { alice, root } = world();
    expect(ok(alice.request('thread:before', { rootId: root.id, beforeSeq: 1_000, limit: 50 }))).toMatchObject({
      root: { id: root.id },
      messages: [],
      hasMore: false,
    });
  });
});

describe('unread thread replies', () => {
  it('count for the root’s author and repliers, not for members who never took part', () => {
    const { server, alice, bob, carol, root } = world();
    const dave = record(server, 'dave');
    ok(reply(bob, root.id, 'u1'));
    ok(reply(carol, root.id, 'u2'));
    expect(unreadThreads(alice).at(-1)).toEqual({ [root.id]: 2 });
    // Bob wrote the first reply, so only Carol's is unread for him.
    expect(unreadThreads(bob).at(-1)).toEqual({ [root.id]: 1 });
    expect(unreadThreads(dave)).toEqual([]);
    const list = ok(dave.request('conversations:list')).conversations.find((c) => c.id === 'general')!;
    expect(list.unreadThreads).toEqual({});
  });

  it('thread:read moves forward only, clamps to the last reply and tells the reader’s own sessions', () => {
    const { alice, bob, root } = world();
    ok(reply(bob, root.id, 'r1'));
    ok(reply(bob, root.id, 'r2'));
    ok(alice.request('thread:read', { rootId: root.id, seq: 1 }));
    expect(unreadThreads(alice).at(-1)).toEqual({ [root.id]: 1 });
    ok(alice.request('thread:read', { rootId: root.id, seq: 99 }));
    expect(unreadThreads(alice).at(-1)).toEqual({});
    const heard = unreadThreads(alice).length;
    ok(alice.request('thread:read', { rootId: root.id, seq: 1 }));
    expect(unreadThreads(alice)).toHaveLength(heard);
    ok(reply(bob, root.id, 'r3'));
    expect(unreadThreads(alice).at(-1)).toEqual({ [root.id]: 1 });
  });

  it('a member who reads a thread takes part in it from then on', () => {
    const { server, bob, root } = world();
    const dave = record(server, 'dave');
    ok(reply(bob, root.id, 'w1'));
    ok(dave.request('thread:read', { rootId: root.id, seq: 1 }));
    ok(reply(bob, root.id, 'w2'));
    expect(unreadThreads(dave).at(-1)).toEqual({ [root.id]: 1 });
  });

  it('a deleted reply no longer counts as unread', () => {
    const { alice, bob, root } = world();
    const gone = ok(reply(bob, root.id, 'gone')).message;
    ok(bob.request('message:delete', { id: gone.id }));
    const list = ok(alice.request('conversations:list')).conversations.find((c) => c.id === 'general')!;
    expect(list.unreadThreads).toEqual({});
  });
});

describe('search', () => {
  it('finds thread replies by their text, and no longer once deleted', () => {
    const { alice, bob, root } = world();
    const found = ok(reply(bob, root.id, 'zebra', { text: 'zebra crossing' })).message;
    expect(ok(alice.request('messages:search', { query: 'zebra' })).results.map((m) => m.id)).toEqual([found.id]);
    ok(bob.request('message:delete', { id: found.id }));
    expect(ok(alice.request('messages:search', { query: 'zebra' })).results).toEqual([]);
  });
});
