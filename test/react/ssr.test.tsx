// @vitest-environment node
/**
 * Server-side rendering: the kit imports and renders in plain Node (no
 * window, no document, no IndexedDB) without touching browser APIs.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createChatClient } from 'parley/core';
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

describe('server-side rendering', () => {
  // zustand serves the store's initial state to server renders (and to hydration),
  // so the server HTML is the same loading shell the browser hydrates against.
  it('renders every component to its loading shell in Node', async () => {
    expect(typeof window).toBe('undefined');
    const server = createMockServer({ seed: 'demo' });
    const client = createChatClient({ transport: server.connect({ userId: 'alice', token: 'alice-token' }), userId: 'alice' });
    await client.connect();
    await client.openConversation('general');
    const html = renderToString(
      <ChatProvider client={client}>
        <ConnectionStatus />
        <ConversationList />
        <MessageList conversationId="general" />
        <TypingIndicator conversationId="general" />
        <MessageInput conversationId="general" />
        <FileUpload conversationId="general" />
      </ChatProvider>,
    );
    expect(html).toContain('<textarea');
    expect(html).toContain('Attach files');
    expect(html).toContain('Loading conversations…');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('data-state="idle"');
    client.disconnect();
    server.dispose();
  });

  it('sends through the in-memory outbox when there is no IndexedDB', async () => {
    const server = createMockServer({ seed: 'demo' });
    const client = createChatClient({ transport: server.connect({ userId: 'alice', token: 'alice-token' }), userId: 'alice' });
    await client.connect();
    const sent = await client.sendMessage('general', { text: 'from the server side' });
    expect(server.messages('general').at(-1)?.id).toBe(sent.id);
    client.disconnect();
    server.dispose();
  });
});
