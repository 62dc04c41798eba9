// @vitest-environment node
/**
 * The outbox and a server's `rate_limited` refusal: with `retryAfterMs` the message
 * keeps its place, is sent again exactly that much later, and the refusals do not
 * use up its attempts; without it, it is one more attempt, as before.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatError } from '../../src/core/errors';
import { createMemoryOutbox, type OutboxEntry } from '../../src/core/outbox';
import { OutboxSender, type OutboxSenderHooks } from '../../src/core/outboxSender';
import type { Message } from '../../src/core/protocol';
import type { Requester } from '../../src/core/requests';

const entry: OutboxEntry = {
  clientId: 'c1',
  conversationId: 'general',
  authorId: 'alice',
  text: 'hello',
  attachments: [],
  createdAt: 1,
  status: 'sending',
};

const stored: Message = { id: 'm1', clientId: 'c1', conversationId: 'general', authorId: 'alice', seq: 1, createdAt: 1, text: 'hello', attachments: [] };

function sender(answers: (() => Promise<unknown>)[]) {
  const sentAt: number[] = [];
  const request = vi.fn(async () => {
    sentAt.push(Date.now());
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  }) as unknown as Requester;
  const changed: OutboxEntry[] = [];
  const hooks: OutboxSenderHooks = {
    userId: 'alice',
    isOnline: () => true,
    onStored: () => true,
    onChanged: (e) => void changed.push(e),
    random: () => 0.5,
    report: () => {},
  };
  // One attempt only: any refusal that counted as an attempt would fail the message at once.
  const outbox = new OutboxSender(request, createMemoryOutbox(), hooks, { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 });
  return { outbox, sentAt, changed };
}

/** Started, with the (empty) outbox read, as a client does before it sends. */
async function started(outbox: OutboxSender): Promise<void> {
  outbox.start();
  await vi.advanceTimersByTimeAsync(0);
}

const limited = (retryAfterMs?: number) => () =>
  Promise.reject(new ChatError({ code: 'rate_limited', message: 'Too many messages', ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) }));

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('rate_limited with retryAfterMs', () => {
  it('keeps the message and sends it again exactly retryAfterMs later, however often', async () => {
    const { outbox, sentAt, changed } = sender([limited(3_000), limited(1_500), () => Promise.resolve({ message: stored })]);
    await started(outbox);
    const sent = outbox.enqueue(entry);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(sentAt).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sentAt).toEqual([0, 3_000]);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(sentAt).toEqual([0, 3_000, 4_500]);
    await expect(sent).resolves.toEqual(stored);
    expect(changed.filter((e) => e.status === 'failed')).toEqual([]);
    outbox.stop();
  });

  it('never retries sooner than a floor, whatever the server says', async () => {
    const { outbox, sentAt } = sender([limited(0), limited(0), () => Promise.resolve({ message: stored })]);
    await started(outbox);
    const sent = outbox.enqueue(entry);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(sent).resolves.toEqual(stored);
    expect(sentAt).toEqual([0, 100, 200]);
    outbox.stop();
  });
});

describe('rate_limited without retryAfterMs', () => {
  it('counts as an attempt, as before', async () => {
    const { outbox, changed } = sender([limited()]);
    await started(outbox);
    const sent = outbox.enqueue(entry);
    const failed = expect(sent).rejects.toMatchObject({ code: 'rate_limited' });
    await vi.advanceTimersByTimeAsync(0);
    await failed;
    expect(changed.at(-1)).toMatchObject({ clientId: 'c1', status: 'failed', error: { code: 'rate_limited' } });
    outbox.stop();
  });
});

describe('the ack carries retryAfterMs to the ChatError', () => {
  it('through the protocol schema', async () => {
    const { createRequester } = await import('../../src/core/requests');
    const transport = {
      request: async () => ({ ok: false, error: { code: 'rate_limited', message: 'Too many', retryAfterMs: 2_500 } }),
    } as unknown as Parameters<typeof createRequester>[0];
    const request = createRequester(transport, 1_000, () => {});
    const error = await request('message:send', { conversationId: 'general', clientId: 'c1', text: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: 2_500 });
  });
});
