// @vitest-environment node
// Node, not jsdom: the server makes real object URLs (jsdom has no URL.createObjectURL).
/**
 * A deleted message takes its files along on the in-browser server: no URL is
 * issued for them again and the stored file (its object URL) is gone. The
 * seeded archive's placeholders go through the same `attachment:url`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MockChatServer } from 'parley/mock-server';
import { newServer, ok, record } from './helpers';
import { png } from './imageFixtures';

let server: MockChatServer;
afterEach(() => server?.dispose());

const pngFile = () => new File([png(4, 3) as Uint8Array<ArrayBuffer>], 'cat.png');

async function sentWithFile(clientId: string) {
  const upload = await server.upload({ userId: 'alice', token: 'alice-token' }, { conversationId: 'alice-bob', file: pngFile() });
  if (!upload.ok) throw new Error(upload.error.message);
  const alice = record(server, 'alice');
  const send = () => alice.request('message:send', { conversationId: 'alice-bob', clientId, text: '', attachments: [{ id: upload.attachment.id }] });
  return { alice, id: upload.attachment.id, message: ok(send()).message, send };
}

describe('deleting a message with an upload (in-browser server)', () => {
  it('issues no URL for its file again, to anyone, and the file and its object URL are gone', async () => {
    server = newServer();
    const { alice, id, message } = await sentWithFile('with-file');
    const bob = record(server, 'bob');
    const { url } = ok(bob.request('attachment:url', { id }));
    expect(await (await fetch(url)).arrayBuffer()).toHaveProperty('byteLength', pngFile().size);

    ok(alice.request('message:delete', { id: message.id }));

    for (const viewer of [alice, bob]) {
      expect(viewer.request('attachment:url', { id })).toEqual({ ok: false, error: { code: 'not_found', message: 'No such upload' } });
    }
    expect(server.uploadedFile(id)).toBeUndefined();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('sending the deleted message again (same clientId) answers its tombstone and brings nothing back', async () => {
    server = newServer();
    const { alice, id, message, send } = await sentWithFile('again');
    ok(alice.request('message:delete', { id: message.id }));
    expect(ok(send()).message).toMatchObject({ id: message.id, attachments: [], deletedAt: expect.any(Number) });
    expect(alice.request('attachment:url', { id }).ok).toBe(false);
  });

  it("leaves other messages' files alone", async () => {
    server = newServer();
    const kept = await sentWithFile('kept');
    const gone = await sentWithFile('gone');
    ok(gone.alice.request('message:delete', { id: gone.message.id }));
    expect(ok(kept.alice.request('attachment:url', { id: kept.id })).url).toBe(kept.message.attachments[0]!.url);
    expect(server.uploadedFile(kept.id)).toBeDefined();
  });
});

describe('the seeded archive’s placeholders', () => {
  /** A seeded message of alice's with a placeholder, in a conversation bob is not in. */
  function placeholder() {
    for (const conversation of server.conversations('alice')) {
      if (conversation.memberIds.includes('bob')) continue;
      const message = server.messages(conversation.id).find((m) => m.authorId === 'alice' && m.attachments.length > 0);
      if (message) return { message, attachment: message.attachments[0]! };
    }
    throw new Error('the demo seed has no placeholder of alice’s outside bob’s conversations');
  }

  it('are answered by attachment:url like uploads: to members their data: URL, to anyone else not_found', () => {
    server = newServer();
    const { attachment } = placeholder();
    expect(attachment.url).toMatch(/^data:/);
    expect(ok(record(server, 'alice').request('attachment:url', { id: attachment.id }))).toEqual({ ok: true, url: attachment.url });
    expect(record(server, 'bob').request('attachment:url', { id: attachment.id })).toEqual({ ok: false, error: { code: 'not_found', message: 'No such upload' } });
  });

  it('go with their message when it is deleted', () => {
    server = newServer();
    const { message, attachment } = placeholder();
    const alice = record(server, 'alice');
    ok(alice.request('message:delete', { id: message.id }));
    expect(alice.request('attachment:url', { id: attachment.id })).toEqual({ ok: false, error: { code: 'not_found', message: 'No such upload' } });
  });

  it('cannot be attached to a new message', () => {
    server = newServer();
    const { message, attachment } = placeholder();
    const ack = record(server, 'alice').request('message:send', { conversationId: message.conversationId, clientId: 'reuse', text: 'x', attachments: [{ id: attachment.id }] });
    expect(ack).toEqual({ ok: false, error: { code: 'not_found', message: 'No such upload' } });
  });
});
