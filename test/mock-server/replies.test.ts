/**
 * Quoted replies (`replyTo`) and mentions on `message:send`: a quote names a
 * message of the same conversation or nothing (one `not_found`, whatever the
 * id), and mentions keep only the conversation's members.
 */
import { describe, expect, it } from 'vitest';
import { errorCode, newServer, ok, record } from './helpers';

const send = (extra: Record<string, unknown>) => ({ conversationId: 'general', clientId: `c-${Math.random()}`, text: 'hello', ...extra });

describe('quoted replies', () => {
  it('stores replyTo and pushes it to every member', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const bob = record(server, 'bob');
    const quoted = ok(bob.request('message:send', send({ text: 'lunch?' }))).message;
    const reply = ok(alice.request('message:send', send({ text: 'agreed', replyTo: quoted.id }))).message;
    expect(reply.replyTo).toBe(quoted.id);
    expect(bob.of('message:new').at(-1)).toEqual(reply);
    expect(server.messages('general').at(-1)).toEqual(reply);
    // A message without a quote carries no replyTo at all.
    expect(ok(alice.request('message:send', send({}))).message).not.toHaveProperty('replyTo');
  });

  it('may quote a deleted message (the quote shows the tombstone)', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const gone = ok(alice.request('message:send', send({ text: 'oops' }))).message;
    ok(alice.request('message:delete', { id: gone.id }));
    expect(ok(alice.request('message:send', send({ replyTo: gone.id }))).message.replyTo).toBe(gone.id);
  });

  it('refuses a quote from another conversation, theirs or the caller’s own, with the one not_found', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const bob = record(server, 'bob');
    const inDirect = server.messages('alice-bob')[0]!.id; // alice is a member there
    const private_ = server.messages('bob-carol')[0]!.id; // she is not
    const before = server.messages('general').length;
    const answers = [inDirect, private_, 'm_general_999999', 'm_nope_1', 'garbage', 'm_general_0'].map((replyTo) =>
      alice.request('message:send', send({ replyTo })),
    );
    for (const ack of answers) expect(ack).toEqual({ ok: false, error: { code: 'not_found', message: 'No such message' } });
    expect(server.messages('general')).toHaveLength(before);
    expect(bob.of('message:new')).toEqual([]);
  });

  it('checks the quote before taking the caller’s uploads, so a refused send leaves them usable', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const attachment = { id: 'up1', url: 'https://example.com/a.png', name: 'a.png', size: 10, mimeType: 'image/png' };
    server.registerUpload({ uploaderId: 'alice', conversationId: 'general', attachment });
    const refused = alice.request('message:send', send({ clientId: 'first', attachments: [{ id: 'up1' }], replyTo: 'm_bob-carol_1' }));
    expect(errorCode(refused)).toBe('not_found');
    const sent = ok(alice.request('message:send', send({ clientId: 'second', attachments: [{ id: 'up1' }] })));
    expect(sent.message.attachments).toEqual([attachment]);
  });
});

describe('mentions', () => {
  it('keeps current members once each, in order, and drops anyone else silently', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const bob = record(server, 'bob');
    // design: carol, alice, erin. bob is not in it; mallory does not exist.
    const ack = alice.request('message:send', {
      conversationId: 'design', clientId: 'm1', text: 'hi @Carol @Erin',
      mentions: ['carol', 'bob', 'erin', 'carol', 'mallory', 'here'],
    });
    const message = ok(ack).message;
    expect(message.mentions).toEqual(['carol', 'erin', 'here']);
    expect(server.messages('design').at(-1)?.mentions).toEqual(['carol', 'erin', 'here']);
    expect(bob.of('message:new')).toEqual([]);
  });

  it('takes `here` in groups only, and leaves out the field when nothing is left', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const direct = ok(alice.request('message:send', { conversationId: 'alice-bob', clientId: 'd', text: 'x', mentions: ['here', 'carol'] }));
    expect(direct.message).not.toHaveProperty('mentions');
    const withBob = ok(alice.request('message:send', { conversationId: 'alice-bob', clientId: 'e', text: 'x', mentions: ['bob'] }));
    expect(withBob.message.mentions).toEqual(['bob']);
  });

  it('drops a member who was removed before the message was sent', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    server.removeMember('general', 'frank');
    const ack = ok(alice.request('message:send', send({ mentions: ['frank', 'dave'] })));
    expect(ack.message.mentions).toEqual(['dave']);
  });

  it('refuses more than the limit at the boundary, and a deleted message forgets whom it mentioned', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const tooMany = Array.from({ length: 51 }, (_, i) => `user${i}`);
    expect(errorCode(alice.request('message:send', send({ mentions: tooMany })))).toBe('invalid_payload');
    const sent = ok(alice.request('message:send', send({ mentions: ['bob'] }))).message;
    const tombstone = ok(alice.request('message:delete', { id: sent.id })).message;
    expect(tombstone).not.toHaveProperty('mentions');
  });
});
