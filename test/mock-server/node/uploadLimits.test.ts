// @vitest-environment node
/**
 * Upload limits as an attacker meets them over HTTP on 127.0.0.1: a per-user quota of
 * bytes stored and of uploads per window, a cap on uploads at once, a stalled body cut
 * off with its partial file removed, slow headers timed out, files never sent in a
 * message removed after a TTL; `rateLimits: false` lets the budgets through. Small
 * limits and small files, set through options.
 */
import { request, type ClientRequest } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { startMockServer, type RunningMockServer, type StartMockServerOptions } from 'parley/mock-server/node';
import { closeAllClients, connect, multipart, uniqueId, type Part } from './helpers';

afterEach(() => closeAllClients());

async function serve(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  const running = await startMockServer({ port: 0, host: '127.0.0.1', ...options });
  onTestFinished(() => running.close());
  return running;
}

const textFile = (bytes: number, name = 'notes.txt'): Part => ['file', { filename: name, data: Buffer.alloc(bytes, 'x'), type: 'text/plain' }];

async function post(url: string, token: string, file: Part, conversationId = 'general') {
  const { body, contentType } = multipart([['conversationId', conversationId], file]);
  const res = await fetch(`${url}/uploads`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Authorization: `Bearer ${token}` },
    body: Uint8Array.from(body),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
}

/** An upload whose body stops after its first bytes (its Content-Length promises far more). */
function stalledUpload(url: string, token: string): { req: ClientRequest; answer: Promise<{ status: number; body: any }> } {
  const boundary = `stall${Math.random().toString(16).slice(2)}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="conversationId"\r\n\r\ngeneral\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.txt"\r\nContent-Type: text/plain\r\n\r\n${'x'.repeat(1_000)}`;
  const { hostname, port } = new URL(url);
  const req = request({
    hostname,
    port,
    path: '/uploads',
    method: 'POST',
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': head.length + 100_000, Authorization: `Bearer ${token}` },
  });
  const answer = new Promise<{ status: number; body: any }>((resolve) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || 'null') }));
    });
    req.on('error', () => resolve({ status: 0, body: null }));
  });
  req.write(head);
  return { req, answer };
}

const filesIn = (running: RunningMockServer) => readdir(running.uploadDir);

describe('per-user budgets', () => {
  it('a quota of bytes stored: the upload that would go over is refused with 429 and Retry-After, and not kept', async () => {
    const running = await serve({ rateLimits: { uploadBytes: 1_000 } });
    expect((await post(running.url, 'alice-token', textFile(400))).status).toBe(201);
    expect((await post(running.url, 'alice-token', textFile(400))).status).toBe(201);
    const over = await post(running.url, 'alice-token', textFile(400));
    expect(over.status).toBe(429);
    expect(over.retryAfter).toMatch(/^\d+$/);
    expect(over.body.error).toEqual({ code: 'rate_limited', message: expect.stringMatching(/^Upload quota reached: 800 of 1000 bytes/), retryAfterMs: expect.any(Number) });
    expect(await filesIn(running)).toHaveLength(2);
    // What still fits is taken; another user has a quota of their own.
    expect((await post(running.url, 'alice-token', textFile(150))).status).toBe(201);
    expect((await post(running.url, 'bob-token', textFile(400))).status).toBe(201);
  });

  it('uploads per window', async () => {
    const running = await serve({ rateLimits: { uploads: { limit: 2, intervalMs: 60_000 } } });
    for (let i = 0; i < 2; i++) expect((await post(running.url, 'alice-token', textFile(10))).status).toBe(201);
    const over = await post(running.url, 'alice-token', textFile(10));
    expect(over.status).toBe(429);
    expect(over.body.error.message).toMatch(/^Too many uploads: at most 2 per 60 s for each user\. Try again in/);
    expect(Number(over.retryAfter)).toBeGreaterThanOrEqual(29);
    expect((await post(running.url, 'bob-token', textFile(10))).status).toBe(201);
  });

  it('uploads at once: the next is refused while two are open, and taken once one ends', async () => {
    const running = await serve({ rateLimits: { uploadsAtOnce: 2 } });
    const open = [stalledUpload(running.url, 'alice-token'), stalledUpload(running.url, 'alice-token')];
    await vi.waitFor(async () => expect(await filesIn(running)).toHaveLength(2), { timeout: 10_000 });
    const third = await post(running.url, 'alice-token', textFile(10));
    expect(third.status).toBe(429);
    expect(third.body.error.message).toBe('Too many uploads at once: at most 2 for each user. Wait for one to finish.');
    expect((await post(running.url, 'bob-token', textFile(10))).status).toBe(201);
    open[0]!.req.destroy();
    await vi.waitFor(async () => expect((await post(running.url, 'alice-token', textFile(10))).status).toBe(201), { timeout: 10_000, interval: 200 });
    open[1]!.req.destroy();
  });
});

