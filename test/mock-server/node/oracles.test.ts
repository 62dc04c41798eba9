// @vitest-environment node
/**
 * No oracles: over real socket.io and HTTP, whatever a user may not see is
 * answered exactly as what does not exist, on every event and every route a
 * user token reaches. An attacker comparing answers cannot tell an unknown
 * conversation from someone else's, nor count a private conversation's
 * messages by probing `m_<conversation>_<n>`. Members still get the usual
 * answers, `forbidden` included for what they can see but not change.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RequestSchemas } from 'parley/core';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { closeAllClients, connect, png, upload, uniqueId, type Client } from './helpers';

let running: RunningMockServer;
let url: string;

// Rate limits are gateway.test.ts's subject; here one socket sends every probe.
beforeAll(async () => {
  running = await startMockServer({ port: 0, host: '127.0.0.1', rateLimits: false });
  url = running.url;
});

afterEach(() => closeAllClients());

afterAll(async () => {
  await running.close();
});

/** bob and carol's direct conversation: alice is not in it. */
const PRIVATE = 'bob-carol';
const UNKNOWN = 'no-such-conversation';
const NO_CONVERSATION = { ok: false, error: { code: 'not_found', message: 'No such conversation' } };
const NO_MESSAGE = { ok: false, error: { code: 'not_found', message: 'No such message' } };

const lastSeq = (conversationId: string) => running.server.conversation(conversationId)!.lastSeq;

type ConversationProbe = (conversationId: string, seq: number) => unknown;
type MessageProbe = (id: string) => unknown;

/** Every request about a conversation, aimed at a conversation and a seq in it. */
const CONVERSATION_EVENTS: Record<string, ConversationProbe> = {
  'message:send': (conversationId) => ({ conversationId, clientId: uniqueId('probe'), text: 'probe' }),
  'messages:since': (conversationId, seq) => ({ conversationId, afterSeq: seq }),
  'messages:before': (conversationId, seq) => ({ conversationId, beforeSeq: seq, limit: 5 }),
  typing: (conversationId) => ({ conversationId, isTyping: true }),
  read: (conversationId, seq) => ({ conversationId, seq }),
  delivered: (conversationId, seq) => ({ conversationId, seq }),
  'messages:search': (conversationId) => ({ conversationId, query: 'probe' }),
};

/** Every request about a message, aimed at a message id. */
const MESSAGE_EVENTS: Record<string, MessageProbe> = {
  'message:edit': (id) => ({ id, text: 'probe' }),
  'message:delete': (id) => ({ id }),
  'reaction:add': (id) => ({ id, emoji: '👍' }),
  'reaction:remove': (id) => ({ id, emoji: '👍' }),
  'message:pin': (id) => ({ id }),
  'message:unpin': (id) => ({ id }),
  'message:preview:remove': (id) => ({ id }),
  'message:forward': (id) => ({ id, conversationId: 'alice-bob', clientId: uniqueId('probe') }),
  'thread:before': (rootId) => ({ rootId, beforeSeq: 5, limit: 5 }),
  'thread:since': (rootId) => ({ rootId, afterSeq: 0 }),
  'thread:read': (rootId) => ({ rootId, seq: 1 }),
};

/** The answers to `probes`, one after the other, as the exact JSON that came back. */
async function answers(client: Client, event: string, payloads: readonly unknown[]): Promise<string[]> {
  const out: string[] = [];
  for (const payload of payloads) out.push(JSON.stringify(await client.request(event, payload)));
  return out;
}

