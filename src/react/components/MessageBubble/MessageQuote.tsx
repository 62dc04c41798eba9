import { useContext } from 'react';
import { useStore } from 'zustand';
import type { DisplayMessage } from '../../../core/types';
import { useCatalog, useChatClient } from '../../chatContext';
import { MessageActionsContext } from '../MessageList/messageActionsContext';
import { findMessageIn, quoteSummary, type QuotedOriginal } from './quotedMessage';

/**
 * The quoted original, from the conversation's loaded messages or, for a quote
 * in the thread of `parentId`, that thread's replies and root; and its author
 * as a quote or the reply bar names them ("You" for the current user).
 */
export function useQuotedMessage(
  conversationId: string,
  messageId: string,
  parentId?: string,
): { original: QuotedOriginal | undefined; name: string | undefined } {
  const client = useChatClient();
  const catalog = useCatalog();
  const original = useStore(client.store, (s): QuotedOriginal | undefined => {
    if (parentId !== undefined) {
      const root = s.threadRoots[parentId];
      const inThread = root?.id === messageId ? root : findMessageIn(s.threads[parentId], messageId);
      if (inThread) return inThread;
    }
    return findMessageIn(s.messages[conversationId], messageId);
  });
  const author = useStore(client.store, (s) => (original ? s.users[original.authorId] : undefined));
  const name = original === undefined ? undefined : original.authorId === client.userId ? catalog.message.you : (author?.name ?? original.authorId);
  return { original, name };
}

/**
 * The message a reply quotes (`replyTo`), in its bubble: the author and the
 * first line, or that it was deleted, or that it is not loaded. Inside a message
 * list it is a button that jumps to the original (loading history until it is
 * there); a system notice about a message ("Alice pinned a message") shows the
 * same button after its text. Loaded on first use (`components/lazyParts`).
 */
export function MessageQuote({ message }: { message: DisplayMessage }) {
  const catalog = useCatalog();
  const api = useContext(MessageActionsContext);
  const id = message.replyTo ?? '';
  const { original, name } = useQuotedMessage(message.conversationId, id, message.parentId);
  if (message.replyTo === undefined) return null;
  const summary = quoteSummary(original);
  const text =
    summary.kind === 'deleted' ? catalog.reply.deleted : summary.kind === 'missing' ? catalog.reply.notLoaded : summary.text;
  const content = (
    <>
      <span className="parley-visually-hidden">{message.kind === 'system' ? catalog.reply.showMessage : catalog.reply.quoteOf} </span>
      {name !== undefined && (
        <span className="parley-quote-author">
          <bdi>{name}</bdi>
          {/* A pause between name and text for screen readers; on screen they are two lines. */}
          <span className="parley-visually-hidden">: </span>
        </span>
      )}
      <span className="parley-quote-text" dir="auto">
        {text}
      </span>
    </>
  );
  const attributes = { className: 'parley-quote', 'data-state': summary.kind, 'data-kind': message.kind === 'system' ? 'system' : 'user' };
  // Outside a list (a bubble on its own) there is nowhere to jump to; a thread's list does not jump
  // (it holds the root and the replies loaded, and the original is on screen or just above).
  if (!api || api.threadRootId !== undefined) return <div {...attributes}>{content}</div>;
  return (
    <button type="button" {...attributes} onClick={() => api.jumpTo(id)}>
      {content}
    </button>
  );
}
