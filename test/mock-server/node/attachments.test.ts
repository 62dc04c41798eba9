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