describe('timeouts', () => {
  it('cuts off a body that stalls, answers 408 and removes its partial file', async () => {
    const running = await serve({ uploadIdleTimeoutMs: 300 });
    const { answer } = stalledUpload(running.url, 'alice-token');
    await vi.waitFor(async () => expect(await filesIn(running)).toHaveLength(1), { timeout: 10_000 });
    const { status, body } = await answer;
    expect(status).toBe(408);
    expect(body.error).toEqual({ code: 'timeout', message: 'The upload stalled: no data for 0.3 s' });
    expect(await filesIn(running)).toEqual([]);
  });

  it('closes a connection whose headers never finish', { timeout: 20_000 }, async () => {
    const running = await serve({ headersTimeoutMs: 300 });
    const { hostname, port } = new URL(running.url);
    const socket = tcpConnect(Number(port), hostname);
    onTestFinished(() => void socket.destroy());
    let heard = '';
    socket.on('data', (chunk: Buffer) => (heard += chunk.toString()));
    socket.write('POST /uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n');
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('still open after 10 s')), 10_000);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    expect(heard).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('uploads never sent in a message', () => {
  it('are removed after the TTL, their bytes leave the quota', { timeout: 20_000 }, async () => {
    const running = await serve({ unattachedUploadTtlMs: 300, rateLimits: { uploadBytes: 500 } });
    const first = await post(running.url, 'alice-token', textFile(400));
    expect(first.status).toBe(201);
    expect((await post(running.url, 'alice-token', textFile(400))).status).toBe(429);
    await vi.waitFor(async () => expect(await filesIn(running)).toEqual([]), { timeout: 10_000 });
    const res = await fetch(first.body.url, { headers: { Authorization: 'Bearer alice-token' } });
    expect(res.status).toBe(404);
    // The quota is free again.
    expect((await post(running.url, 'alice-token', textFile(400))).status).toBe(201);
  });

  it('one sent in a message stays', { timeout: 20_000 }, async () => {
    const running = await serve({ unattachedUploadTtlMs: 300 });
    const sent = (await post(running.url, 'alice-token', textFile(10, 'sent.txt'))).body;
    const alice = await connect(running.url, 'alice-token');
    const ack = await alice.request('message:send', { conversationId: 'general', clientId: uniqueId('file'), text: '', attachments: [{ id: sent.id }] });
    expect(ack.ok).toBe(true);
    // Uploaded after the sent one: once it is gone, the sent one's TTL has passed too.
    await post(running.url, 'alice-token', textFile(10, 'unsent.txt'));
    await vi.waitFor(async () => expect(await filesIn(running)).toEqual([sent.id]), { timeout: 10_000 });
    const res = await fetch(sent.url, { headers: { Authorization: 'Bearer alice-token' } });
    expect(res.status).toBe(200);
  });
});

describe('rateLimits: false', () => {
  it('lets the upload budgets through', async () => {
    const running = await serve({ rateLimits: false });
    const open = [0, 1, 2, 3, 4].map(() => stalledUpload(running.url, 'alice-token'));
    await vi.waitFor(async () => expect(await filesIn(running)).toHaveLength(5), { timeout: 10_000 });
    for (let i = 0; i < 5; i++) expect((await post(running.url, 'alice-token', textFile(1_000))).status).toBe(201);
    for (const { req } of open) req.destroy();
  });
});
