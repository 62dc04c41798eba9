// @vitest-environment node
// Node, not jsdom: the server makes real object URLs for uploads (jsdom has no URL.createObjectURL).
/**
 * message:forward on the reference server: the copy it stores, who may forward what
 * where, a resend, and the copied files: readable by the target's members and only
 * them, each copy retired with its own message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MockChatServer } from 'parley/mock-server';
import type { Message } from '../../src/core/protocol';
import { errorCode, newServer, ok, record } from './helpers';
import { png } from './imageFixtures';

let server: MockChatServer;
afterEach(() => server?.dispose());

const NO_UPLOAD = { ok: false, error: { code: 'not_found', message: 'No such upload' } };
const pngFile = () => new File([png(4, 3) as Uint8Array<ArrayBuffer>], 'plan.png');

/** bob's message with a file in `launch` (alice, bob, dave, frank; not carol, not erin). */
async function launchMessageWithFile() {
  const upload = await server.upload({ userId: 'bob', token: 'bob-token' }, { conversationId: 'launch', file: pngFile() });
  if (!upload.ok) throw new Error(upload.error.message);
  const bob = record(server, 'bob');
  const message = ok(
    bob.request('message:send', { conversationId: 'launch', clientId: 'plan', text: 'Launch plan @Dave', attachments: [{ id: upload.attachment.id }], mentions: ['dave'] }),
  ).message;
  ok(record(server, 'dave').request('reaction:add', { id: message.id, emoji: '👍' }));
  return { bob, message, fileId: upload.attachment.id };
}

describe('forwarding', () => {
  it('stores a new message of the caller’s in the target that names its source, pushed to the target’s members', async () => {
    server = newServer({ seed: 'empty' });
    const { message } = await launchMessageWithFile();
    const alice = record(server, 'alice');
    const carol = record(server, 'carol');
    const forwarded = ok(alice.request('message:forward', { id: message.id, conversationId: 'alice-carol', clientId: 'f1', authorId: 'bob' })).message;
    expect(forwarded).toMatchObject({
      conversationId: 'alice-carol',
      authorId: 'alice',
      clientId: 'f1',
      text: 'Launch plan @Dave',
      forwardedFrom: { conversationId: 'launch', messageId: message.id, authorId: 'bob' },
      reactions: {},
    });
    expect(forwarded.mentions).toBeUndefined();
    expect(forwarded.attachments).toEqual([{ ...message.attachments[0], id: expect.not.stringMatching(message.attachments[0]!.id) }]);
    expect(carol.of('message:new')).toEqual([forwarded]);
    expect(server.messages('alice-carol')).toEqual([forwarded]);
  });

  it('a resend with the same clientId answers the same message and stores nothing more', async () => {
    server = newServer({ seed: 'empty' });
    const { message } = await launchMessageWithFile();
    const alice = record(server, 'alice');
    const payload = { id: message.id, conversationId: 'alice-carol', clientId: 'once' };
    const first = ok(alice.request('message:forward', payload)).message;
    expect(ok(alice.request('message:forward', payload)).message).toEqual(first);
    expect(server.messages('alice-carol')).toHaveLength(1);
  });

  it('from a conversation the caller is not in: not_found, word for word as an unknown message', () => {
    server = newServer();
    const alice = record(server, 'alice');
    const theirs = server.messages('bob-carol').find((m) => !m.deletedAt && m.kind !== 'system')!;
    const refused = alice.request('message:forward', { id: theirs.id, conversationId: 'alice-bob', clientId: 'steal' });
    expect(refused).toEqual({ ok: false, error: { code: 'not_found', message: 'No such message' } });
    expect(alice.request('message:forward', { id: 'm_bob-carol_99999', conversationId: 'alice-bob', clientId: 'steal' })).toEqual(refused);
    expect(server.messages('alice-bob').some((m) => m.forwardedFrom)).toBe(false);
  });

  it('into a conversation the caller is not in: not_found, and nothing lands there', () => {
    server = newServer();
    const alice = record(server, 'alice');
    const before = server.messages('bob-carol');
    const mine = server.messages('general').find((m) => !m.deletedAt && m.kind !== 'system')!;
    for (const conversationId of ['bob-carol', 'nowhere']) {
      expect(alice.request('message:forward', { id: mine.id, conversationId, clientId: 'in' })).toEqual({
        ok: false,
        error: { code: 'not_found', message: 'No such conversation' },
      });
    }
    expect(server.messages('bob-carol')).toEqual(before);
  });

  it('refuses a deleted message and a notice as forbidden', () => {
    server = newServer({ seed: 'empty' });
    const bob = record(server, 'bob');
    const gone = ok(bob.request('message:send', { conversationId: 'general', clientId: 'g', text: 'oops' })).message;
    ok(bob.request('message:delete', { id: gone.id }));
    const notice = server.postSystemMessage('general', 'Bob joined');
    for (const id of [gone.id, notice.id]) {
      expect(errorCode(bob.request('message:forward', { id, conversationId: 'alice-bob', clientId: id }))).toBe('forbidden');
    }
    expect(server.messages('alice-bob')).toEqual([]);
  });
});

