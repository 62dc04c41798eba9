/**
 * The upload code loads on the first upload: before it is here nothing exists to
 * cancel or resume, the first upload waits for it, and a failed fetch is reported
 * and tried again. Fresh modules per test, so the code is never already loaded.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatError } from '../../src/core/errors';
import type { Message } from '../../src/core/protocol';
import type { Transport } from '../../src/core/transport';

const attachment = { id: 'up1', url: 'blob:x/1', name: 'cat.png', size: 4, mimeType: 'image/png' };
const png = () => new File([new Uint8Array(4)], 'cat.png', { type: 'image/png' });

async function setup() {
  const { lazyUploads } = await import('../../src/core/lazyUploads');
  const { createChatStore } = await import('../../src/core/store');
  const store = createChatStore('alice');
  const upload = vi.fn(async () => attachment);
  const reported: ChatError[] = [];
  const send = vi.fn(async () => ({ id: 'm1' }) as Message);
  let n = 0;
  const uploads = lazyUploads({
    store,
    transport: { upload } as unknown as Transport,
    send,
    report: (e) => reported.push(e),
    createId: () => `u${++n}`,
  });
  return { uploads, store, upload, send, reported };
}

beforeEach(() => {
  vi.resetModules();
});
afterEach(() => {
  vi.doUnmock('../../src/core/uploads');
});

describe('lazyUploads', () => {
  it('before the code is here there is nothing to cancel, dismiss, start, stop or take online and offline', async () => {
    const { uploads, store, upload } = await setup();
    uploads.cancel('u1');
    uploads.dismiss('u1');
    uploads.start();
    uploads.online();
    uploads.offline();
    uploads.stop();
    expect(store.getState().uploads).toEqual({});
    expect(upload).not.toHaveBeenCalled();
  });

  it('the first upload waits for the code; once it is here uploads start at once, as an UploadManager’s', async () => {
    const { uploads, store, upload, send } = await setup();
    const first = uploads.upload('general', png());
    expect(store.getState().uploads).toEqual({});
    await expect(first).resolves.toEqual({ id: 'm1' });
    expect(send).toHaveBeenCalledWith('general', { text: '', attachments: [attachment] });

    void uploads.upload('general', png());
    expect(store.getState().uploads.u2).toMatchObject({ status: 'uploading', name: 'cat.png' });
    expect(upload).toHaveBeenCalledTimes(2);
  });

  it('a failed fetch of the code rejects the upload and is reported; the next upload fetches it again', async () => {
    vi.doMock('../../src/core/uploads', () => {
      throw new Error('network down');
    });
    const { uploads, store, reported } = await setup();
    await expect(uploads.upload('general', png())).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/^Could not load the upload code/) });
    expect(reported.map((e) => e.code)).toEqual(['internal']);
    expect(store.getState().uploads).toEqual({});

    vi.doUnmock('../../src/core/uploads');
    await expect(uploads.upload('general', png())).resolves.toEqual({ id: 'm1' });
  });
});
