/**
 * A refused reaction, as the client sees it over the memory transport: the
 * promise rejects with the server's code, and the store shows only what the
 * server holds (reactions are not optimistic, so nothing is left to undo).
 * A cap is reported once through the `error` event, like any other refusal.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS, type ChatClient } from '../../src/core';
import type { MockChatServer } from '../../src/mock-server';
import { connectDemoClient, type DemoClient } from '../support/demoClient';

async function connect(): Promise<DemoClient & { id: string }> {
  const demo = await connectDemoClient({ requestTimeoutMs: 1000 });
  const { id } = await demo.client.sendMessage('alice-bob', { text: 'react to me' });
  return { ...demo, id };
}

const shown = (client: ChatClient, id: string) => client.getMessages('alice-bob').find((m) => m.id === id)?.reactions;
const stored = (server: MockChatServer, id: string) => server.messages('alice-bob').find((m) => m.id === id)?.reactions;

describe('a refused reaction', () => {
  it('that is not one emoji rejects with invalid_payload and leaves the message as it was', async () => {
    const { server, client, id } = await connect();
    await client.addReaction(id, '👍');
    for (const text of ['FREE BTC evil.example', '\u202E👍', 'ok\n']) {
      await expect(client.addReaction(id, text)).rejects.toMatchObject({ code: 'invalid_payload' });
    }
    expect(shown(client, id)).toEqual({ '👍': ['alice'] });
    expect(stored(server, id)).toEqual({ '👍': ['alice'] });
  });

  it('over the per-user cap rejects with too_large, is reported once, and the store keeps what the server has', async () => {
    const { server, client, errors, id } = await connect();
    const kinds = Array.from({ length: LIMITS.maxReactionsPerUser }, (_, i) => String.fromCodePoint(0x1f600 + i));
    for (const e of kinds) await client.addReaction(id, e);
    const over = client.addReaction(id, '🎉');
    await expect(over).rejects.toMatchObject({ code: 'too_large', event: 'reaction:add' });
    expect(errors.map((e) => e.code)).toEqual(['too_large']);
    expect(Object.keys(shown(client, id) ?? {})).toEqual(kinds);
    expect(shown(client, id)).toEqual(stored(server, id));
    // Taking one back makes room, and the client follows.
    await client.removeReaction(id, kinds[0]!);
    await client.addReaction(id, '🎉');
    expect(Object.keys(shown(client, id) ?? {})).toEqual([...kinds.slice(1), '🎉']);
  });
});
