// @vitest-environment node
/**
 * A deleted message's files answer 404 for everyone, through every way to them
 * (a signed URL issued before, the Authorization header), and no new URL is
 * issued; the file leaves the disk and the uploader's quota. Over real
 * socket.io and HTTP.
 */
import { readdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { closeAllClients, connect, png, upload, uniqueId, type Client } from './helpers';

const FILE = png(5, 7);
let running: RunningMockServer;

beforeAll(async () => {
  // Room for one stored file, so a second upload fits only once the first has gone.
  running = await startMockServer({ rateLimits: { uploadBytes: FILE.length + 10 } });
});
afterEach(() => closeAllClients());
afterAll(async () => {
  await running.close();
});

const uploadFile = () => upload(running.url, 'alice-token', [['conversationId', 'alice-bob'], ['file', { filename: 'p.png', data: FILE }]]);
const get = (url: string, token?: string) => fetch(url, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
const NOT_FOUND = { ok: false, error: { code: 'not_found', message: 'No such upload' } };

async function sendFile(alice: Client, clientId: string) {
  const answer = await uploadFile();
  expect(answer.status).toBe(201);
  const send = () => alice.request('message:send', { conversationId: 'alice-bob', clientId, text: '', attachments: [{ id: answer.body.id }] });
  const ack = await send();
  expect(ack.ok).toBe(true);
  return { id: answer.body.id as string, url: answer.body.url as string, messageId: ack.message.id as string, send };
}

describe('deleting a message with a file (Node server)', () => {
  it('every URL of its file answers 404, no new one is issued, and the file leaves the disk and the quota', async () => {
    const alice = await connect(running.url, 'alice-token');
    const bob = await connect(running.url, 'bob-token');
    const file = await sendFile(alice, uniqueId('del'));
    const signed = await bob.request('attachment:url', { id: file.id });
    expect((await get(signed.url)).status).toBe(200);
    expect((await get(file.url, 'alice-token')).status).toBe(200);
    // The quota is full: nothing more fits while the file is kept.
    expect((await uploadFile()).status).toBe(429);

    expect((await alice.request('message:delete', { id: file.messageId })).ok).toBe(true);

    for (const answer of [await get(signed.url), await get(file.url, 'alice-token'), await get(file.url, 'bob-token')]) {
      expect(answer.status).toBe(404);
      expect(await answer.json()).toEqual({ error: { code: 'not_found', message: 'No such upload' } });
    }
    expect(await alice.request('attachment:url', { id: file.id })).toEqual(NOT_FOUND);
    expect(await bob.request('attachment:url', { id: file.id })).toEqual(NOT_FOUND);
    expect(await readdir(running.uploadDir)).not.toContain(file.id);
    const next = await uploadFile();
    expect(next.status).toBe(201);
    // The next test starts with an empty quota.
    expect((await alice.request('message:send', { conversationId: 'alice-bob', clientId: uniqueId('x'), text: '', attachments: [{ id: next.body.id }] })).ok).toBe(true);
    const last = running.server.messages('alice-bob').at(-1)!;
    expect((await alice.request('message:delete', { id: last.id })).ok).toBe(true);
  });

  it('sending the deleted message again answers its tombstone and brings the file back to no one', async () => {
    const alice = await connect(running.url, 'alice-token');
    const file = await sendFile(alice, uniqueId('again'));
    expect((await alice.request('message:delete', { id: file.messageId })).ok).toBe(true);
    const again = await file.send();
    expect(again).toMatchObject({ ok: true, message: { id: file.messageId, attachments: [], deletedAt: expect.any(Number) } });
    expect(await alice.request('attachment:url', { id: file.id })).toEqual(NOT_FOUND);
    expect((await get(file.url, 'alice-token')).status).toBe(404);
  });
});
