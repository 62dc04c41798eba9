/**
 * message:pin and message:unpin on the reference server: who may, what every member
 * hears (a notice and conversation:updated), the limit, and what deleting does.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS, type Conversation, type Message } from '../../src/core/protocol';
import { errorCode, newServer, ok, record, type Recorder } from './helpers';

function world() {
  const server = newServer({ seed: 'empty' });
  const bob = record(server, 'bob');
  const message = ok(bob.request('message:send', { conversationId: 'general', clientId: 'plan', text: 'The launch plan' })).message;
  return { server, bob, message };
}

const updates = (user: Recorder) => user.of('conversation:updated') as Conversation[];
/** What a session heard besides presence (attaching tells it who is online). */
const heard = (user: Recorder) => user.events.filter((e) => e.event !== 'presence');
const notices = (user: Recorder) => (user.of('message:new') as Message[]).filter((m) => m.kind === 'system');

describe('pinning', () => {
  it('a member pins: the ack, a notice quoting the message, and every member’s pinnedIds', () => {
    const { server, message } = world();
    const outsider = record(server, 'erin');
    server.removeMember('general', 'erin');
    outsider.events.length = 0;
    const [alice, carol, dave] = ['alice', 'carol', 'dave'].map((id) => record(server, id));

    expect(carol!.request('message:pin', { id: message.id, userId: 'alice' })).toEqual({ ok: true, pinnedIds: [message.id] });

    for (const member of [alice!, carol!, dave!]) {
      expect(notices(member)).toEqual([
        expect.objectContaining({ kind: 'system', authorId: 'carol', text: 'Carol Okafor pinned a message', replyTo: message.id }),
      ]);
      const [update] = updates(member);
      expect(update).toMatchObject({ id: 'general', pinnedIds: [message.id] });
      // The notice came first, so the conversation's last message is already it.
      expect(update!.lastMessage).toMatchObject({ text: 'Carol Okafor pinned a message' });
    }
    expect(heard(outsider)).toEqual([]);
    expect(server.conversation('general')!.pinnedIds).toEqual([message.id]);
  });

  it('is part of the conversation: a client connecting later lists it', () => {
    const { server, message } = world();
    ok(record(server, 'carol').request('message:pin', { id: message.id }));
    server.restart();
    const list = ok(record(server, 'alice').request('conversations:list'));
    expect(list.conversations.find((c) => c.id === 'general')!.pinnedIds).toEqual([message.id]);
  });

  it('pinning a pinned message changes nothing and says nothing', () => {
    const { server, message } = world();
    const carol = record(server, 'carol');
    ok(carol.request('message:pin', { id: message.id }));
    const alice = record(server, 'alice');
    expect(alice.request('message:pin', { id: message.id })).toEqual({ ok: true, pinnedIds: [message.id] });
    expect(heard(alice)).toEqual([]);
    expect(server.messages('general').filter((m) => m.kind === 'system')).toHaveLength(1);
  });

  it('refuses a deleted message (forbidden) and one the caller cannot see (not_found)', () => {
    const { server, bob, message } = world();
    ok(bob.request('message:delete', { id: message.id }));
    expect(errorCode(record(server, 'carol').request('message:pin', { id: message.id }))).toBe('forbidden');

    const theirs = ok(bob.request('message:send', { conversationId: 'bob-carol', clientId: 'x', text: 'private' })).message;
    const alice = record(server, 'alice');
    const refused = alice.request('message:pin', { id: theirs.id });
    expect(refused).toEqual({ ok: false, error: { code: 'not_found', message: 'No such message' } });
    expect(alice.request('message:pin', { id: 'm_bob-carol_999' })).toEqual(refused);
    expect(server.conversation('bob-carol')!.pinnedIds).toEqual([]);
    expect(server.messages('bob-carol').some((m) => m.kind === 'system')).toBe(false);
  });

  it(`holds at most ${LIMITS.maxPins} pins (too_large for one more)`, () => {
    const server = newServer({ seed: 'empty' });
    const bob = record(server, 'bob');
    const ids = Array.from({ length: LIMITS.maxPins + 1 }, (_, i) =>
      ok(bob.request('message:send', { conversationId: 'launch', clientId: `m${i}`, text: `item ${i}` })).message.id,
    );
    for (const id of ids.slice(0, -1)) ok(bob.request('message:pin', { id }));
    expect(errorCode(bob.request('message:pin', { id: ids.at(-1)! }))).toBe('too_large');
    expect(server.conversation('launch')!.pinnedIds).toEqual(ids.slice(0, -1));
  });

  it('a direct conversation’s update is made for each viewer (their own title and unread count)', () => {
    const server = newServer({ seed: 'empty' });
    const alice = record(server, 'alice');
    const bob = record(server, 'bob');
    const message = ok(alice.request('message:send', { conversationId: 'alice-bob', clientId: 'd', text: 'our address' })).message;
    ok(bob.request('message:pin', { id: message.id }));
    expect(updates(alice).at(-1)).toMatchObject({ title: 'Bob Nguyen', pinnedIds: [message.id] });
    expect(updates(bob).at(-1)).toMatchObject({ title: 'Alice Martin', pinnedIds: [message.id] });
  });
});

