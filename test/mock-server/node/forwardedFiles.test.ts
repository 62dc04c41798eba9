// @vitest-environment node
/**
 * A forwarded file over real socket.io and HTTP: the target's members download it (by a
 * URL signed for them, or with their token), whoever is not in the target does not,
 * and each message's delete takes only its own way to the file; the file leaves the
 * disk once no message carries it.
 */
import { readdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { closeAllClients, connect, png, upload, uniqueId } from './helpers';

const FILE = png(6, 4);
let running: RunningMockServer;

beforeAll(async () => {
  running = await startMockServer({ seed: 'empty' });
});
afterEach(() => closeAllClients());
afterAll(async () => {
  await running.close();
});

const get = (url: string, token?: string) => fetch(url, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

describe('a forwarded file (Node server)', () => {
  it('is served to the target’s members only, and goes with the last message carrying it', async () => {
    // launch: alice, bob, dave, frank. alice-carol: alice, carol.
    const [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((u) => connect(running.url, `${u}-token`)));
    const stored = await upload(running.url, 'bob-token', [['conversationId', 'launch'], ['file', { filename: 'plan.png', data: FILE }]]);
    expect(stored.status).toBe(201);
    const sent = await bob!.request('message:send', { conversationId: 'launch', clientId: uniqueId('s'), text: 'plan', attachments: [{ id: stored.body.id }] });
    const forwarded = await alice!.request('message:forward', { id: sent.message.id, conversationId: 'alice-carol', clientId: uniqueId('f') });
    expect(forwarded.ok).toBe(true);
    const copyId: string = forwarded.message.attachments[0].id;

    const signed = await carol!.request('attachment:url', { id: copyId });
    expect(signed.ok).toBe(true);
    const served = await get(signed.url);
    expect(served.status).toBe(200);
    const bytes = new Uint8Array(await served.arrayBuffer());
    expect(bytes).toEqual(new Uint8Array(FILE));
    expect((await get(stored.body.url, 'carol-token')).status).toBe(200);
    // erin is in neither conversation: no URL, and her token opens nothing.
    const erin = await connect(running.url, 'erin-token');
    expect((await erin.request('attachment:url', { id: copyId })).ok).toBe(false);
    expect((await get(stored.body.url, 'erin-token')).status).toBe(404);

    // The copy goes: carol's way is closed, the source's members keep theirs.
    expect((await alice!.request('message:delete', { id: forwarded.message.id })).ok).toBe(true);
    expect((await get(signed.url)).status).toBe(404);
    expect((await get(stored.body.url, 'carol-token')).status).toBe(404);
    expect((await get(stored.body.url, 'dave-token')).status).toBe(200);
    expect(await readdir(running.uploadDir)).toContain(stored.body.id);

    expect((await bob!.request('message:delete', { id: sent.message.id })).ok).toBe(true);
    expect((await get(stored.body.url, 'dave-token')).status).toBe(404);
    expect(await readdir(running.uploadDir)).not.toContain(stored.body.id);
  });

  it('outlives its original: with the source deleted, only the target’s members still get it', async () => {
    const [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((u) => connect(running.url, `${u}-token`)));
    const stored = await upload(running.url, 'bob-token', [['conversationId', 'launch'], ['file', { filename: 'kept.png', data: FILE }]]);
    const sent = await bob!.request('message:send', { conversationId: 'launch', clientId: uniqueId('s'), text: '', attachments: [{ id: stored.body.id }] });
    const forwarded = await alice!.request('message:forward', { id: sent.message.id, conversationId: 'alice-carol', clientId: uniqueId('f') });
    expect((await bob!.request('message:delete', { id: sent.message.id })).ok).toBe(true);

    expect((await get(stored.body.url, 'bob-token')).status).toBe(404);
    expect((await get(stored.body.url, 'dave-token')).status).toBe(404);
    const signed = await carol!.request('attachment:url', { id: forwarded.message.attachments[0].id });
    expect((await get(signed.url)).status).toBe(200);
    expect((await get(stored.body.url, 'alice-token')).status).toBe(200);
  });
});
