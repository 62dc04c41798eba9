// @vitest-environment node
// Node, not jsdom: the server makes real object URLs (jsdom has no URL.createObjectURL).
import { afterEach, describe, expect, it } from 'vitest';
import { createMockServer, type MockChatServer, type UploadAck } from 'parley/mock-server';
import { bytes, jpeg, png } from './imageFixtures';

let server: MockChatServer;
afterEach(() => server?.dispose());

const alice = { userId: 'alice', token: 'alice-token' };
const file = (content: Uint8Array, name: string, type = '') => new File([content as Uint8Array<ArrayBuffer>], name, { type });

function refused(ack: UploadAck) {
  if (ack.ok) throw new Error(`expected a refusal, got ${JSON.stringify(ack)}`);
  return { status: ack.status, ...ack.error };
}

describe('server.upload', () => {
  it('stores a PNG: 201 with a blob URL of the bytes, the sniffed type and the dimensions', async () => {
    server = createMockServer();
    const content = png(640, 480);
    const ack = await server.upload(alice, { conversationId: 'general', file: file(content, 'cat.png', 'image/png') });
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.status).toBe(201);
    expect(ack.attachment).toMatchObject({ name: 'cat.png', size: content.length, mimeType: 'image/png', width: 640, height: 480 });
    expect(ack.attachment.url).toMatch(/^blob:/);
    const stored = server.uploadedFile(ack.attachment.id);
    expect(stored?.mimeType).toBe('image/png');
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(content);
  });

  it('types the stored file by content, not by the claimed type', async () => {
    server = createMockServer();
    const ack = await server.upload(alice, { conversationId: 'general', file: file(jpeg(10, 20), 'photo.png', 'image/png') });
    expect(ack.ok && ack.attachment).toMatchObject({ mimeType: 'image/jpeg', width: 10, height: 20, name: 'photo.png' });
    expect(ack.ok && server.uploadedFile(ack.attachment.id)?.blob.type).toBe('image/jpeg');
  });

  it('sanitizes the name and prefers the explicit one', async () => {
    server = createMockServer();
    const ack = await server.upload(alice, {
      conversationId: 'general',
      file: file(new TextEncoder().encode('hi'), 'ignored.txt'),
      name: '../../secret\u202Etxt.md',
    });
    expect(ack.ok && ack.attachment).toMatchObject({ name: 'secrettxt.md', mimeType: 'text/markdown' });
    expect(ack.ok && ack.attachment.width).toBeUndefined();
  });

  it('refuses a bad token (401 unauthorized)', async () => {
    server = createMockServer();
    const ack = await server.upload({ userId: 'alice', token: 'bob-token' }, { conversationId: 'general', file: file(png(1, 1), 'a.png') });
    expect(refused(ack)).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('refuses a conversation the user is not in, or one that does not exist, with the one answer (404 not_found, word for word)', async () => {
    server = createMockServer();
    const answers = [];
    for (const conversationId of ['bob-carol', 'no-such-conversation']) {
      const ack = await server.upload(alice, { conversationId, file: file(png(1, 1), 'a.png') });
      answers.push(refused(ack));
    }
    expect(answers[0]).toEqual({ status: 404, code: 'not_found', message: 'No such conversation' });
    expect(answers[1]).toEqual(answers[0]);
  });

  it('refuses a file over the size cap (413 too_large, with the limit)', async () => {
    server = createMockServer({ maxUploadBytes: 100 });
    const ack = await server.upload(alice, { conversationId: 'general', file: file(new Uint8Array(101), 'big.txt') });
    expect(refused(ack)).toMatchObject({ status: 413, code: 'too_large', maxBytes: 100 });
    expect((await server.upload(alice, { conversationId: 'general', file: file(png(1, 1), 'a.png') })).ok).toBe(true);
  });

  it('defaults the cap to 10 MB', async () => {
    server = createMockServer();
    const big = { size: 10_000_001, arrayBuffer: () => Promise.reject(new Error('must not be read')) };
    expect(refused(await server.upload(alice, { conversationId: 'general', file: big, name: 'big.png' }))).toMatchObject({
      code: 'too_large',
      maxBytes: 10_000_000,
    });
  });

  it('refuses a renamed executable by its content (415 unsupported_type)', async () => {
    server = createMockServer();
    const exe = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);
    const ack = await server.upload(alice, { conversationId: 'general', file: file(exe, 'cat.png', 'image/png') });
    const error = refused(ack);
    expect(error).toMatchObject({ status: 415, code: 'unsupported_type' });
    expect(error.message).toContain('"cat.png" is not a supported file type');
  });

  it('refuses malformed input (400 invalid_payload) and never throws', async () => {
    server = createMockServer();
    for (const input of [
      { conversationId: 'general', file: 'not a file' },
      { conversationId: 42, file: file(png(1, 1), 'a.png') },
      { conversationId: '__proto__', file: file(png(1, 1), 'a.png') },
      { conversationId: 'general', file: { size: 1, arrayBuffer: () => Promise.reject(new Error('unreadable')) } },
    ]) {
      expect(refused(await server.upload(alice, input))).toMatchObject({ status: 400, code: 'invalid_payload' });
    }
  });

  it('can name files by URL for an HTTP wrapper, and refuses everything once disposed', async () => {
    server = createMockServer();
    const ack = await server.upload(alice, { conversationId: 'general', file: file(png(1, 1), 'a.png') }, { url: (id) => `/uploads/${id}` });
    expect(ack.ok && ack.attachment.url).toBe(`/uploads/${ack.ok ? ack.attachment.id : ''}`);
    server.dispose();
    expect(refused(await server.upload(alice, { conversationId: 'general', file: file(png(1, 1), 'a.png') }))).toMatchObject({
      code: 'disconnected',
    });
  });

  it('lets a message carry the uploaded attachment by its id, with the facts the server stored', async () => {
    server = createMockServer();
    const ack = await server.upload(alice, { conversationId: 'general', file: file(png(2, 2), 'a.png') });
    if (!ack.ok) throw new Error(ack.error.message);
    const attached = server.attach(alice, { deliver: () => {}, drop: () => {} });
    if (!attached.ok) throw new Error('attach failed');
    const sent = server.handleRequest(attached.session, 'message:send', {
      conversationId: 'general',
      clientId: 'c-upload',
      text: '',
      attachments: [{ id: ack.attachment.id }],
    });
    expect(sent).toMatchObject({ ok: true, message: { text: '', attachments: [ack.attachment] } });
  });
});
