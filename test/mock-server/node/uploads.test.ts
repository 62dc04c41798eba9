// @vitest-environment node
/** Uploads over HTTP: streaming with a cap, type by content, members-only downloads, no traversal. */
import { request } from 'node:http';
import { readdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { closeAllClients, connect, png, upload, uniqueId } from './helpers';

const MAX = 200_000;
let running: RunningMockServer;
let url: string;

beforeAll(async () => {
  running = await startMockServer({ maxUploadBytes: MAX });
  url = running.url;
});

afterEach(() => closeAllClients());

afterAll(async () => {
  await running.close();
});

/** Files in the upload directory (each stored upload is one file). */
const stored = () => readdir(running.uploadDir);

/** A GET with the raw path as given (fetch would normalise `..` away). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request({ hostname, port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('POST /uploads', () => {
  it('stores a PNG under a random id and answers 201 with the attachment and its size', async () => {
    const before = (await stored()).length;
    const res = await upload(url, 'alice-token', [
      ['conversationId', 'general'],
      ['file', { filename: 'holiday photo.png', data: png(64, 48), type: 'image/png' }],
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      url: `${url}/uploads/${res.body.id}`,
      name: 'holiday photo.png',
      size: png(64, 48).length,
      mimeType: 'image/png',
      width: 64,
      height: 48,
    });
    const files = await stored();
    expect(files).toHaveLength(before + 1);
    // On disk under the random id, never the client's name.
    expect(files).toContain(res.body.id);
    expect(files.some((f) => f.includes('holiday'))).toBe(false);
  });

  it('takes the fields in either order, sanitizes the name, and accepts plain text', async () => {
    const res = await upload(url, 'bob-token', [
      ['file', { filename: '../../etc/notes\u202Etxt.md', data: new TextEncoder().encode('# Notes\nhello'), type: 'text/markdown' }],
      ['conversationId', 'alice-bob'],
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'notestxt.md', mimeType: 'text/markdown' });
    expect(res.body.width).toBeUndefined();
  });

  it('answers 401 without a token or with a bad one', async () => {
    const parts = [['conversationId', 'general'], ['file', { filename: 'a.png', data: png(2, 2) }]] as const;
    const none = await upload(url, null, parts);
    expect(none).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: expect.stringContaining('Bearer') } } });
    const bad = await upload(url, 'mallory-token', parts);
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('unauthorized');
  });

  it('answers 404 to a non-member and keeps nothing, whichever field comes first', async () => {
    const before = await stored();
    const early = await upload(url, 'alice-token', [['conversationId', 'bob-carol'], ['file', { filename: 'a.png', data: png(8, 8) }]]);
    expect(early.status).toBe(404);
    expect(early.body.error).toEqual({ code: 'not_found', message: 'No such conversation' });
    const late = await upload(url, 'alice-token', [['file', { filename: 'a.png', data: png(8, 8) }], ['conversationId', 'bob-carol']]);
    expect(late).toEqual(early);
    expect(await stored()).toEqual(before);
    // An unknown conversation answers alike, so outsiders cannot probe which ids exist.
    const unknown = await upload(url, 'alice-token', [['conversationId', 'nope'], ['file', { filename: 'a.png', data: png(8, 8) }]]);
    expect(unknown).toEqual(early);
  });

  it('answers 413 over the cap, with or without Content-Length, and leaves no file behind', async () => {
    const before = await stored();
    const big = new Uint8Array(MAX + 1);
    big.set(png(4, 4));
    const declared = await upload(url, 'alice-token', [['conversationId', 'general'], ['file', { filename: 'big.png', data: big }]]);
    expect(declared.status).toBe(413);
    expect(declared.body.error).toEqual({ code: 'too_large', message: expect.stringContaining(`${MAX} bytes`), maxBytes: MAX });
    // Chunked: no length up front, so the cap is enforced while streaming.
    const streamed = await upload(url, 'alice-token', [['conversationId', 'general'], ['file', { filename: 'big.png', data: big }]], { chunked: true });
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.maxBytes).toBe(MAX);
    const huge = await upload(url, 'alice-token', [['conversationId', 'general'], ['file', { filename: 'huge.png', data: new Uint8Array(MAX * 5) }]], { chunked: true });
    expect(huge.status).toBe(413);
    expect(await stored()).toEqual(before);
    // At the cap exactly is fine.
    const exact = new Uint8Array(MAX);
    exact.set(png(4, 4));
    expect((await upload(url, 'alice-token', [['conversationId', 'general'], ['file', { filename: 'ok.png', data: exact }]], { chunked: true })).status).toBe(201);
  });

  it('answers 415 when the content is not an allowed type, whatever the name says', async () => {
    const before = await stored();
    const cases: [string, Uint8Array][] = [
      ['cat.png', new TextEncoder().encode('<html><script>alert(1)</script></html>')],
      ['invoice.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00])], // a Windows executable
      ['notes.txt', new TextEncoder().encode('<!DOCTYPE html><p>hi')],
      ['page.html', new TextEncoder().encode('plain words')],
      ['data.bin', new Uint8Array([0, 1, 2, 3])],
    ];
    for (const [filename, data] of cases) {
      const res = await upload(url, 'alice-token', [['conversationId', 'general'], ['file', { filename, data, type: 'image/png' }]]);
      expect(res.status, filename).toBe(415);
      expect(res.body.error.code).toBe('unsupported_type');
    }
    expect(await stored()).toEqual(before);
    // A PNG named .jpg is stored as what it is.
    const renamed = await upload(url, 'alice-token', [['conversationId', 'general'], ['file', { filename: 'photo.jpg', data: png(3, 5), type: 'image/jpeg' }]]);
    expect(renamed.body).toMatchObject({ mimeType: 'image/png', width: 3, height: 5 });
  });

  it('answers 400 or 415 to forms that are not what it expects', async () => {
    const json = await fetch(`${url}/uploads`, { method: 'POST', headers: { Authorization: 'Bearer alice-token', 'Content-Type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expect((await upload(url, 'alice-token', [['conversationId', 'general']])).status).toBe(400);
    expect((await upload(url, 'alice-token', [['file', { filename: 'a.png', data: png(2, 2) }]])).status).toBe(400);
    expect((await upload(url, 'alice-token', [['conversationId', 'general'], ['file', { filename: 'empty.png', data: new Uint8Array(0) }]])).status).toBe(400);
  });
});

describe('GET /uploads/:id', () => {
  let image: { id: string; url: string };
  let doc: { id: string; url: string };

  beforeAll(async () => {
    image = (await upload(url, 'alice-token', [['conversationId', 'alice-bob'], ['file', { filename: 'pic.png', data: png(10, 10) }]])).body;
    doc = (
      await upload(url, 'alice-token', [
        ['conversationId', 'alice-bob'],
        ['file', { filename: 'Résumé "final".pdf', data: new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n') }],
      ])
    ).body;
  });

  it('serves an image to a member, by header or a signed URL, with safe headers', async () => {
    const res = await fetch(image.url, { headers: { Authorization: 'Bearer bob-token' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="pic.png"; filename*=UTF-8''pic.png`);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(png(10, 10)))).toBe(true);
    const alice = await connect(url, 'alice-token');
    const signed = await alice.request('attachment:url', { id: image.id });
    const byUrl = await fetch(signed.url);
    expect(byUrl.status).toBe(200);
    await byUrl.arrayBuffer();
  });

  it('offers other files as a download with an RFC 5987 name', async () => {
    const res = await fetch(doc.url, { headers: { Authorization: 'Bearer bob-token' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="R_sum_ _final_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.pdf`,
    );
    await res.arrayBuffer();
  });

  it('answers 401 without a token, 404 to a non-member, and follows live membership', async () => {
    expect((await fetch(image.url)).status).toBe(401);
    expect((await fetch(image.url, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    // A session token in the URL opens nothing: it would end up in history, copied links and logs.
    expect((await fetch(`${image.url}?token=alice-token`)).status).toBe(401);
    const carol = await fetch(image.url, { headers: { Authorization: 'Bearer carol-token' } });
    expect(carol.status).toBe(404);
    expect((await carol.json()).error).toEqual({ code: 'not_found', message: 'No such upload' });
    // A member removed later loses access at once.
    const id = uniqueId('room');
    running.server.createConversation({ id, kind: 'group', title: 'Room', memberIds: ['alice', 'dave'] });
    const file = (await upload(url, 'dave-token', [['conversationId', id], ['file', { filename: 'x.png', data: png(2, 2) }]])).body;
    const asAlice = { headers: { Authorization: 'Bearer alice-token' } };
    expect((await fetch(file.url, asAlice)).status).toBe(200);
    running.server.removeMember(id, 'alice');
    expect((await fetch(file.url, asAlice)).status).toBe(404);
  });

  it('answers 404 to unknown ids and any path traversal', async () => {
    const auth = { Authorization: 'Bearer alice-token' };
    for (const path of [
      '/uploads/00000000000000000000000000000000',
      '/uploads/../../etc/passwd',
      '/uploads/..%2F..%2Fetc%2Fpasswd',
      '/uploads/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      `/uploads/${image.id}%2F..%2F${doc.id}`,
      `/uploads/${image.id.toUpperCase()}`,
      '/uploads/%E0%A4%A',
      `/uploads/${image.id}/extra`,
    ]) {
      const res = await rawGet(path, auth);
      expect(res.status, path).toBe(404);
      expect(JSON.parse(res.body.toString()).error.code).toBe('not_found');
    }
  });
});

describe('attachments in messages', () => {
  it('accepts the upload ids it issued in message:send and delivers the stored attachment', async () => {
    const file = (await upload(url, 'alice-token', [['conversationId', 'alice-bob'], ['file', { filename: 'p.png', data: png(5, 7) }]])).body;
    const alice = await connect(url, 'alice-token');
    const bob = await connect(url, 'bob-token');
    const clientId = uniqueId('file');
    const ack = await alice.request('message:send', { conversationId: 'alice-bob', clientId, text: '', attachments: [{ id: file.id }] });
    expect(ack.ok).toBe(true);
    expect(ack.message.attachments).toEqual([file]);
    const pushed = await bob.next('message:new', (m) => m.clientId === clientId);
    expect(pushed.attachments[0]).toMatchObject({ url: file.url, width: 5, height: 7 });
  });
});
