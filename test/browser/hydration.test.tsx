/**
 * Server-rendered HTML hydrates without a mismatch, then comes alive: the path of an app
 * that renders Parley on its server (Next.js, Remix) and hydrates it in the browser. Runs in
 * the `browser` (React 19) and `react18` projects, so both majors' server renderer and
 * hydration are covered; test/react/ssr.test.tsx checks rendering in plain Node.
 */
import { version } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, expect, it } from 'vitest';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import {
  ChatProvider,
  ConnectionStatus,
  ConversationList,
  FileUpload,
  MessageInput,
  MessageList,
  TypingIndicator,
} from 'parley';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function app(client: ChatClient) {
  return (
    <ChatProvider client={client}>
      <ConnectionStatus />
      <div style={{ display: 'flex', height: 480, width: 720 }}>
        <ConversationList style={{ width: 260 }} />
        <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
          <MessageList conversationId="general" style={{ flex: 1, minHeight: 0 }} />
          <TypingIndicator conversationId="general" />
          <MessageInput conversationId="general" />
          <FileUpload conversationId="general" />
        </div>
      </div>
    </ChatProvider>
  );
}

it(`server HTML hydrates without a mismatch and then shows the conversation (React ${version})`, async () => {
  const server = createMockServer({ seed: 'demo' });
  const client = createChatClient({
    transport: server.connect({ userId: 'alice', token: 'alice-token' }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
  });
  // The server renders before any data is there: the loading shell.
  const html = renderToString(app(client));
  expect(html).toContain('Loading conversations…');

  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const problems: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    problems.push(args.map(String).join(' '));
    original(...args);
  };
  let root: Root | undefined;
  cleanups.push(() => {
    console.error = original;
    root?.unmount();
    container.remove();
    client.disconnect();
    server.dispose();
  });
  root = hydrateRoot(container, app(client), {
    onRecoverableError: (error) => problems.push(`recoverable: ${String(error)}`),
  });
  await client.connect();

  const lastId = server.messages('general').at(-1)!.id;
  await expect.poll(() => container.querySelector(`[data-message-id="${lastId}"]`)).not.toBeNull();
  await expect.poll(() => container.querySelectorAll('[role="option"]').length).toBeGreaterThan(3);
  expect(problems).toEqual([]);
});
