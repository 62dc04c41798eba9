// @vitest-environment node
/**
 * A message queued while the send loop is finishing (it has just found the queue
 * empty) is sent at once, not left "sending" until the next reconnect or message.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryOutbox, type OutboxEntry } from '../../src/core/outbox';
import { OutboxSender, type OutboxSenderHooks } from '../../src/core/outboxSender';
import type { Message } from '../../src/core/protocol';
import type { Requester } from '../../src/core/requests';

const entry = (clientId: string): OutboxEntry => ({
  clientId,
  conversationId: 'general',
  authorId: 'alice',
  text: clientId,
  attachments: [],
  createdAt: 1,
  status: 'sending',
});

describe('OutboxSender', () => {
  it('sends a message queued right after the previous one was stored', async () => {
    const sent: string[] = [];
    let seq = 0;
    const request = (async (_event: string, payload: { clientId: string; text: string }) => {
      sent.push(payload.clientId);
      const message: Message = { id: `m${++seq}`, clientId: payload.clientId, conversationId: 'general', authorId: 'alice', seq, createdAt: 1, text: payload.text, attachments: [] };
      return { message };
    }) as unknown as Requester;
    const hooks: OutboxSenderHooks = { userId: 'alice', isOnline: () => true, onStored: () => true, onChanged: () => {}, random: () => 0.5, report: () => {} };
    const sender = new OutboxSender(request, createMemoryOutbox(), hooks);
    const within = (p: Promise<unknown>) =>
      Promise.race([p.then(() => 'stored'), new Promise((resolve) => setTimeout(() => resolve('still sending'), 5_000))]);
    // Queued while the loop started by reading the (empty) outbox winds down…
    sender.start();
    expect(await within(sender.enqueue(entry('a')))).toBe('stored');
    // …and in the continuation of the first one's promise, as the loop finds the queue empty again.
    expect(await within(sender.enqueue(entry('b')))).toBe('stored');
    expect(sent).toEqual(['a', 'b']);
    sender.stop();
  }, 20_000);
});
