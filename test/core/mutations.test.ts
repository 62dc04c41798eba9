/** Edit, delete and reactions: a failure rejects and is reported once through the error event. */
import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient, createMemoryOutbox, type ChatClient } from '../../src/core';
import type { ChatError } from '../../src/core/errors';
import { createMockServer, type MockChatServer } from '../../src/mock-server';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function connect(): Promise<{ server: MockChatServer; client: ChatClient; errors: ChatError[] }> {
  const server = createMockServer({ seed: 'demo' });
  const client = createChatClient({
    transport: server.connect({ userId: 'alice', token: 'alice-token' }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
    requestTimeoutMs: 100,
  });
  const errors: ChatError[] = [];
  client.on('error', (e) => errors.push(e));
  await client.connect();
  await client.openConversation('alice-bob');
  cleanups.push(() => {
    client.disconnect();
    server.dispose();
  });
  return { server, client, errors };
}

describe('edit, delete and reactions', () => {
  it('succeed without reporting anything', async () => {
    const { server, client, errors } = await connect();
    const sent = await client.sendMessage('alice-bob', { text: 'hello' });
    await client.addReaction(sent.id, '👍');
    await client.editMessage(sent.id, 'hello there');
    expect(server.messages('alice-bob').at(-1)).toMatchObject({ text: 'hello there', reactions: { '👍': ['alice'] } });
    expect(errors).toEqual([]);
  });

  it('a request the server refuses rejects and is reported once', async () => {
    const { client, errors } = await connect();
    const sent = await client.sendMessage('alice-bob', { text: 'soon gone' });
    await client.deleteMessage(sent.id);
    const failure = client.addReaction(sent.id, '👍');
    await expect(failure).rejects.toMatchObject({ code: 'forbidden' });
    expect(errors.map((e) => e.code)).toEqual(['forbidden']);
  });

  it('a request that gets no answer rejects and is reported once', async () => {
    const { server, client, errors } = await connect();
    const sent = await client.sendMessage('alice-bob', { text: 'hello' });
    server.setOnline('alice', false);
    await expect(client.editMessage(sent.id, 'edited offline')).rejects.toHaveProperty('code');
    expect(errors).toHaveLength(1);
    expect(server.messages('alice-bob').at(-1)!.text).toBe('hello');
  });
});
