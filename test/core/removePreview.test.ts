/** client.removePreview: optimistic, put back and reported once when the server refuses. */
import { describe, expect, it, vi } from 'vitest';
import type { Transport } from '../../src/core/transport';
import { connectDemoClient } from '../support/demoClient';

/** The demo server's transport, with `message:preview:remove` held until released and then refused. */
function refusingRemove(gate: Promise<void>) {
  return (real: Transport): Transport => ({
    get status() {
      return real.status;
    },
    connect: () => real.connect(),
    disconnect: () => real.disconnect(),
    reconnectNow: () => real.reconnectNow(),
    onEvent: (listener) => real.onEvent(listener),
    onStatus: (listener) => real.onStatus(listener),
    request: async (event, payload, timeoutMs) => {
      if (event !== 'message:preview:remove') return real.request(event, payload, timeoutMs);
      await gate;
      return { ok: false, error: { code: 'internal', message: 'The server tripped' } };
    },
  });
}

const previewOf = (client: { getMessages(id: string): { id: string; preview?: unknown }[] }, id: string) =>
  client.getMessages('alice-bob').find((m) => m.id === id)?.preview;

describe('removePreview', () => {
  it('the preview arrives by message:updated and goes at once when the author removes it', async () => {
    const { server, client, errors } = await connectDemoClient({});
    const sent = await client.sendMessage('alice-bob', { text: 'look https://example.com/article' });
    await vi.waitFor(() => expect(previewOf(client, sent.id)).toMatchObject({ title: 'How we cut our build time in half' }));
    const removing = client.removePreview(sent.id);
    expect(previewOf(client, sent.id)).toBeUndefined();
    await expect(removing).resolves.toMatchObject({ id: sent.id });
    expect(server.messages('alice-bob').at(-1)!.preview).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('a refusal puts the preview back, rejects, and is reported once', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { client, errors } = await connectDemoClient({ wrap: refusingRemove(gate) });
    const sent = await client.sendMessage('alice-bob', { text: 'https://example.org/docs' });
    await vi.waitFor(() => expect(previewOf(client, sent.id)).toBeDefined());
    const removing = client.removePreview(sent.id);
    expect(previewOf(client, sent.id)).toBeUndefined();
    release();
    await expect(removing).rejects.toMatchObject({ code: 'internal' });
    expect(previewOf(client, sent.id)).toMatchObject({ title: 'Getting started' });
    expect(errors.map((e) => e.code)).toEqual(['internal']);
  });

  it('refuses someone else’s message and an unknown one without asking the server', async () => {
    const { server, client } = await connectDemoClient({});
    const theirs = server.postMessage('alice-bob', { authorId: 'bob', text: 'https://example.com' });
    await vi.waitFor(() => expect(previewOf(client, theirs.id)).toBeDefined());
    await expect(client.removePreview(theirs.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(client.removePreview('m_nope_1')).rejects.toMatchObject({ code: 'not_found' });
    expect(previewOf(client, theirs.id)).toBeDefined();
  });
});
