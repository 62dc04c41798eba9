// @vitest-environment jsdom
/**
 * `POST /uploads` over XHR (parley/socketio's upload) against the Node mock server on
 * 127.0.0.1, refused by its upload limits: a 429 comes back as `rate_limited` with the
 * server's wait (`retryAfterMs`), which the upload manager then sits out; a full quota says
 * so, with a wait too long to sit out. The same for the in-browser endpoint's answer shape.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer, type StartMockServerOptions } from 'parley/mock-server/node';
import { toUploadErrorInfo } from '../../src/core/uploadErrorInfo';
import { uploadOverHttp } from '../../src/transports/httpUpload';
import { simulateUpload } from '../../src/transports/memoryUpload';
import { png } from '../mock-server/node/helpers';

let running: RunningMockServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function serve(rateLimits: StartMockServerOptions['rateLimits']) {
  // jsdom's XHR is cross-origin to the server and enforces CORS, as a page would.
  running = await startMockServer({ port: 0, host: '127.0.0.1', corsOrigins: [location.origin], rateLimits });
  const { url } = running;
  return (file: Blob = new Blob([png(4, 3) as Uint8Array<ArrayBuffer>], { type: 'image/png' })) =>
    uploadOverHttp({ baseUrl: url, token: () => 'alice-token' }, { conversationId: 'general', file, name: 'cat.png' });
}

/** The rejection as the store keeps it. */
const refusal = (upload: Promise<unknown>) => upload.then(() => expect.fail('the upload went through'), toUploadErrorInfo);

describe('HTTP upload, refused by the server’s limits', () => {
  it('too many uploads: rate_limited with the server’s wait', async () => {
    const upload = await serve({ uploads: { limit: 1, intervalMs: 60_000 } });
    await expect(upload()).resolves.toMatchObject({ mimeType: 'image/png' });
    const error = await refusal(upload());
    expect(error).toEqual({ code: 'rate_limited', message: expect.stringMatching(/^Too many uploads/), retryAfterMs: expect.any(Number) });
    expect(error.retryAfterMs).toBeGreaterThan(50_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('a full quota: rate_limited with the server’s reason and its long wait', async () => {
    const upload = await serve({ uploadBytes: 10 });
    const error = await refusal(upload());
    expect(error).toEqual({ code: 'rate_limited', message: expect.stringMatching(/^Upload quota reached/), retryAfterMs: 3_600_000 });
  });
});

describe('in-browser upload endpoint, refused with a wait', () => {
  it('keeps the wait of its answer, as over HTTP', async () => {
    const { promise } = simulateUpload({
      request: { conversationId: 'general', file: new Blob(['x']), name: 'a.txt' },
      send: async () => ({ ok: false, status: 429, error: { code: 'rate_limited', message: 'Too many uploads', retryAfterMs: 1_500 } }),
      delay: () => 0,
    });
    expect(await refusal(promise)).toEqual({ code: 'rate_limited', message: 'Too many uploads', retryAfterMs: 1_500 });
  });
});