describe('forwarded files', () => {
  async function forwardedToCarol() {
    const source = await launchMessageWithFile();
    const alice = record(server, 'alice');
    const copy = ok(alice.request('message:forward', { id: source.message.id, conversationId: 'alice-carol', clientId: 'fwd' })).message;
    return { ...source, alice, copy, copyId: copy.attachments[0]!.id };
  }

  it('a member of the target who is not in the source gets a URL that serves the file; anyone else does not', async () => {
    server = newServer({ seed: 'empty' });
    const { copyId, fileId } = await forwardedToCarol();
    const carol = record(server, 'carol');
    const { url } = ok(carol.request('attachment:url', { id: copyId }));
    expect((await (await fetch(url)).arrayBuffer()).byteLength).toBe(pngFile().size);
    // The copy opens nothing of the source for her.
    expect(carol.request('attachment:url', { id: fileId })).toEqual(NO_UPLOAD);
    // Not in the target: erin (in neither), bob and dave (in the source only).
    for (const outsider of ['erin', 'bob', 'dave']) expect(record(server, outsider).request('attachment:url', { id: copyId }), outsider).toEqual(NO_UPLOAD);
    expect(server.mayDownload(fileId, 'carol')).toBe(true);
    expect(server.mayDownload(fileId, 'erin')).toBe(false);
    expect(server.mayDownload(copyId, 'carol')).toBe(false);
  });

  it('a copy cannot be attached to another message', async () => {
    server = newServer({ seed: 'empty' });
    const { alice, copyId } = await forwardedToCarol();
    expect(errorCode(alice.request('message:send', { conversationId: 'alice-carol', clientId: 'reuse', text: '', attachments: [{ id: copyId }] }))).toBe('not_found');
  });

  it('deleting the forwarded copy retires only the copy', async () => {
    server = newServer({ seed: 'empty' });
    const { alice, copy, copyId, fileId } = await forwardedToCarol();
    ok(alice.request('message:delete', { id: copy.id }));
    expect(record(server, 'carol').request('attachment:url', { id: copyId })).toEqual(NO_UPLOAD);
    expect(ok(record(server, 'dave').request('attachment:url', { id: fileId })).url).toEqual(expect.any(String));
    expect(server.uploadedFile(fileId)).toBeDefined();
    expect(server.mayDownload(fileId, 'carol')).toBe(false);
  });

  it('deleting the original keeps the copy readable; the file goes once both are deleted', async () => {
    server = newServer({ seed: 'empty' });
    const { bob, message, alice, copy, copyId, fileId } = await forwardedToCarol();
    ok(bob.request('message:delete', { id: message.id }));
    expect(record(server, 'dave').request('attachment:url', { id: fileId })).toEqual(NO_UPLOAD);
    const { url } = ok(record(server, 'carol').request('attachment:url', { id: copyId }));
    expect((await (await fetch(url)).arrayBuffer()).byteLength).toBe(pngFile().size);
    expect(server.mayDownload(fileId, 'dave')).toBe(false);

    ok(alice.request('message:delete', { id: copy.id }));
    expect(server.uploadedFile(fileId)).toBeUndefined();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('a forward of a forward copies the same file, readable in the third conversation only by its members', async () => {
    server = newServer({ seed: 'empty' });
    const { copy, fileId } = await forwardedToCarol();
    const carol = record(server, 'carol');
    const again = ok(carol.request('message:forward', { id: copy.id, conversationId: 'design', clientId: 'again' })).message;
    expect(again.forwardedFrom).toEqual({ conversationId: 'alice-carol', messageId: copy.id, authorId: 'alice' });
    const secondCopy = again.attachments[0]!.id;
    expect(ok(record(server, 'erin').request('attachment:url', { id: secondCopy })).url).toBe(copy.attachments[0]!.url);
    expect(server.mayDownload(fileId, 'erin')).toBe(true);
    expect(record(server, 'bob').request('attachment:url', { id: secondCopy })).toEqual(NO_UPLOAD);
  });

  it('the seeded archive’s placeholders are copied too: the target’s members get them, others not', () => {
    server = newServer();
    // archive: bob, alice, erin. Its placeholder forwarded by alice to alice-carol.
    const source = server.messages('archive').find((m) => m.attachments.length > 0 && !m.deletedAt) as Message;
    const alice = record(server, 'alice');
    const copy = ok(alice.request('message:forward', { id: source.id, conversationId: 'alice-carol', clientId: 'seeded' })).message;
    const copyId = copy.attachments[0]!.id;
    expect(ok(record(server, 'carol').request('attachment:url', { id: copyId }))).toEqual({ ok: true, url: source.attachments[0]!.url });
    expect(record(server, 'carol').request('attachment:url', { id: source.attachments[0]!.id })).toEqual(NO_UPLOAD);
    expect(record(server, 'erin').request('attachment:url', { id: copyId })).toEqual(NO_UPLOAD);
  });
});
