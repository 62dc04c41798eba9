'use client';
/**
 * The chat, client side only: the mock server and the client are made in the browser
 * after hydration (never during server rendering), so the server's HTML and the first
 * client render are the same placeholder.
 */
import { useEffect, useState } from 'react';
import { ChatProvider, ConnectionStatus, ConversationList, MessageInput, MessageList, TypingIndicator } from 'parley';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer } from 'parley/mock-server';

export function Chat({ conversationId }: { conversationId: string }) {
  const [client, setClient] = useState<ChatClient | null>(null);
  const [selected, setSelected] = useState(conversationId);
  useEffect(() => {
    const server = createMockServer({ seed: 'demo' });
    const chat = createChatClient({
      transport: server.connect({ userId: 'alice', token: 'alice-token' }),
      userId: 'alice',
      outbox: createMemoryOutbox(),
    });
    chat.connect().catch((error: unknown) => console.error('Parley consumer: connect failed', error));
    setClient(chat);
    return () => {
      chat.disconnect();
      server.dispose();
    };
  }, []);
  if (!client) return <p className="consumer-loading">Loading chat…</p>;
  return (
    <ChatProvider client={client}>
      <aside className="consumer-sidebar">
        <ConnectionStatus />
        <ConversationList selectedId={selected} onSelect={setSelected} />
      </aside>
      <section className="consumer-main" aria-label="Conversation">
        <MessageList conversationId={selected} className="consumer-messages" />
        <TypingIndicator conversationId={selected} />
        <MessageInput conversationId={selected} />
      </section>
    </ChatProvider>
  );
}