describe('one answer for what you may not see, on every socket.io event', () => {
  it('covers every request that names a conversation or a message', () => {
    const probed = [...Object.keys(CONVERSATION_EVENTS), ...Object.keys(MESSAGE_EVENTS), 'conversations:list', 'attachment:url'];
    expect(probed.sort()).toEqual(Object.keys(RequestSchemas).sort());
  });

  it('attachment:url: an unknown upload and one in a conversation alice is not in answer byte for byte alike', async () => {
    const file = await upload(url, 'bob-token', [['conversationId', PRIVATE], ['file', { filename: 'p.png', data: png(2, 2) }]]);
    expect(file.status).toBe(201);
    const alice = await connect(url, 'alice-token');
    const [unknown, private_] = await answers(alice, 'attachment:url', [{ id: '0'.repeat(32) }, { id: file.body.id }]);
    expect(unknown).toBe(JSON.stringify({ ok: false, error: { code: 'not_found', message: 'No such upload' } }));
    expect(private_).toBe(unknown);
  });

  it('conversation events: unknown, not a member, a seq beyond the last and one inside answer byte for byte alike', async () => {
    const alice = await connect(url, 'alice-token');
    const last = lastSeq(PRIVATE);
    expect(last).toBeGreaterThan(2);
    const targets: [string, number][] = [
      [UNKNOWN, 1], // (a) does not exist
      [PRIVATE, 1], // (b) exists, alice is not in it
      [PRIVATE, last + 1], // (c) beyond the last seq
      [PRIVATE, last - 1], // (d) an existing message's seq
      [PRIVATE, last],
    ];
    for (const [event, probe] of Object.entries(CONVERSATION_EVENTS)) {
      const got = await answers(alice, event, targets.map(([id, seq]) => probe(id, seq)));
      expect(new Set(got), event).toEqual(new Set([JSON.stringify(NO_CONVERSATION)]));
    }
  });

  it('message events: an unknown conversation, a message beyond the last and an existing one answer byte for byte alike', async () => {
    const alice = await connect(url, 'alice-token');
    const last = lastSeq(PRIVATE);
    const existing = running.server.messages(PRIVATE).find((m) => m.deletedAt === undefined)!;
    const ids = [
      `m_${UNKNOWN}_1`, // (a) a conversation that does not exist
      existing.id, // (b, d) an existing message of a conversation alice is not in
      `m_${PRIVATE}_${last}`,
      `m_${PRIVATE}_${last + 1}`, // (c) beyond the last seq
      `m_${PRIVATE}_${last + 1000}`,
      `t_${PRIVATE}_${last}.1`, // a thread reply's shape
      'not-a-message-id',
    ];
    for (const [event, probe] of Object.entries(MESSAGE_EVENTS)) {
      const got = await answers(alice, event, ids.map(probe));
      expect(new Set(got), event).toEqual(new Set([JSON.stringify(NO_MESSAGE)]));
    }
  });

  it('probing m_<conversation>_<n> one n at a time learns nothing, not even the message count', async () => {
    const alice = await connect(url, 'alice-token');
    const last = lastSeq(PRIVATE);
    const ids = Array.from({ length: last + 5 }, (_, i) => `m_${PRIVATE}_${i + 1}`);
    expect(new Set(await answers(alice, 'reaction:add', ids.map(MESSAGE_EVENTS['reaction:add']!)))).toEqual(
      new Set([JSON.stringify(NO_MESSAGE)]),
    );
    const seqs = Array.from({ length: last + 5 }, (_, i) => i);
    expect(new Set(await answers(alice, 'messages:since', seqs.map((seq) => ({ conversationId: PRIVATE, afterSeq: seq }))))).toEqual(
      new Set([JSON.stringify(NO_CONVERSATION)]),
    );
  });

  it('changes nothing and tells the members nothing', async () => {
    const before = running.server.messages(PRIVATE);
    const bob = await connect(url, 'bob-token');
    const alice = await connect(url, 'alice-token');
    for (const [event, probe] of Object.entries(CONVERSATION_EVENTS)) await alice.request(event, probe(PRIVATE, 1));
    for (const [event, probe] of Object.entries(MESSAGE_EVENTS)) await alice.request(event, probe(before[0]!.id));
    expect(running.server.messages(PRIVATE)).toEqual(before);
    await bob.request('conversations:list');
    expect(bob.events.filter((e) => e.event !== 'presence')).toEqual([]);
  });

  it('a member removed a moment ago gets the same answer as someone who never was one', async () => {
    const id = uniqueId('room');
    running.server.createConversation({ id, kind: 'group', title: 'Room', memberIds: ['alice', 'dave'] });
    const alice = await connect(url, 'alice-token');
    const sent = await alice.request('message:send', { conversationId: id, clientId: uniqueId('c'), text: 'mine' });
    expect(sent.ok).toBe(true);
    running.server.removeMember(id, 'alice');
    for (const [event, probe] of Object.entries(CONVERSATION_EVENTS)) {
      expect(await alice.request(event, probe(id, 1)), event).toEqual(NO_CONVERSATION);
    }
    for (const [event, probe] of Object.entries(MESSAGE_EVENTS)) {
      expect(await alice.request(event, probe(sent.message.id)), event).toEqual(NO_MESSAGE);
    }
  });
});

