/**
 * An upload the server refuses with `rate_limited`: with a short wait (too many uploads for a
 * moment) it waits exactly that long, once, and goes again with the same bytes; a wait too long
 * to sit out (a full quota) fails at once with the server's reason and is never retried by itself.
 * An expired token is ridden out like a lost link: the socket comes back with a fresh one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../src/core/protocol';
import { createChatStore } from '../../src/core/store';
import { UploadError, type Transport, type UploadRequest } from '../../src/core/transport';
import { toUploadErrorInfo, UploadManager } from '../../src/core/uploads';

const attachment = { id: 'up1', url: 'blob:x/1', name: 'cat.png', size: 4, mimeType: 'image/png', width: 2, height: 1 };
const png = () => new File([new Uint8Array(4)], 'cat.png', { type: 'image/png' });

/** A refusal as the transports build it from a 429, with the server's wait. */
const refused = (retryAfterMs: number, message = 'Too many uploads: at most 1 per 60 s for each user. Try again in 2 s.') =>
  new UploadError('rate_limited', message, undefined, retryAfterMs);

function setup() {
  const link = { online: true };
  const store = createChatStore('alice');
  const calls: { request: UploadRequest; resolve(v: unknown): void; reject(e: unknown): void }[] = [];
  const transport = {
    upload: vi.fn((request: UploadRequest) => new Promise<unknown>((resolve, reject) => calls.push({ request, resolve, reject }))),
  } as unknown as Transport;
  const send = vi.fn(async () => ({ id: 'm1' }) as Message);
  const manager = new UploadManager({ store, transport, send, report: () => {}, createId: () => 'u1', isOnline: () => link.online });
  const upload = () => store.getState().uploads.u1;
  return { calls, send, manager, upload, link };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('UploadManager, refused with rate_limited', () => {
  it('waits the server’s wait once, then sends the same file by itself', async () => {
    const { calls, send, manager, upload } = setup();
    const file = png();
    const done = manager.upload('general', file);
    await vi.advanceTimersByTimeAsync(0);
    calls[0]!.reject(refused(2_000));
    await vi.advanceTimersByTimeAsync(0);
    expect(upload()).toMatchObject({ status: 'waiting', error: { code: 'rate_limited', retryAfterMs: 2_000 } });

    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.request.file).toBe(file);
    expect(upload()).toMatchObject({ status: 'uploading' });
    calls[1]!.resolve(attachment);
    await expect(done).resolves.toEqual({ id: 'm1' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('refused again after the wait: failed with the wait, no more tries until Retry, which gets its own wait', async () => {
    const { calls, manager, upload } = setup();
    const done = manager.upload('general', png());
    await vi.advanceTimersByTimeAsync(0);
    calls[0]!.reject(refused(1_000));
    await vi.advanceTimersByTimeAsync(1_000);
    calls[1]!.reject(refused(3_000));
    await expect(done).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 3_000 });
    expect(upload()).toMatchObject({ status: 'failed', error: { code: 'rate_limited', retryAfterMs: 3_000 } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(2);

    const again = manager.retry('u1');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(3);
    calls[2]!.reject(refused(500));
    await vi.advanceTimersByTimeAsync(0);
    expect(upload()).toMatchObject({ status: 'waiting' });
    await vi.advanceTimersByTimeAsync(500);
    calls[3]!.resolve(attachment);
    await expect(again).resolves.toEqual({ id: 'm1' });
  });

  it('a full quota (a wait of an hour) fails at once with the server’s reason and is not retried', async () => {
    const { calls, manager, upload } = setup();
    const reason = 'Upload quota reached: 90 of 100 bytes stored for this user. Files never sent in a message are removed after a while; then try again.';
    const done = manager.upload('general', png());
    await vi.advanceTimersByTimeAsync(0);
    calls[0]!.reject(refused(3_600_000, reason));
    await expect(done).rejects.toMatchObject({ code: 'rate_limited', message: reason });
    expect(upload()).toMatchObject({ status: 'failed', error: { code: 'rate_limited', message: reason, retryAfterMs: 3_600_000 } });
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    expect(calls).toHaveLength(1);
  });

  it('a reconnect during the wait does not start it sooner; a disconnect and connect keep the wait', async () => {
    const { calls, manager, upload, link } = setup();
    void manager.upload('general', png()).catch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    calls[0]!.reject(refused(5_000));
    await vi.advanceTimersByTimeAsync(1_000);
    link.online = false;
    manager.offline();
    manager.stop();
    link.online = true;
    manager.online();
    await vi.advanceTimersByTimeAsync(3_999);
    expect(calls).toHaveLength(1);
    expect(upload()).toMatchObject({ status: 'waiting' });
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
  });

  it('reads the wait off any error by shape, bounded as the protocol bounds it', () => {
    expect(toUploadErrorInfo(refused(2_000))).toEqual({ code: 'rate_limited', message: expect.any(String), retryAfterMs: 2_000 });
    expect(toUploadErrorInfo({ code: 'rate_limited', message: 'm', retryAfterMs: 1e12 })).toMatchObject({ retryAfterMs: 3_600_000 });
    for (const junk of [Number.NaN, -1, '2000', Number.POSITIVE_INFINITY, undefined]) {
      expect(toUploadErrorInfo({ code: 'rate_limited', message: 'm', retryAfterMs: junk })).toEqual({ code: 'rate_limited', message: 'm' });
    }
  });
});

describe('UploadManager, refused with token_expired', () => {
  it('goes again by itself with the same file, as after a lost link', async () => {
    const { calls, send, manager, upload } = setup();
    const file = png();
    const done = manager.upload('general', file);
    await vi.advanceTimersByTimeAsync(0);
    calls[0]!.reject(new UploadError('token_expired', 'This token expired; ask for a new one'));
    await vi.advanceTimersByTimeAsync(0);
    expect(upload()?.status).not.toBe('failed');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.request.file).toBe(file);
    calls[1]!.resolve(attachment);
    await expect(done).resolves.toEqual({ id: 'm1' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
