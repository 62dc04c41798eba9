/** A chat screen as an app would build it from the published package. */
import { useState } from 'react';
import { ChatProvider, ConnectionStatus, ConversationList, MessageInput, MessageList, TypingIndicator } from 'parley';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import 'parley/styles.css';
import './app.css';

const server = createMockServer({ seed: 'demo' });
const client: ChatClient = createChatClient({
  transport: server.connect({ userId: 'alice', token: 'alice-token' }),
  userId: 'alice',
  outbox: createMemoryOutbox(),
});
// Connected once, outside React: StrictMode's double mount must not connect twice.
client.connect().catch((error: unknown) => console.error('Parley consumer: connect failed', error));

export function App() {
  const [selected, setSelected] = useState('alice-bot');
  return (
    <ChatProvider client={client}>
      <main className="consumer-chat">
        <aside className="consumer-sidebar">
          <ConnectionStatus />
          <ConversationList selectedId={selected} onSelect={setSelected} />
        </aside>
        <section className="consumer-main" aria-label="Conversation">
          <MessageList conversationId={selected} className="consumer-messages" />
          <TypingIndicator conversationId={selected} />
          <MessageInput conversationId={selected} />
        </section>
      </main>
    </ChatProvider>
  );
}
