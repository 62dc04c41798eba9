/**
 * Alice's client on an in-process demo server, with `alice-bob` open and every
 * reported error collected: the set-up the core command tests share. Each call
 * registers its own teardown with the running test.
 */
import { onTestFinished } from 'vitest';
import { createChatClient, createMemoryOutbox, type ChatClient } from '../../src/core';
import type { ChatError } from '../../src/core/errors';
import type { Transport } from '../../src/core/transport';
import { createMockServer, type MockChatServer } from '../../src/mock-server';

export interface DemoClient {
  server: MockChatServer;
  client: ChatClient;
  errors: ChatError[];
}

export async function connectDemoClient({
  requestTimeoutMs,
  wrap = (t) => t,
}: {
  requestTimeoutMs?: number;
  /** Stands between the client and the server's transport (to bend one answer). */
  wrap?: (transport: Transport) => Transport;
}): Promise<DemoClient> {
  const server = createMockServer({ seed: 'demo' });
  const client = createChatClient({
    transport: wrap(server.connect({ userId: 'alice', token: 'alice-token' })),
    userId: 'alice',
    outbox: createMemoryOutbox(),
    requestTimeoutMs,
  });
  onTestFinished(() => {
    client.disconnect();
    server.dispose();
  });
  const errors: ChatError[] = [];
  client.on('error', (e) => errors.push(e));
  await client.connect();
  await client.openConversation('alice-bob');
  return { server, client, errors };
}
