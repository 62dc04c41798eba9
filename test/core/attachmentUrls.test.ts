// @vitest-environment jsdom
/** The client asks the server for a file URL per viewer, keeps it until it expires, and asks again when told to. */
import { describe, expect, it, vi } from 'vitest';
import { createAttachmentUrls } from '../../src/core/attachmentUrls';
import type { Requester } from '../../src/core/requests';

const file = { id: 'u1', url: 'https://chat.test/uploads/u1' };

function setup(answers: (() => unknown)[]) {
  let now = 1_000_000;
  const request = vi.fn(async () => {
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  });
  const urls = createAttachmentUrls({ request: request as unknown as Requester, resolve: (url) => `${url}#resolved`, now: () => now });
  return { urls, request, advance: (ms: number) => (now += ms) };
}

describe('attachment URLs', () => {
  it('asks once and keeps the URL until shortly before it expires, then asks again', async () => {
    const { urls, request, advance } = setup([
      () => ({ url: 'https://chat.test/uploads/u1?sig=a', expiresAt: 1_000_000 + 60_000 }),
      () => ({ url: 'https://chat.test/uploads/u1?sig=b', expiresAt: 1_000_000 + 120_000 }),
    ]);
    expect(await urls.url(file)).toBe('https://chat.test/uploads/u1?sig=a');
    expect(await urls.url(file)).toBe('https://chat.test/uploads/u1?sig=a');
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith('attachment:url', { id: 'u1' });
    advance(60_000);
    expect(await urls.url(file)).toBe('https://chat.test/uploads/u1?sig=b');
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('an expired URL that failed to load is replaced by a fresh one, asked for once', async () => {
    const { urls, request } = setup([
      () => ({ url: 'https://chat.test/uploads/u1?sig=old', expiresAt: 1_000_000 + 600_000 }),
      () => ({ url: 'https://chat.test/uploads/u1?sig=new', expiresAt: 1_000_000 + 600_000 }),
    ]);
    expect(await urls.url(file)).toBe('https://chat.test/uploads/u1?sig=old');
    // The page could not load it (it expired on the server's clock): one new request, then the cache again.
    expect(await urls.url(file, { fresh: true })).toBe('https://chat.test/uploads/u1?sig=new');
    expect(await urls.url(file)).toBe('https://chat.test/uploads/u1?sig=new');
    expect(request).toHaveBeenCalledTimes(2);
  });

  it("falls back to the message's own URL when the server does not issue one", async () => {
    const { urls } = setup([]);
    expect(await urls.url(file)).toBe('https://chat.test/uploads/u1#resolved');
  });

  it('asking again for a URL the server issued rejects when the server gives none: the old one has expired', async () => {
    const { urls, advance } = setup([
      () => ({ url: 'https://chat.test/uploads/u1?sig=a', expiresAt: 1_000_000 + 60_000 }),
      () => {
        throw new Error('timeout');
      },
      () => {
        throw new Error('timeout');
      },
    ]);
    expect(await urls.url(file)).toBe('https://chat.test/uploads/u1?sig=a');
    // Neither the expired URL nor the message's own (which this server does not serve) would load.
    await expect(urls.url(file, { fresh: true })).rejects.toThrow('timeout');
    advance(60_000);
    await expect(urls.url(file)).rejects.toThrow('timeout');
  });
});
