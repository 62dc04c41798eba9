import type { Message } from '../../../core/protocol';
import { selectConversationTitle } from '../../../core/selectors/conversations';
import { formatDateTime, interpolate } from '../../../i18n/format';
import { useCatalog } from '../../ChatProvider';
import { useChatStore } from '../../hooks/useChatStore';
import { useCurrentUserId, useUser } from '../../hooks/useConversations';
import { HighlightedText } from './HighlightedText';

export interface SearchResultProps {
  id: string;
  message: Message;
  query: string;
  active: boolean;
  /** Searching every conversation: each result says which it is in. */
  showConversation: boolean;
  onActivate: () => void;
  onPoint: () => void;
}

/**
 * One result: who wrote it, where (when searching everywhere), when, and its
 * text with the matching words marked. An option of the results listbox: it
 * never takes focus itself (the search box keeps it), a click activates it.
 */
export function SearchResult({ id, message, query, active, showConversation, onActivate, onPoint }: SearchResultProps) {
  const catalog = useCatalog();
  const author = useUser(message.authorId);
  const own = useCurrentUserId() === message.authorId;
  // A string per row: a row re-renders only when its own title changes.
  const title = useChatStore((s) => (showConversation ? selectConversationTitle(s, message.conversationId) : ''));
  const text = message.text !== '' ? message.text : (message.attachments[0]?.name ?? catalog.conversationList.attachment);
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className="parley-search-result"
      data-active={active ? 'true' : 'false'}
      data-message-id={message.id}
      data-conversation-id={message.conversationId}
      // Pressing must not take focus from the search box (the listbox pattern keeps it there).
      onPointerDown={(event) => event.preventDefault()}
      onPointerMove={onPoint}
      onClick={onActivate}
    >
      <span className="parley-search-result-meta">
        <span className="parley-search-result-author">{own ? catalog.message.you : (author?.name ?? message.authorId)}</span>
        {showConversation && (
          <span className="parley-search-result-conversation">{interpolate(catalog.search.inConversation, { title })}</span>
        )}
        <time className="parley-search-result-time" dateTime={new Date(message.createdAt).toISOString()}>
          {formatDateTime(catalog, message.createdAt)}
        </time>
      </span>
      <span className="parley-search-result-text" dir="auto">
        <HighlightedText text={text} query={query} />
      </span>
    </li>
  );
}
