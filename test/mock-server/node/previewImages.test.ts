// @vitest-environment node
/**
 * Link previews on the Node server: the preview arrives over socket.io, and its image is
 * served over HTTP from the server itself, by a URL signed for one member, to members only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { fixtureImageBytes } from '../../../src/mock-server/previews/fixtureUnfurl';
import { closeAllClients, connect, uniqueId } from './helpers';

let running: RunningMockServer;

beforeAll(async () => {
  running = await startMockServer({ seed: 'empty' });
});
afterEach(() => closeAllClients());
afterAll(async () => {
  await running.close();
});

describe('a link preview’s image (Node server)', () => {
  it('is the server’s, for members only, and gone once the preview is removed', async () => {
    const [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((u) => connect(running.url, `${u}-token`)));
    const sent = await bob!.request('message:send', { conversationId: 'bob-carol', clientId: uniqueId('p'), text: 'https://example.com/article' });
    const updated = await carol!.next('message:updated', (m) => m.id === sent.message.id && m.preview !== undefined);
    const image = updated.preview.image;
    expect(image).toMatchObject({ width: 240, height: 126 });
    expect(image.url.startsWith(`${running.url}/previews/`)).toBe(true);

    const signed = await carol!.request('attachment:url', { id: image.id });
    expect(signed.ok).toBe(true);
    const served = await fetch(signed.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(fixtureImageBytes()))).toBe(true);

    // Not a member: no URL, and the bare or a tampered URL serves nothing.
    expect(await alice!.request('attachment:url', { id: image.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await fetch(image.url)).status).toBe(404);
    const forged = new URL(signed.url);
    forged.searchParams.set('u', 'alice');
    expect((await fetch(forged)).status).toBe(404);

    expect((await bob!.request('message:preview:remove', { id: sent.message.id })).ok).toBe(true);
    expect((await fetch(signed.url)).status).toBe(404);
  });
});
