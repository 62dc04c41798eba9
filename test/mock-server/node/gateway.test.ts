// @vitest-environment node
/**
 * The socket.io gateway of `startMockServer` with real socket.io-client sockets:
 * handshake auth, membership on every event, the author taken from the session,
 * ownership, size limits, oversized frames, rate limits, restart.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { ADMIN_KEY, closeAllClients, connect, disconnected, refusal, uniqueId } from './helpers';

let running: RunningMockServer;
let url: string;

beforeAll(async () => {
  // Send budgets are per user and outlive sockets (limits.test.ts): these tests send more than
  // 20 in 10 s as alice. The default limits are checked in their own server below.
  running = await startMockServer({ port: 0, host: '127.0.0.1', adminKey: ADMIN_KEY, botDelayMs: 50, rateLimits: { send: { limit: 1_000, intervalMs: 10_000 } } });
  url = running.url;
});

afterEach(() => closeAllClients());

afterAll(async () => {
  await running.close();
});

describe('handshake', () => {
  it('listens on 127.0.0.1 and accepts a demo token', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const alice = await connect(url, 'alice-token');
    expect(alice.socket.connected).toBe(true);
    // Presence of contacts arrives right after connecting (held during the handshake, then flushed).
    const list = await alice.request('conversations:list');
    expect(list.ok).toBe(true);
    expect(list.conversations.map((c: { id: string }) => c.id)).toContain('general');
    expect(running.server.isConnected('alice')).toBe(true);
  });

  it('refuses a bad token with a clear connect_error and code', async () => {
    const err = await refusal(url, 'mallory-token');
    expect(err.message).toBe('Invalid token for user "mallory"');
    expect(err.data).toEqual({ code: 'unauthorized', retry: false });
    const junk = await refusal(url, 'nope');
    expect(junk.message).toMatch(/^Invalid token/);
    expect(junk.data.code).toBe('unauthorized');
  });

  it('refuses a missing or non-string token', async () => {
    for (const token of [undefined, '', 42, { token: 'alice-token' }]) {
      const err = await refusal(url, token);
      expect(err.message).toMatch(/^Missing token/);
      expect(err.data.code).toBe('unauthorized');
    }
  });

  it('refuses a user whose network is cut, as retryable', async () => {
    running.server.setOnline('frank', false);
    try {
      const err = await refusal(url, 'frank-token');
      expect(err.data).toEqual({ code: 'disconnected', retry: true });
    } finally {
      running.server.setOnline('frank', true);
    }
    const frank = await connect(url, 'frank-token');
    expect(frank.socket.connected).toBe(true);
  });
});

describe('every event checks membership', () => {
  it('keeps alice out of bob-carol: read, send, typing, read receipts, reactions', async () => {
    const alice = await connect(url, 'alice-token');
    const bob = await connect(url, 'bob-token');
    const theirs = running.server.messages('bob-carol').find((m) => m.deletedAt === undefined)!;
    const attempts: [string, unknown][] = [
      ['messages:since', { conversationId: 'bob-carol', afterSeq: 0 }],
      ['messages:before', { conversationId: 'bob-carol', beforeSeq: 1e9, limit: 10 }],
      ['message:send', { conversationId: 'bob-carol', clientId: uniqueId('c'), text: 'let me in' }],
      ['typing', { conversationId: 'bob-carol', isTyping: true }],
      ['read', { conversationId: 'bob-carol', seq: 1 }],
      ['delivered', { conversationId: 'bob-carol', seq: 1 }],
      ['reaction:add', { id: theirs.id, emoji: '👍' }],
      ['message:edit', { id: theirs.id, text: 'mine now' }],
      ['message:delete', { id: theirs.id }],
    ];
    const before = running.server.messages('bob-carol').length;
    for (const [event, payload] of attempts) {
      const ack = await alice.request(event, payload);
      // What alice may not see is answered as if it did not exist (oracles.test.ts).
      expect(ack, event).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/^No such (conversation|message)$/) } });
    }
    expect(running.server.messages('bob-carol')).toHaveLength(before);
    // Nothing leaked to bob.
    await bob.request('conversations:list');
    expect(bob.of('typing').filter((t: any) => t.userId === 'alice')).toEqual([]);
    expect(bob.of('read').filter((r: any) => r.userId === 'alice')).toEqual([]);
    expect(bob.of('delivered').filter((r: any) => r.userId === 'alice')).toEqual([]);
  });

  it('routes delivered receipts: bob reports, alice hears it, the list carries it', async () => {
    const alice = await connect(url, 'alice-token');
    const bob = await connect(url, 'bob-token');
    const sent = await alice.request('message:send', { conversationId: 'alice-bob', clientId: uniqueId('d'), text: 'got it?' });
    expect(sent.ok).toBe(true);
    const { seq } = sent.message;
    expect(await bob.request('delivered', { conversationId: 'alice-bob', seq })).toEqual({ ok: true });
    expect(await alice.next('delivered', (d) => d.userId === 'bob' && d.seq === seq)).toEqual({ conversationId: 'alice-bob', userId: 'bob', seq });
    const list = await alice.request('conversations:list');
    expect(list.conversations.find((c: { id: string }) => c.id === 'alice-bob').deliveredSeqs.bob).toBe(seq);
    expect(await bob.request('delivered', { conversationId: 'alice-bob', seq: 'all' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('delivers to members only', async () => {
    const alice = await connect(url, 'alice-token');
    const carol = await connect(url, 'carol-token');
    const bob = await connect(url, 'bob-token');
    const clientId = uniqueId('bc');
    const ack = await bob.request('message:send', { conversationId: 'bob-carol', clientId, text: 'just us' });
    expect(ack.ok).toBe(true);
    await carol.next('message:new', (m) => m.clientId === clientId);
    await alice.request('conversations:list'); // a round trip: anything pushed before it has arrived
    expect(alice.of('message:new').filter((m: any) => m.clientId === clientId)).toEqual([]);
  });
});

describe('the session is the only source of identity and ownership', () => {
  it('takes authorId from the session, never from the payload', async () => {
    const alice = await connect(url, 'alice-token');
    const bob = await connect(url, 'bob-token');
    const clientId = uniqueId('forged');
    const ack = await alice.request('message:send', { conversationId: 'alice-bob', clientId, text: 'hi', authorId: 'bob', id: 'm_x_1', seq: 1 });
    expect(ack.ok).toBe(true);
    expect(ack.message.authorId).toBe('alice');
    expect(ack.message.id).not.toBe('m_x_1');
    const pushed = await bob.next('message:new', (m) => m.clientId === clientId);
    expect(pushed.authorId).toBe('alice');
    expect(running.server.messages('alice-bob').at(-1)).toMatchObject({ clientId, authorId: 'alice' });
  });

  it('lets users edit and delete only their own messages', async () => {
    const alice = await connect(url, 'alice-token');
    const bob = await connect(url, 'bob-token');
    const sent = await bob.request('message:send', { conversationId: 'alice-bob', clientId: uniqueId('own'), text: 'bob wrote this' });
    const id = sent.message.id;
    expect(await alice.request('message:edit', { id, text: 'alice was here' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'You can only edit your own messages' },
    });
    expect((await alice.request('message:delete', { id })).error.code).toBe('forbidden');
    const edited = await bob.request('message:edit', { id, text: 'bob edited' });
    expect(edited.message).toMatchObject({ text: 'bob edited', editedAt: expect.any(Number) });
    await alice.next('message:updated', (m) => m.id === id && m.text === 'bob edited');
    const deleted = await bob.request('message:delete', { id });
    expect(deleted.message).toMatchObject({ text: '', deletedAt: expect.any(Number) });
  });

  it('sending the same clientId twice stores one message', async () => {
    const alice = await connect(url, 'alice-token');
    const clientId = uniqueId('twice');
    const first = await alice.request('message:send', { conversationId: 'general', clientId, text: 'once' });
    const second = await alice.request('message:send', { conversationId: 'general', clientId, text: 'once' });
    expect(second.message).toEqual(first.message);
    expect(running.server.messages('general').filter((m) => m.clientId === clientId)).toHaveLength(1);
  });
});

describe('limits answer with a clear error, never a crash', () => {
  it('refuses text over 10 000 characters and more than 10 attachments', async () => {
    const alice = await connect(url, 'alice-token');
    const long = await alice.request('message:send', { conversationId: 'general', clientId: uniqueId('long'), text: 'x'.repeat(10_001) });
    expect(long).toEqual({ ok: false, error: { code: 'too_large', message: expect.stringContaining('text') } });
    const attachment = { id: 'a', url: 'https://example.invalid/a.png', name: 'a.png', size: 1, mimeType: 'image/png' };
    const many = await alice.request('message:send', {
      conversationId: 'general',
      clientId: uniqueId('many'),
      text: 'files',
      attachments: Array.from({ length: 11 }, (_, i) => ({ ...attachment, id: `a${i}` })),
    });
    expect(many.ok).toBe(false);
    expect(many.error.code).toBe('invalid_payload');
    expect(many.error.message).toMatch(/attachments/);
    const exactly = await alice.request('message:send', { conversationId: 'general', clientId: uniqueId('max'), text: 'y'.repeat(10_000) });
    expect(exactly.ok).toBe(true);
  });

  it('answers junk payloads and unknown events with invalid_payload; ignores events without an ack', async () => {
    const alice = await connect(url, 'alice-token');
    let deep: unknown = 'bottom';
    for (let i = 0; i < 2000; i++) deep = [deep];
    for (const payload of [
      null,
      42,
      'text',
      [],
      { conversationId: {} },
      { conversationId: 'general', clientId: 'x', text: 5 },
      { conversationId: 'general', clientId: 'bin', text: Buffer.from('binary') },
      Buffer.alloc(64),
      { conversationId: 'general', clientId: 'deep', text: 'x', attachments: deep },
      { __proto__: { polluted: true }, conversationId: '__proto__', clientId: 'p', text: 'x' },
    ]) {
      const ack = await alice.request('message:send', payload);
      expect(ack.ok).toBe(false);
      expect(ack.error.code).toBe('invalid_payload');
    }
    expect(await alice.request('admin:wipe', {})).toEqual({ ok: false, error: { code: 'invalid_payload', message: 'Unknown event "admin:wipe"' } });
    expect((await alice.request('__proto__', {})).error.code).toBe('invalid_payload');
    alice.socket.emit('message:send', { conversationId: 'general', clientId: uniqueId('noack'), text: 'no ack' });
    alice.socket.emit('typing');
    // Still alive and answering.
    expect((await alice.request('conversations:list')).ok).toBe(true);
  });

  it('closes a connection whose frame is over maxHttpBufferSize, and keeps serving the others', async () => {
    const bob = await connect(url, 'bob-token');
    const mallory = await connect(url, 'dave-token');
    const gone = disconnected(mallory.socket);
    mallory.socket.emit('message:send', { conversationId: 'general', clientId: 'huge', text: 'x'.repeat(2_000_000) }, () => {});
    expect(await gone).toBe('transport close');
    expect(running.server.messages('general').some((m) => m.clientId === 'huge')).toBe(false);
    const ack = await bob.request('message:send', { conversationId: 'general', clientId: uniqueId('after'), text: 'still here' });
    expect(ack.ok).toBe(true);
    // And the big sender may come back.
    const again = await connect(url, 'dave-token');
    expect((await again.request('conversations:list')).ok).toBe(true);
  });

  it('rate-limits sends and typing per user with a rate_limited ack', async () => {
    const defaults = await startMockServer({ port: 0, host: '127.0.0.1' });
    onTestFinished(() => defaults.close());
    const url = defaults.url;
    const erin = await connect(url, 'erin-token');
    const acks = [];
    for (let i = 0; i < 21; i++) {
      acks.push(await erin.request('message:send', { conversationId: 'general', clientId: uniqueId('burst'), text: `burst ${i}` }));
    }
    expect(acks.slice(0, 20).every((a) => a.ok)).toBe(true);
    expect(acks[20]).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: expect.stringMatching(/^Too many messages.*at most 20 per 10 s/), retryAfterMs: expect.any(Number) },
    });
    const typing = [];
    for (let i = 0; i < 11; i++) typing.push(await erin.request('typing', { conversationId: 'general', isTyping: i % 2 === 0 }));
    expect(typing.slice(0, 10).every((a) => a.ok)).toBe(true);
    expect(typing[10].error.code).toBe('rate_limited');
    // Reads are not sends; another connection of the same user shares the user's budget.
    expect((await erin.request('messages:since', { conversationId: 'general', afterSeq: 0, limit: 1 })).ok).toBe(true);
    const erin2 = await connect(url, 'erin-token');
    expect((await erin2.request('message:send', { conversationId: 'general', clientId: uniqueId('other'), text: 'fresh' })).error.code).toBe('rate_limited');
  });
});

describe('restart', () => {
  it('drops every socket; data survives; clients can reconnect', async () => {
    const alice = await connect(url, 'alice-token');
    const bob = await connect(url, 'bob-token');
    const clientId = uniqueId('before-restart');
    await alice.request('message:send', { conversationId: 'general', clientId, text: 'survives' });
    const aliceGone = disconnected(alice.socket);
    const bobGone = disconnected(bob.socket);
    running.server.restart();
    expect(await aliceGone).toBe('io server disconnect');
    expect(await bobGone).toBe('io server disconnect');
    expect(running.server.isConnected('alice')).toBe(false);
    expect(running.server.messages('general').some((m) => m.clientId === clientId)).toBe(true);
    const back = await connect(url, 'alice-token');
    const page = await back.request('messages:since', { conversationId: 'general', afterSeq: 0, limit: 200 });
    expect(page.ok).toBe(true);
    const all = running.server.messages('general');
    expect(all.some((m) => m.clientId === clientId)).toBe(true);
  });
});
