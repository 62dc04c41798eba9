// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import type { UploadRequest } from '../../src/core/transport';
import { createMemoryTransport } from '../../src/transports/memory';
import { png } from '../mock-server/imageFixtures';
import { online, settle } from './helpers';

const pngFile = (w = 4, h = 3) => new File([png(w, h) as Uint8Array<ArrayBuffer>], 'cat.png', { type: 'image/png' });

describe('memory transport: upload', () => {
  let server: MockChatServer;
  beforeEach(() => {
    vi.useFakeTimers();
    server = createMockServer({ seed: 'upload-tests' });
  });
  afterEach(() => {
    server.dispose();
    vi.useRealTimers();
  });

  it('reports progress in steps, one latency each, then resolves with the descriptor a latency later', async () => {
    const { transport } = await online(server, 'alice');
    server.setNetwork({ latencyMs: 100 });
    const file = pngFile();
    const progress: number[] = [];
    let result: unknown;
    void transport.upload!({ conversationId: 'general', file, name: 'cat.png', onProgress: (sent, total) => progress.push(sent / total) }).then(
      (r) => (result = r),
    );
    expect(progress).toEqual([0]);
    await vi.advanceTimersByTimeAsync(100);
    expect(progress).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(300);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(result).toBeUndefined(); // the answer is still on its way back
    await vi.advanceTimersByTimeAsync(100);
    expect(result).toMatchObject({ name: 'cat.png', mimeType: 'image/png', width: 4, height: 3, size: file.size });
  });

  it('is immediate on a perfect network', async () => {
    const { transport } = await online(server, 'alice');
    const upload = transport.upload!({ conversationId: 'general', file: pngFile(), name: 'cat.png' });
    await settle();
    await expect(upload).resolves.toMatchObject({ mimeType: 'image/png' });
  });

  it('rejects with the server’s refusal as { code, message }', async () => {
    const { transport } = await online(server, 'alice');
    const upload = transport.upload!({ conversationId: 'bob-carol', file: pngFile(), name: 'cat.png' });
    await settle();
    await expect(upload).rejects.toMatchObject({ name: 'UploadError', code: 'not_found', message: 'No such conversation' });
  });

  it('aborts through the signal, before or during the upload', async () => {
    const { transport } = await online(server, 'alice');
    server.setNetwork({ latencyMs: 100 });
    const before = new AbortController();
    before.abort();
    await expect(transport.upload!({ conversationId: 'general', file: pngFile(), name: 'a.png', signal: before.signal })).rejects.toMatchObject({
      code: 'aborted',
    });
    const during = new AbortController();
    const progress: number[] = [];
    const request: UploadRequest = { conversationId: 'general', file: pngFile(), name: 'b.png', signal: during.signal, onProgress: (s) => progress.push(s) };
    const upload = transport.upload!(request);
    const caught = upload.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(150);
    during.abort();
    expect(await caught).toMatchObject({ code: 'aborted' });
    const seen = progress.length;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(progress).toHaveLength(seen); // nothing more after the abort
  });

  it('fails with `disconnected` when not connected, or when the link is cut mid-upload', async () => {
    const idle = server.connect({ userId: 'alice', token: 'alice-token' });
    await expect(idle.upload!({ conversationId: 'general', file: pngFile(), name: 'a.png' })).rejects.toMatchObject({ code: 'disconnected' });

    const { transport } = await online(server, 'bob');
    server.setNetwork({ latencyMs: 100 });
    const upload = transport.upload!({ conversationId: 'general', file: pngFile(), name: 'a.png' });
    const caught = upload.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(150);
    server.setOnline('bob', false);
    expect(await caught).toMatchObject({ code: 'disconnected' });
  });

  it('says `unsupported` when the endpoint has no upload handler', async () => {
    const transport = createMemoryTransport({
      endpoint: { open: () => ({ ok: true, link: { request: () => ({ ok: true }), close: () => {} } }) },
    });
    transport.connect();
    await settle();
    await expect(transport.upload!({ conversationId: 'general', file: pngFile(), name: 'a.png' })).rejects.toMatchObject({ code: 'unsupported' });
  });
});
