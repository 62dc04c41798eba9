/** A complete chat screen composed from Parley's parts, as a host app would build it. */
import { useEffect, useState } from 'react';
import type { ChatClient, Message } from 'parley/core';
import {
  ChatProvider,
  ConnectionStatus,
  ConversationHeader,
  ConversationList,
  FileUpload,
  MessageInput,
  MessageList,
  MessageSearch,
  PinnedMessages,
  Thread,
  TypingIndicator,
  useJumpRequest,
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
  // The open thread, over the conversation it belongs to (the panes are narrow).
  const [thread, setThread] = useState<{ conversationId: string; rootId: string } | undefined>();
  const focusOnMount = (heading: HTMLHeadingElement | null) => heading?.focus();
  // A pin or a search result to jump to in the open conversation's list.
  const [jumpTo, jump] = useJumpRequest(selected);
  const [searching, setSearching] = useState(false);
  const [found, setFound] = useState<Message | undefined>();
  // A result from another conversation: open it first, then jump once it is the open one.
  useEffect(() => {
    if (found && found.conversationId === selected) {
      jump(found.id);
      setFound(undefined);
    }
  }, [found, selected, jump]);
  const openResult = (message: Message) => {
    setSearching(false);
    setSelected(message.conversationId);
    setFound(message);
  };
  return (
    <ChatProvider client={client} catalog={catalog}>
      <section className="demo-chat" aria-label={caption ?? `Chat of ${client.userId}`}>
        <div className="demo-sidebar">
          {caption && <h2 className="demo-caption">{caption}</h2>}
          <ConnectionStatus />
          <ConversationList selectedId={selected} onSelect={setSelected} />
          <button type="button" className="demo-search-toggle" aria-expanded={searching} onClick={() => setSearching((on) => !on)}>
            Search messages
          </button>
          {searching && <MessageSearch className="demo-search" onSelect={openResult} onClose={() => setSearching(false)} />}
        </div>
        <div className="demo-main">
          {/* Level 3: under the pane's caption (h2). TypingIndicator below says who types. */}
          <ConversationHeader conversationId={selected} headingLevel={3} showTyping={false} />
          <PinnedMessages conversationId={selected} onJump={jump} />
          <MessageList
            conversationId={selected}
            className="demo-messages"
            jumpToMessageId={jumpTo}
            onOpenThread={(rootId) => setThread({ conversationId: selected, rootId })}
          />
          <TypingIndicator conversationId={selected} />
          <FileUpload conversationId={selected} />
          <MessageInput conversationId={selected} />
          {thread?.conversationId === selected && (
            <div className="demo-thread">
              <Thread
                key={thread.rootId}
                rootId={thread.rootId}
                conversationId={selected}
                headingLevel={3}
                headingRef={focusOnMount}
                onClose={() => setThread(undefined)}
              />
            </div>
          )}
        </div>
      </section>
    </ChatProvider>
  );
}
