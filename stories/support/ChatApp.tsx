/** A complete chat screen composed from Parley's parts, as a host app would build it. */
import { useState } from 'react';
import type { ChatClient } from 'parley/core';
import {
  ChatProvider,
  ConnectionStatus,
  ConversationList,
  FileUpload,
  MessageInput,
  MessageList,
  TypingIndicator,
  useConversation,
  type Catalog,
} from 'parley';
import './demo.css';

export interface ChatAppProps {
  client: ChatClient;
  initialConversationId?: string;
  /** Shown above the pane, e.g. "Alice's view". */
  caption?: string;
  catalog?: Catalog;
}

export function ChatApp({ client, initialConversationId = 'general', caption, catalog }: ChatAppProps) {
  const [selected, setSelected] = useState(initialConversationId);
  return (
    <ChatProvider client={client} catalog={catalog}>
      <section className="demo-chat" aria-label={caption ?? `Chat of ${client.userId}`}>
        <div className="demo-sidebar">
          {caption && <h2 className="demo-caption">{caption}</h2>}
          <ConnectionStatus />
          <ConversationList selectedId={selected} onSelect={setSelected} />
        </div>
        <div className="demo-main">
          <ConversationHeader conversationId={selected} />
          <MessageList conversationId={selected} className="demo-messages" />
          <TypingIndicator conversationId={selected} />
          <FileUpload conversationId={selected} />
          <MessageInput conversationId={selected} />
        </div>
      </section>
    </ChatProvider>
  );
}

function ConversationHeader({ conversationId }: { conversationId: string }) {
  const conversation = useConversation(conversationId);
  return (
    <header className="demo-header">
      <h3>{conversation?.title ?? conversationId}</h3>
      {conversation && <span>{conversation.memberIds.length} members</span>}
    </header>
  );
}
