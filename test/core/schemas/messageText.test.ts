/**
 * The text rules, one verdict everywhere: the shared function, the client
 * before it sends, the upload path, and the mock server answering a forged
 * request. Text over the limit is `too_large` in every one of them.
 */
import { describe, expect, it } from 'vitest';
import { createChatClient, LIMITS, messageTextProblem, type ChatError } from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import { ok, record } from '../../mock-server/helpers';
import { message, ScriptedTransport, simpleServer } from '../scriptedTransport';

const max = LIMITS.maxTextLength;
const tooLarge = { code: 'too_large', message: `Messages are limited to ${max} characters` };
const blank = { code: 'invalid_payload', message: 'A message needs text or an attachment' };

describe('messageTextProblem', () => {
  it('accepts text up to the limit, with or without attachments', () => {
    expect(messageTextProblem('x'.repeat(max), 0)).toBeNull();
    expect(messageTextProblem('hi', 0)).toBeNull();
    expect(messageTextProblem('', 1)).toBeNull();
  });

  it('refuses text over the limit as too_large, blank or not, with attachments or not', () => {
    expect(messageTextProblem('x'.repeat(max + 1), 0)).toEqual(tooLarge);
    expect(messageTextProblem(' '.repeat(max + 1), 0)).toEqual(tooLarge);
    expect(messageTextProblem('x'.repeat(max + 1), 3)).toEqual(tooLarge);
  });

  it('refuses blank text without an attachment as invalid_payload', () => {
    for (const text of ['', '   ', '\n\t']) expect(messageTextProblem(text, 0)).toEqual(blank);
  });
});

function client() {
  const transport = new ScriptedTransport(simpleServer([message(1)]));
  Object.assign(transport, { upload: async () => ({ id: 'up1', url: 'blob:x/1', name: 'a.png', size: 1, mimeType: 'image/png' }) });
  return { transport, client: createChatClient({ transport, userId: 'alice' }) };
}

describe('the client checks before it sends', () => {
  it('sendMessage: too_large over the limit, invalid_payload when blank; nothing sent, nothing shown', async () => {
    const { transport, client: c } = client();
    await c.connect();
    await c.openConversation('general');
    const shown = c.getMessages('general');
    await expect(c.sendMessage('general', { text: 'x'.repeat(max + 1) })).rejects.toMatchObject(tooLarge);
    await expect(c.sendMessage('general', { text: '  ' })).rejects.toMatchObject(blank);
    expect(transport.sent.filter((s) => s.event === 'message:send')).toEqual([]);
    expect(c.getMessages('general')).toEqual(shown);
    c.disconnect();
  });

  it('uploadFile with text over the limit: too_large, before any byte is uploaded', async () => {
    const { transport, client: c } = client();
    let uploads = 0;
    Object.assign(transport, { upload: async () => { uploads++; throw new Error('must not upload'); } });
    await c.connect();
    const file = new File([new Uint8Array(1)], 'a.png', { type: 'image/png' });
    const error: ChatError = await c.uploadFile('general', file, { text: 'x'.repeat(max + 1) }).then(
      () => { throw new Error('accepted'); },
      (e: ChatError) => e,
    );
    expect(error).toMatchObject(tooLarge);
    expect(uploads).toBe(0);
    expect(Object.values(c.store.getState().uploads)).toMatchObject([{ status: 'failed', error: tooLarge }]);
    c.disconnect();
  });
});

describe('the server answers a forged request with the same rule', () => {
  it('message:send and message:edit over the limit: too_large; blank: invalid_payload', () => {
    const server = createMockServer({ seed: 'demo' });
    const alice = record(server, 'alice');
    const send = alice.raw('message:send', { conversationId: 'general', clientId: 'c-long', text: 'x'.repeat(max + 1) });
    expect(send.ok === false && send.error.code).toBe('too_large');
    expect(send.ok === false && send.error.message).toContain(tooLarge.message);
    expect(alice.raw('message:send', { conversationId: 'general', clientId: 'c-blank', text: ' ' })).toEqual({ ok: false, error: blank });
    const sent = ok(alice.request('message:send', { conversationId: 'general', clientId: 'c-ok', text: 'x'.repeat(max) }));
    const edit = alice.raw('message:edit', { id: sent.message.id, text: 'y'.repeat(max + 1) });
    expect(edit.ok === false && edit.error.code).toBe('too_large');
    expect(alice.raw('message:edit', { id: sent.message.id, text: '' })).toEqual({ ok: false, error: blank });
    expect(server.messages('general').at(-1)).toMatchObject({ id: sent.message.id, text: 'x'.repeat(max) });
    server.dispose();
  });
});
