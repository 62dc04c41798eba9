// @vitest-environment node
/**
 * README's "your own backend" Transport, run for real: the code block in README.md is the
 * file docs/examples/webSocketTransport.ts (checked here), and that file drives a chat
 * client over a real WebSocket against a plain WebSocket server in front of the mock
 * server core — messages both ways, and a reconnect after the server drops the link.
 * (Node 20 has no global WebSocket; the `ws` package's client stands in for the browser's.)
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { createChatClient, createMemoryOutbox, type ChatClient } from '../../src/core';
import { createMockServer } from '../../src/mock-server';
import { createWebSocketTransport } from '../../docs/examples/webSocketTransport';
import { startWebSocketBridge, type WebSocketBridge } from '../support/webSocketBridge';

beforeAll(() => {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
});

let bridge: WebSocketBridge | undefined;
let client: ChatClient | undefined;
afterEach(async () => {
  client?.disconnect();
  await bridge?.close();
});

describe('README: your own backend', { timeout: 30_000 }, () => {
  it('README shows exactly docs/examples/webSocketTransport.ts', () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /<!-- own-backend -->\s*```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'README.md needs the example after <!-- own-backend -->').toBeDefined();
    expect(block).toBe(readFileSync('docs/examples/webSocketTransport.ts', 'utf8'));
  });

  it('a chat client works over it: send, receive, reconnect after a drop', async () => {
    const server = createMockServer({ seed: 'demo' });
    bridge = await startWebSocketBridge(server);
    client = createChatClient({ transport: createWebSocketTransport(bridge.url, 'alice-token'), userId: 'alice', outbox: createMemoryOutbox() });
    await client.connect();
    await client.openConversation('alice-bob');

    const sent = await client.sendMessage('alice-bob', { text: 'over my own WebSocket' });
    expect(server.messages('alice-bob').at(-1)).toMatchObject({ id: sent.id, authorId: 'alice', text: 'over my own WebSocket' });

    const fromBob = server.postMessage('alice-bob', { authorId: 'bob', text: 'pushed back' });
    await vi.waitFor(() => expect(client!.getMessages('alice-bob').at(-1)?.id).toBe(fromBob.id), { timeout: 5_000, interval: 10 });

    bridge.dropAll();
    await vi.waitFor(() => expect(client!.store.getState().connection.state).not.toBe('online'), { timeout: 5_000, interval: 10 });
    const later = client.sendMessage('alice-bob', { text: 'after the drop' });
    await vi.waitFor(() => expect(client!.store.getState().connection.state).toBe('online'), { timeout: 10_000, interval: 10 });
    await later;
    expect(server.messages('alice-bob').filter((m) => m.text === 'after the drop')).toHaveLength(1);
  });

  it('a refused token is final: the client reports it and stays offline', async () => {
    const server = createMockServer({ seed: 'demo' });
    bridge = await startWebSocketBridge(server);
    client = createChatClient({ transport: createWebSocketTransport(bridge.url, 'forged'), userId: 'alice', outbox: createMemoryOutbox() });
    await expect(client.connect()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(client.store.getState().connection).toMatchObject({ state: 'offline', error: { code: 'unauthorized' } });
  });
});
