/** React StrictMode mounts, unmounts and mounts again: nothing may double. */
import { StrictMode } from 'react';
import { expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { userEvent } from 'vitest/browser';
import { createChatClient, createMemoryOutbox } from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import { ChatProvider, ConversationList, MessageInput, MessageList, TypingIndicator } from 'parley';
import '../../src/theme/styles.css';

it('sends once, shows once and keeps one connection under StrictMode', async () => {
  const server = createMockServer({ seed: 'demo' });
  const client = createChatClient({
    transport: server.connect({ userId: 'alice', token: 'alice-token' }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
  });
  await client.connect();
  const screen = await render(
    <StrictMode>
      <ChatProvider client={client}>
        <div style={{ display: 'flex', height: 400 }}>
          <ConversationList />
          <div style={{ display: 'flex', flexDirection: 'column', flex: 1 }}>
            <MessageList conversationId="alice-bob" style={{ flex: 1, minHeight: 0 }} />
            <TypingIndicator conversationId="alice-bob" />
            <MessageInput conversationId="alice-bob" />
          </div>
        </div>
      </ChatProvider>
    </StrictMode>,
  );
  const input = screen.getByRole('textbox', { name: 'Message' });
  await userEvent.click(input);
  await userEvent.keyboard('Only once please{Enter}');
  await expect.element(screen.getByRole('article').filter({ hasText: 'Only once please' })).toHaveAttribute('data-status', 'sent');
  expect(server.messages('alice-bob').filter((m) => m.text === 'Only once please')).toHaveLength(1);
  expect(document.querySelectorAll('[data-message-id]')).toSatisfy((rows: NodeListOf<Element>) => {
    const ids = [...rows].map((r) => r.getAttribute('data-message-id'));
    return new Set(ids).size === ids.length;
  });
  expect(client.getMessages('alice-bob').filter((m) => m.text === 'Only once please')).toHaveLength(1);
  client.disconnect();
  server.dispose();
});
