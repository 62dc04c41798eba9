/**
 * A change the server refuses as `invalid_payload` (a bad edit text, a reaction that is not an
 * emoji) reaches the host twice, as any other refusal does: the promise rejects with the server's
 * error, and the error event reports it once, which is all a click handler that drops the promise
 * (the reaction chips' toggle) has. Nothing was applied before the ack, so the store is unchanged.
 * A malformed ack is still reported once, by the requester.
 */
import { describe, expect, it } from 'vitest';
import { toggleReaction } from '../../src/react/components/MessageBubble/reactionChips';
import { connectDemoClient } from '../support/demoClient';

const connect = () => connectDemoClient({ requestTimeoutMs: 1_000 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a change the server refuses as invalid_payload', () => {
  it('editMessage rejects with the server’s error, reports it once, and leaves the store as it was', async () => {
    const { server, client, errors } = await connect();
    const sent = await client.sendMessage('alice-bob', { text: 'hello' });
    const before = client.store.getState().messages['alice-bob'];
    await expect(client.editMessage(sent.id, '   ')).rejects.toMatchObject({
      name: 'ChatError',
      code: 'invalid_payload',
      message: 'A message needs text or an attachment',
      event: 'message:edit',
    });
    expect(errors.map((e) => [e.code, e.event])).toEqual([['invalid_payload', 'message:edit']]);
    expect(client.store.getState().messages['alice-bob']).toBe(before);
    expect(server.messages('alice-bob').at(-1)).toMatchObject({ id: sent.id, text: 'hello' });
    expect(server.messages('alice-bob').at(-1)!.editedAt).toBeUndefined();
  });

  it('addReaction and removeReaction reject with it and report it once each', async () => {
    const { client, errors } = await connect();
    const sent = await client.sendMessage('alice-bob', { text: 'hello' });
    await expect(client.addReaction(sent.id, 'not an emoji')).rejects.toMatchObject({ code: 'invalid_payload', event: 'reaction:add' });
    await expect(client.removeReaction(sent.id, ' ')).rejects.toMatchObject({ code: 'invalid_payload', event: 'reaction:remove' });
    expect(errors.map((e) => [e.code, e.event])).toEqual([
      ['invalid_payload', 'reaction:add'],
      ['invalid_payload', 'reaction:remove'],
    ]);
  });

  it('the reaction chips’ toggle, which drops the promise, still surfaces it through the error event', async () => {
    const { client, errors } = await connect();
    const sent = await client.sendMessage('alice-bob', { text: 'hello' });
    const before = client.store.getState().messages['alice-bob'];
    toggleReaction(client, sent.id, 'x', false);
    await expect.poll(() => errors.map((e) => e.code)).toEqual(['invalid_payload']);
    expect(client.store.getState().messages['alice-bob']).toBe(before);
  });
});

describe('a malformed ack to a change', () => {
  it('rejects and is reported once (by the requester), not twice', async () => {
    // The demo server's transport, but the edit's ack comes back without its message.
    const { client, errors } = await connectDemoClient({
      wrap: (real) => ({
        get status() {
          return real.status;
        },
        connect: () => real.connect(),
        disconnect: () => real.disconnect(),
        reconnectNow: () => real.reconnectNow(),
        onEvent: (listener) => real.onEvent(listener),
        onStatus: (listener) => real.onStatus(listener),
        request: async (event, payload, timeoutMs) => {
          const ack = await real.request(event, payload, timeoutMs);
          return event === 'message:edit' ? { ok: true } : ack;
        },
      }),
    });
    const sent = await client.sendMessage('alice-bob', { text: 'hello' });
    await expect(client.editMessage(sent.id, 'edited')).rejects.toMatchObject({ code: 'invalid_payload' });
    await settle();
    expect(errors.map((e) => [e.code, e.event])).toEqual([['invalid_payload', 'message:edit']]);
  });
});