describe('unpinning', () => {
  function pinnedByCarol() {
    const w = world();
    ok(record(w.server, 'carol').request('message:pin', { id: w.message.id }));
    return w;
  }

  it('is refused to a member who is not the pinner, the author or an admin, and changes nothing', () => {
    const { server, message } = pinnedByCarol();
    const dave = record(server, 'dave');
    expect(errorCode(dave.request('message:unpin', { id: message.id, userId: 'carol' }))).toBe('forbidden');
    expect(server.conversation('general')!.pinnedIds).toEqual([message.id]);
    expect(heard(dave)).toEqual([]);
  });

  it('is refused as not_found to a non-member', () => {
    const { server, message } = pinnedByCarol();
    server.removeMember('general', 'dave');
    expect(record(server, 'dave').request('message:unpin', { id: message.id })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such message' },
    });
    expect(server.conversation('general')!.pinnedIds).toEqual([message.id]);
  });

  for (const [who, why] of [['carol', 'the pinner'], ['bob', 'the author'], ['alice', 'the admin (the group’s creator)']] as const) {
    it(`is allowed to ${why}, with a notice and the update to every member`, () => {
      const { server, message } = pinnedByCarol();
      const erin = record(server, 'erin');
      const user = record(server, who);
      expect(user.request('message:unpin', { id: message.id })).toEqual({ ok: true, pinnedIds: [] });
      const name = server.users().find((u) => u.id === who)!.name;
      expect(notices(erin)).toEqual([expect.objectContaining({ authorId: who, text: `${name} unpinned a message`, replyTo: message.id })]);
      expect(updates(erin).at(-1)!.pinnedIds).toEqual([]);
    });
  }

  it('of a message not pinned changes nothing', () => {
    const { server, message } = world();
    const dave = record(server, 'dave');
    expect(dave.request('message:unpin', { id: message.id })).toEqual({ ok: true, pinnedIds: [] });
    expect(heard(dave)).toEqual([]);
  });

  it('an admin of one group is no admin of another', () => {
    const server = newServer({ seed: 'empty' });
    const bob = record(server, 'bob');
    const message = ok(bob.request('message:send', { conversationId: 'launch', clientId: 'l', text: 'go/no-go' })).message;
    ok(record(server, 'frank').request('message:pin', { id: message.id }));
    // alice created General, not Launch (dave did).
    expect(errorCode(record(server, 'alice').request('message:unpin', { id: message.id }))).toBe('forbidden');
    ok(record(server, 'dave').request('message:unpin', { id: message.id }));
  });
});

describe('deleting a pinned message', () => {
  it('unpins it for everyone, quietly', () => {
    const server = newServer({ seed: 'empty' });
    const bob = record(server, 'bob');
    const kept = ok(bob.request('message:send', { conversationId: 'general', clientId: 'k', text: 'kept' })).message;
    const gone = ok(bob.request('message:send', { conversationId: 'general', clientId: 'g', text: 'gone' })).message;
    const carol = record(server, 'carol');
    ok(carol.request('message:pin', { id: kept.id }));
    ok(carol.request('message:pin', { id: gone.id }));
    const alice = record(server, 'alice');
    ok(bob.request('message:delete', { id: gone.id }));
    expect(updates(alice).map((c) => c.pinnedIds)).toEqual([[kept.id]]);
    expect(notices(alice)).toEqual([]);
    expect(server.conversation('general')!.pinnedIds).toEqual([kept.id]);
  });
});
