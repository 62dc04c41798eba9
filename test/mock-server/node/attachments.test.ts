// @vitest-environment node
/**
 * Attachments the server never stored: a message attaches an upload by id only,
 * the uploader's own and for that conversation; the server fills in the rest.
 * Over real socket.io and HTTP.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { closeAllClients, connect, png, upload, uniqueId } from './helpers';

let running: RunningMockServer;
let url: string;

beforeAll(async () => {
  running = await startMockServer({ rateLimits: false });
  url = running.url;
});

afterEach(() => closeAllClients());

afterAll(async () => {
  await running.close();
});

async function uploadPng(token: string, conversationId: string): Promise<{ id: string; url: string; name: string }> {
  const answer = await upload(url, token, [['conversationId', conversationId], ['file', { filename: 'p.png', data: png(5, 7) }]]);
  expect(answer.status).toBe(201);
  return answer.body;
}

const lastSeq = (conversationId: string) => running.server.conversation(conversationId)!.lastSeq;

describe('message:send attaches uploads by id only', () => {
  const forged = [
    { id: 'x1', url: 'https://tracker.example/p.png', name: 'p.png', size: 10, mimeType: 'image/png' },
    { id: 'x2', url: 'https://files.example/x', name: 'invoice\u202Efdp.exe', size: 10, mimeType: 'application/pdf' },
    { id: 'x3', url: '/\\evil.example/x.png', name: 'x.png', size: 10, mimeType: 'image/png' },
    { id: 'x4', url: 'data:text/html,<script>alert(1)</script>', name: 'x.html', size: 10, mimeType: 'text/html' },
    { id: 'x5', url: 'data:image/svg+xml,<svg onload="alert(1)"/>', name: 'x.svg', size: 10, mimeType: 'image/svg+xml' },
  ];

  it.each(forged)('refuses a client-made attachment ($url) with invalid_payload and stores nothing', async (attachment) => {
    const alice = await connect(url, 'alice-token');
    const before = lastSeq('alice-bob');
    const ack = await alice.request('message:send', { conversationId: 'alice-bob', clientId: uniqueId('f'), text: 'hi', attachments: [attachment] });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(lastSeq('alice-bob')).toBe(before);
  });

  it('refuses a real upload id with any extra field (the client may not choose the url or name)', async () => {
    const file = await uploadPng('alice-token', 'alice-bob');
    const alice = await connect(url, 'alice-token');
    const before = lastSeq('alice-bob');
    for (const extra of [{ url: 'https://tracker.example/p.png' }, { name: 'evil.exe' }, { mimeType: 'text/html' }, { width: 1 }]) {
      const ack = await alice.request('message:send', { conversationId: 'alice-bob', clientId: uniqueId('f'), text: '', attachments: [{ id: file.id, ...extra }] });
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    expect(lastSeq('alice-bob')).toBe(before);
  });

  it("refuses another user's upload and one made for another conversation with not_found", async () => {
    const bobs = await uploadPng('bob-token', 'alice-bob');
    const elsewhere = await uploadPng('alice-token', 'general');
    const alice = await connect(url, 'alice-token');
    const before = lastSeq('alice-bob');
    for (const id of [bobs.id, elsewhere.id, 'upload_1', '0'.repeat(32)]) {
      const ack = await alice.request('message:send', { conversationId: 'alice-bob', clientId: uniqueId('f'), text: 'x', attachments: [{ id }] });
      expect(ack).toMatchObject({ ok: false, error: { code: 'not_found', message: 'No such upload' } });
    }
    expect(lastSeq('alice-bob')).toBe(before);
  });

  it('stores the server’s facts for a real upload id; the same upload cannot go into a second message', async () => {
    const file = await uploadPng('alice-token', 'alice-bob');
    const alice = await connect(url, 'alice-token');
    const clientId = uniqueId('f');
    const send = (id: string) => alice.request('message:send', { conversationId: 'alice-bob', clientId: id, text: '', attachments: [{ id: file.id }] });
    const ack = await send(clientId);
    expect(ack.ok).toBe(true);
    expect(ack.message.attachments).toEqual([expect.objectContaining({ id: file.id, name: 'p.png', mimeType: 'image/png', width: 5, height: 7 })]);
    // A resend of the same message (the outbox after a reload) is the same message, not a second use.
    expect((await send(clientId)).message.id).toBe(ack.message.id);
    expect(await send(uniqueId('f'))).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('download URLs signed for one file and one viewer', () => {
  const TTL = 400;
  let short: RunningMockServer;

  beforeAll(async () => {
    short = await startMockServer({ rateLimits: false, fileUrlTtlMs: TTL });
  });

  afterAll(async () => {
    await short.close();
  });

  /** alice uploads to `conversationId` on `server` and sends it; returns the attachment as stored. */
  async function sent(server: RunningMockServer, conversationId: string) {
    const answer = await upload(server.url, 'alice-token', [['conversationId', conversationId], ['file', { filename: 'p.png', data: png(5, 7) }]]);
    const alice = await connect(server.url, 'alice-token');
    const ack = await alice.request('message:send', { conversationId, clientId: uniqueId('f'), text: '', attachments: [{ id: answer.body.id }] });
    expect(ack.ok).toBe(true);
    return ack.message.attachments[0] as { id: string; url: string };
  }

  async function urlFor(server: RunningMockServer, token: string, id: string) {
    const client = await connect(server.url, token);
    return client.request('attachment:url', { id });
  }

  it('issues a URL that carries no session token and is served with no long private cache', async () => {
    const file = await sent(running, 'alice-bob');
    const answer = await urlFor(running, 'bob-token', file.id);
    expect(answer.ok).toBe(true);
    expect(answer.url).not.toMatch(/token/);
    expect(new URL(answer.url).searchParams.get('u')).toBe('bob');
    expect(answer.expiresAt).toBeGreaterThan(Date.now());
    const res = await fetch(answer.url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from(png(5, 7)));
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    expect(res.headers.get('cache-control')).not.toMatch(/max-age=[1-9]/);
  });

  it("refuses an outsider's request for a URL, and a URL changed to another viewer or another file", async () => {
    const file = await sent(running, 'alice-bob');
    expect(await urlFor(running, 'carol-token', file.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const { url: forAlice } = await urlFor(running, 'alice-token', file.id);
    const asBob = new URL(forAlice);
    asBob.searchParams.set('u', 'bob');
    expect((await fetch(asBob)).status).toBe(404);
    const other = await sent(running, 'alice-bob');
    expect((await fetch(forAlice.replace(file.id, other.id))).status).toBe(404);
    const later = new URL(forAlice);
    later.searchParams.set('exp', String(Date.now() + 86_400_000));
    expect((await fetch(later)).status).toBe(404);
  });

  it('stops working when it expires; a fresh one works again', async () => {
    const file = await sent(short, 'alice-bob');
    const first = await urlFor(short, 'alice-token', file.id);
    expect((await fetch(first.url)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, TTL + 100));
    const expired = await fetch(first.url);
    expect(expired.status).toBe(404);
    expect(await expired.json()).toEqual({ error: { code: 'not_found', message: 'No such upload' } });
    expect((await fetch((await urlFor(short, 'alice-token', file.id)).url)).status).toBe(200);
  });

  it('stops working at once when its viewer is removed from the conversation', async () => {
    const { id: conversationId } = short.server.createConversation({ kind: 'group', title: 'Files', memberIds: ['alice', 'bob'] });
    const file = await sent(short, conversationId);
    const forBob = await urlFor(short, 'bob-token', file.id);
    expect((await fetch(forBob.url)).status).toBe(200);
    short.server.removeMember(conversationId, 'bob');
    expect((await fetch(forBob.url)).status).toBe(404);
  });
});