describe('members still get the usual answers', () => {
  it('reads, sends and reacts; beyond the last seq is an empty page or the same not_found', async () => {
    const alice = await connect(url, 'alice-token');
    const last = lastSeq('alice-bob');
    expect(await alice.request('messages:since', { conversationId: 'alice-bob', afterSeq: last + 5 })).toEqual({
      ok: true,
      messages: [],
      hasMore: false,
    });
    const page = await alice.request('messages:before', { conversationId: 'alice-bob', beforeSeq: last + 1, limit: 3 });
    expect(page.messages.map((m: { seq: number }) => m.seq)).toEqual([last - 2, last - 1, last]);
    const sent = await alice.request('message:send', { conversationId: 'alice-bob', clientId: uniqueId('c'), text: 'hello' });
    expect(sent.ok).toBe(true);
    expect((await alice.request('reaction:add', { id: sent.message.id, emoji: '👍' })).message.reactions).toEqual({ '👍': ['alice'] });
    expect(await alice.request('reaction:add', { id: `m_alice-bob_${sent.message.seq + 1}`, emoji: '👍' })).toEqual(NO_MESSAGE);
  });

  it('keeps forbidden for what a member can see but not change', async () => {
    const alice = await connect(url, 'alice-token');
    const bobs = running.server.postMessage('alice-bob', { authorId: 'bob', text: 'from bob' });
    expect(await alice.request('message:edit', { id: bobs.id, text: 'mine now' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'You can only edit your own messages' },
    });
    expect((await alice.request('message:delete', { id: bobs.id })).error.code).toBe('forbidden');
  });
});

describe('one answer over HTTP', () => {
  const file = () => ['file', { filename: 'a.png', data: png(4, 4) }] as const;

  it('POST /uploads: a conversation alice is not in answers as one that does not exist', async () => {
    const foreign = await upload(url, 'alice-token', [['conversationId', PRIVATE], file()]);
    const unknown = await upload(url, 'alice-token', [['conversationId', UNKNOWN], file()]);
    expect(foreign).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'No such conversation' } } });
    expect(unknown).toEqual(foreign);
    expect((await upload(url, 'alice-token', [['conversationId', 'alice-bob'], file()])).status).toBe(201);
  });

  it("GET /uploads/:id: someone else's file answers as an unknown id, byte for byte", async () => {
    const stored = await upload(url, 'bob-token', [['conversationId', PRIVATE], file()]);
    expect(stored.status).toBe(201);
    const get = async (path: string) => {
      const res = await fetch(`${url}${path}`, { headers: { Authorization: 'Bearer alice-token' } });
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    };
    const foreign = await get(`/uploads/${stored.body.id}`);
    expect(foreign.status).toBe(404);
    expect(JSON.parse(foreign.body)).toEqual({ error: { code: 'not_found', message: 'No such upload' } });
    expect(await get(`/uploads/${'0'.repeat(32)}`)).toEqual(foreign);
    expect(await get('/uploads/not-an-id')).toEqual(foreign);
    // The members still get their file.
    const carol = await fetch(stored.body.url, { headers: { Authorization: 'Bearer carol-token' } });
    expect(carol.status).toBe(200);
    await carol.arrayBuffer();
  });
});
