/**
 * A revoked token in real Chromium against the real Node server: the socket.io transport
 * gets its token from a function (as from the host's backend), the server revokes it, and
 * ConnectionStatus says the user is signed out, with no retry offered and none made.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { commands, page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createSocketIoTransport } from 'parley/socketio';
import { ChatProvider, ConnectionStatus } from 'parley';
import '../../src/theme/styles.css';

let url = '';
let client: ChatClient | undefined;
beforeAll(async () => {
  url = await commands.startLiveServer();
});
afterEach(() => client?.disconnect());
afterAll(async () => {
  await commands.stopLiveServer();
});

it('a revoked token: ConnectionStatus shows the signed-out text, and no retry', async () => {
  const issued: string[] = [];
  const fetchToken = async () => {
    const token = await commands.liveServerIssueToken('alice');
    issued.push(token);
    return token;
  };
  client = createChatClient({
    transport: createSocketIoTransport({ url, token: fetchToken, initialRetryMs: 100, maxRetryMs: 1_000 }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
  });
  await render(
    <ChatProvider client={client}>
      <ConnectionStatus />
    </ChatProvider>,
  );
  await client.connect();
  const status = page.getByRole('status');
  await expect.element(status).toHaveTextContent('Online');

  await commands.liveServerRevokeToken('alice', issued[0]!);
  await expect.element(status).toHaveTextContent('Signed out: your session is no longer valid');
  await expect.element(status).toHaveAttribute('data-state', 'offline');
  await expect.element(status).toHaveAttribute('data-error', 'unauthorized');
  await expect.element(page.getByRole('button', { name: 'Retry now' })).not.toBeInTheDocument();
  expect(client.store.getState().connection).toMatchObject({ state: 'offline', error: { code: 'unauthorized' } });
  // Final: the function was not asked for another token.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(issued).toHaveLength(1);
  await expect.element(status).toHaveTextContent('Signed out: your session is no longer valid');
});
