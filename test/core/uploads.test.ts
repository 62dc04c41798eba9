import { describe, expect, it, vi } from 'vitest';
import { createChatClient } from '../../src/core/client';
import type { ChatError } from '../../src/core/errors';
import type { Message } from '../../src/core/protocol';
import { createChatStore } from '../../src/core/store';
import { UploadError, type Transport, type UploadRequest } from '../../src/core/transport';
import type { NewMessage } from '../../src/core/types';
import { toUploadErrorInfo, UploadManager } from '../../src/core/uploads';
import { message, ScriptedTransport, simpleServer } from './scriptedTransport';

interface Deferred {
  request: UploadRequest;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** A transport whose uploads wait until the test answers them. */
function fakeTransport() {
  const calls: Deferred[] = [];
  const transport = {
    upload: vi.fn(
      (request: UploadRequest) =>
        new Promise<unknown>((resolve, reject) => {
          calls.push({ request, resolve, reject });
          request.signal?.addEventListener('abort', () => reject(new UploadError('aborted', 'aborted')));
        }),
    ),
  } as unknown as Transport;
  return { transport, calls };
}

const attachment = { id: 'up1', url: 'blob:x/1', name: 'cat.png', size: 4, mimeType: 'image/png', width: 2, height: 1 };

function setup(policy: { maxBytes?: number } = {}) {
  const link = { online: true };
  const store = createChatStore('alice');
  const { transport, calls } = fakeTransport();
  const sent: { conversationId: string; message: NewMessage }[] = [];
  const send = vi.fn(async (conversationId: string, m: NewMessage) => {
    sent.push({ conversationId, message: m });
    return { id: 'm1' } as Message;
  });
  const reported: ChatError[] = [];
  let n = 0;
  const manager = new UploadManager({
    store,
    transport,
    send,
    report: (e) => reported.push(e),
    policy,
    createId: () => `u${++n}`,
    isOnline: () => link.online,
  });
  const uploads = () => store.getState().uploads;
  return { store, transport, calls, sent, send, reported, manager, uploads, link };
}

const png = (size = 4, name = 'cat.png') => new File([new Uint8Array(size)], name, { type: 'image/png' });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('UploadManager', () => {
  it('tracks progress, then sends one message with the validated attachment and forgets the upload', async () => {
    const { calls, sent, manager, uploads } = setup();
    const done = manager.upload('general', png(), { text: 'look' });
    expect(uploads().u1).toMatchObject({ conversationId: 'general', name: 'cat.png', size: 4, mimeType: 'image/png', sentBytes: 0, status: 'uploading' });
    await flush();
    const call = calls[0]!;
    expect(call.request).toMatchObject({ conversationId: 'general', name: 'cat.png' });
    call.request.onProgress?.(200, 400); // a transport's own total (e.g. multipart) is scaled to the file size
    expect(uploads().u1!.sentBytes).toBe(2);
    call.resolve({ ...attachment, extra: 'stripped' });
    await expect(done).resolves.toEqual({ id: 'm1' });
    expect(sent).toEqual([{ conversationId: 'general', message: { text: 'look', attachments: [attachment] } }]);
    expect(uploads()).toEqual({});
  });

  it('sends an empty text by default', async () => {
    const { calls, sent, manager } = setup();
    const done = manager.upload('general', png());
    await flush();
    calls[0]!.resolve(attachment);
    await done;
    expect(sent[0]!.message.text).toBe('');
  });

  it('refuses too large a file before uploading, keeping it as failed with the limit', async () => {
    const { transport, manager, uploads } = setup({ maxBytes: 3 });
    await expect(manager.upload('general', png(4))).rejects.toMatchObject({ code: 'too_large' });
    expect(transport.upload).not.toHaveBeenCalled();
    expect(uploads().u1).toMatchObject({ status: 'failed', error: { code: 'too_large', maxBytes: 3 } });
  });

  it.each([
    ['photo.exe', 'application/x-msdownload'],
    ['notes.docx', ''],
    ['cat.png', 'text/html'],
    ['noextension', ''],
  ])('refuses %s (%s) by type before uploading', async (name, type) => {
    const { transport, manager, uploads } = setup();
    await expect(manager.upload('general', new File(['x'], name, { type }))).rejects.toMatchObject({ code: 'unsupported_type' });
    expect(transport.upload).not.toHaveBeenCalled();
    expect(uploads().u1).toMatchObject({ status: 'failed', name, error: { code: 'unsupported_type' } });
  });

  it('accepts allowlisted files that browsers report vaguely (no type, or a CSV as Excel)', async () => {
    const { calls, manager } = setup();
    void manager.upload('general', new File(['a'], 'notes.md', { type: '' })).catch(() => {});
    void manager.upload('general', new File(['a,b'], 'data.csv', { type: 'application/vnd.ms-excel' })).catch(() => {});
    void manager.upload('general', new Blob(['%PDF-'], { type: 'application/pdf' }), { name: 'doc.pdf' }).catch(() => {});
    await flush();
    expect(calls.map((c) => c.request.name)).toEqual(['notes.md', 'data.csv', 'doc.pdf']);
  });

  it('keeps a server refusal as failed with its code, and retries with the same bytes', async () => {
    const { calls, sent, manager, uploads } = setup();
    const file = png();
    const first = manager.upload('general', file);
    await flush();
    calls[0]!.reject(new UploadError('unsupported_type', '"cat.png" is not a supported file type'));
    await expect(first).rejects.toMatchObject({ code: 'unsupported_type' });
    expect(uploads().u1).toMatchObject({ status: 'failed', error: { code: 'unsupported_type' } });

    const second = manager.retry('u1');
    expect(uploads().u1).toMatchObject({ status: 'uploading', sentBytes: 0 });
    expect(uploads().u1!.error).toBeUndefined();
    await flush();
    expect(calls[1]!.request.file).toBe(file);
    calls[1]!.resolve(attachment);
    await second;
    expect(sent).toHaveLength(1);
    expect(uploads()).toEqual({});
  });

  it('cancel aborts, removes the entry, and never sends, even if the transport answers anyway', async () => {
    const { calls, sent, manager, uploads } = setup();
    const done = manager.upload('general', png());
    await flush();
    const { signal } = calls[0]!.request;
    manager.cancel('u1');
    expect(signal?.aborted).toBe(true);
    expect(uploads()).toEqual({});
    calls[0]!.resolve(attachment); // too late: already rejected by the abort
    await expect(done).rejects.toMatchObject({ code: 'aborted' });
    expect(sent).toEqual([]);
    expect(uploads()).toEqual({});
  });

  it('ignores a late answer from a transport that does not honour the abort signal', async () => {
    const store = createChatStore('alice');
    let answer!: (v: unknown) => void;
    const transport = { upload: () => new Promise((r) => (answer = r)) } as unknown as Transport;
    const send = vi.fn();
    const manager = new UploadManager({ store, transport, send, report: () => {}, createId: () => 'u1' });
    const done = manager.upload('general', png());
    await flush();
    manager.cancel('u1');
    answer(attachment);
    await expect(done).rejects.toMatchObject({ code: 'aborted' });
    expect(send).not.toHaveBeenCalled();
    expect(store.getState().uploads).toEqual({});
  });

  it('dismiss forgets a failed upload; retry of an unknown one rejects', async () => {
    const { manager, uploads } = setup({ maxBytes: 1 });
    await manager.upload('general', png()).catch(() => {});
    manager.dismiss('u1');
    expect(uploads()).toEqual({});
    await expect(manager.retry('u1')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reports a malformed descriptor and fails the upload instead of sending it', async () => {
    const { calls, sent, reported, manager, uploads } = setup();
    const done = manager.upload('general', png());
    await flush();
    calls[0]!.resolve({ id: 'x', url: 42 });
    await expect(done).rejects.toMatchObject({ code: 'invalid_payload' });
    expect(reported.map((e) => e.code)).toEqual(['invalid_payload']);
    expect(uploads().u1).toMatchObject({ status: 'failed', error: { code: 'invalid_payload' } });
    expect(sent).toEqual([]);
  });

  it('fails with `unsupported` when the transport cannot upload', async () => {
    const store = createChatStore('alice');
    const manager = new UploadManager({ store, transport: {} as Transport, send: vi.fn(), report: () => {}, createId: () => 'u1' });
    await expect(manager.upload('general', png())).rejects.toMatchObject({ code: 'unsupported' });
    expect(store.getState().uploads.u1).toMatchObject({ status: 'failed', error: { code: 'unsupported' } });
  });

  it('keeps other conversations and uploads untouched (their objects stay the same)', async () => {
    const { calls, manager, uploads } = setup();
    void manager.upload('general', png()).catch(() => {});
    void manager.upload('alice-bob', png()).catch(() => {});
    const other = uploads().u2;
    await flush();
    calls[0]!.request.onProgress?.(2, 4);
    expect(uploads().u2).toBe(other);
  });
});

describe('UploadManager: the link', () => {
  const lost = () => new UploadError('disconnected', 'The upload could not reach the server');

  it('made offline, an upload waits without touching the transport, then goes when the link is back', async () => {
    const { manager, calls, sent, uploads, link } = setup();
    link.online = false;
    let result: Message | undefined;
    void manager.upload('general', png()).then((m) => (result = m));
    expect(uploads().u1).toMatchObject({ status: 'waiting', sentBytes: 0 });
    expect(calls).toHaveLength(0);
    link.online = true;
    manager.online();
    expect(uploads().u1?.status).toBe('uploading');
    calls[0]!.resolve(attachment);
    await flush();
    expect(sent).toEqual([{ conversationId: 'general', message: { text: '', attachments: [attachment] } }]);
    expect(result).toEqual({ id: 'm1' });
    expect(uploads()).toEqual({});
  });

  it('refuses what it can check at once even offline: no waiting for a file that can never go', async () => {
    const { manager, uploads, link } = setup({ maxBytes: 2 });
    link.online = false;
    await expect(manager.upload('general', png(3))).rejects.toMatchObject({ code: 'too_large' });
    expect(uploads().u1).toMatchObject({ status: 'failed', error: { code: 'too_large', maxBytes: 2 } });
  });

  it('a link lost on the way: back to waiting, and up again on resume with the same bytes', async () => {
    const { manager, calls, sent, uploads, link } = setup();
    const done = manager.upload('general', png());
    link.online = false;
    calls[0]!.reject(lost());
    await flush();
    expect(uploads().u1).toMatchObject({ status: 'waiting', error: { code: 'disconnected' } });
    link.online = true;
    manager.online();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.request.file).toBe(calls[0]!.request.file);
    calls[1]!.resolve(attachment);
    await expect(done).resolves.toEqual({ id: 'm1' });
    expect(sent).toHaveLength(1);
  });

  it('still online when its own request failed: tries again after 1 s, 2 s, 4 s, then fails for the user to retry', async () => {
    vi.useFakeTimers();
    try {
      const { manager, calls, uploads } = setup();
      const done = manager.upload('general', png());
      done.catch(() => undefined);
      calls[0]!.reject(lost());
      await vi.advanceTimersByTimeAsync(0);
      expect(uploads().u1?.status).toBe('waiting');
      for (const [wait, count] of [[1_000, 2], [2_000, 3], [4_000, 4]] as const) {
        await vi.advanceTimersByTimeAsync(wait - 1);
        expect(calls).toHaveLength(count - 1);
        await vi.advanceTimersByTimeAsync(1);
        expect(calls).toHaveLength(count);
        calls[count - 1]!.reject(lost());
        await vi.advanceTimersByTimeAsync(0);
      }
      expect(uploads().u1).toMatchObject({ status: 'failed', error: { code: 'disconnected' } });
      await expect(done).rejects.toMatchObject({ code: 'disconnected' });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(calls).toHaveLength(4);
      // The user's Retry starts a fresh round.
      const again = manager.retry('u1');
      expect(calls).toHaveLength(5);
      calls[4]!.resolve(attachment);
      await expect(again).resolves.toEqual({ id: 'm1' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('pause() stops a transfer in flight; it waits, and resume() sends it once', async () => {
    const { manager, calls, sent, uploads } = setup();
    const done = manager.upload('general', png());
    manager.stop();
    expect(calls[0]!.request.signal?.aborted).toBe(true);
    await flush();
    expect(uploads().u1?.status).toBe('waiting');
    manager.online();
    calls[1]!.resolve(attachment);
    await expect(done).resolves.toEqual({ id: 'm1' });
    expect(sent).toHaveLength(1);
  });

  it('cancel while waiting forgets it and rejects its promise', async () => {
    const { manager, calls, uploads, link } = setup();
    link.online = false;
    const done = manager.upload('general', png());
    manager.cancel('u1');
    await expect(done).rejects.toMatchObject({ code: 'aborted' });
    expect(uploads()).toEqual({});
    link.online = true;
    manager.online();
    expect(calls).toHaveLength(0);
  });
});

describe('toUploadErrorInfo', () => {
  it('reads errors by shape, whatever their class', () => {
    expect(toUploadErrorInfo(new UploadError('too_large', 'big', 10))).toEqual({ code: 'too_large', message: 'big', maxBytes: 10 });
    expect(toUploadErrorInfo({ code: 'forbidden', message: 'no' })).toEqual({ code: 'forbidden', message: 'no' });
    expect(toUploadErrorInfo(new DOMException('stop', 'AbortError')).code).toBe('aborted');
    expect(toUploadErrorInfo('boom')).toEqual({ code: 'internal', message: 'The upload failed: boom' });
  });
});

/** A server with one message in General that stores what alice sends as seq 2. */
function acceptingTransport(): ScriptedTransport {
  const handler = simpleServer([message(1)]);
  return new ScriptedTransport((event, payload) => {
    if (event !== 'message:send') return handler(event, payload);
    const p = payload as { clientId: string; text: string; attachments: { id: string }[] };
    // The client sends upload ids only; a server fills in the rest from what it stored.
    expect(p.attachments).toEqual(p.attachments.map(({ id }) => ({ id })));
    const attachments = p.attachments.map(({ id }) => ({ ...attachment, id }));
    return { ok: true, message: message(2, { authorId: 'alice', clientId: p.clientId, text: p.text, attachments }) };
  });
}

describe('client.uploadFile', () => {
  it('posts the attachment through sendMessage with empty text: one message, acked', async () => {
    const transport = acceptingTransport();
    Object.assign(transport, { upload: async () => attachment });
    const client = createChatClient({ transport, userId: 'alice' });
    await client.connect();
    await client.openConversation('general');
    const sent = await client.uploadFile('general', png());
    expect(sent).toMatchObject({ text: '', attachments: [attachment] });
    expect(transport.sent.filter((s) => s.event === 'message:send')).toHaveLength(1);
    expect(client.getMessages('general').at(-1)).toMatchObject({ status: 'sent', attachments: [attachment] });
    expect(client.store.getState().uploads).toEqual({});
    client.disconnect();
  });

  it('disconnect() stops an upload in flight; after connecting again it is sent once', async () => {
    const transport = acceptingTransport();
    const { transport: uploader, calls } = fakeTransport();
    Object.assign(transport, { upload: uploader.upload });
    const client = createChatClient({ transport, userId: 'alice', syncIntervalMs: 0 });
    await client.connect();
    const done = client.uploadFile('general', png());
    // The first upload of a page waits for the upload code (fetched on first use).
    await expect.poll(() => calls.length).toBe(1);
    client.disconnect();
    expect(calls[0]!.request.signal?.aborted).toBe(true);
    await flush();
    expect(Object.values(client.store.getState().uploads)).toMatchObject([{ status: 'waiting' }]);
    await client.connect();
    await expect.poll(() => calls.length).toBe(2);
    calls[1]!.resolve(attachment);
    await expect(done).resolves.toMatchObject({ attachments: [attachment] });
    expect(transport.sent.filter((s) => s.event === 'message:send')).toHaveLength(1);
    client.disconnect();
  });

  it('honours the maxUploadBytes client option', async () => {
    const client = createChatClient({ transport: new ScriptedTransport(simpleServer([])), userId: 'alice', maxUploadBytes: 2 });
    await expect(client.uploadFile('general', png(3))).rejects.toMatchObject({ code: 'too_large' });
    const [upload] = Object.values(client.store.getState().uploads);
    expect(upload?.error).toMatchObject({ code: 'too_large', maxBytes: 2 });
    client.dismissUpload(upload!.id);
    expect(client.store.getState().uploads).toEqual({});
  });
});
