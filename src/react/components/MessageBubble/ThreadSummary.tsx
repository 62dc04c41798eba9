import { useContext } from 'react';
import { useStore } from 'zustand';
import type { Message } from '../../../core/protocol';
import { formatDateTime, formatTime, interpolate, plural, startOfDay } from '../../../i18n/format';
import { useCatalog, useChatClient } from '../../chatContext';
import { Avatar } from '../Avatar/Avatar';
import { ListThreadContext } from '../MessageList/listThreadContext';
import { MessageActionsContext } from '../MessageList/messageActionsContext';

/** More faces than this say little more; the count says the rest. */
const MAX_FACES = 5;

/**
 * Under a thread's root in the conversation: how many replies, when the last
 * came, who wrote the latest ones, and a mark while some are unread. A button
 * that opens the thread when the list was given `onOpenThread`, plain text
 * otherwise. Loaded on first use (`components/lazyParts`), for roots only.
 */
export function ThreadSummary({ message }: { message: Message }) {
  const catalog = useCatalog();
  const client = useChatClient();
  const api = useContext(MessageActionsContext);
  const shownThread = useContext(ListThreadContext);
  const users = useStore(client.store, (s) => s.users);
  const unread = useStore(client.store, (s) => s.conversations[message.conversationId]?.unreadThreads[message.id] ?? 0);
  const count = message.replyCount ?? 0;
  if (count === 0 || shownThread === message.id) return null;

  const t = catalog.thread;
  const replies = plural(catalog, t.replies, count);
  const last = message.lastReplyAt;
  const time =
    last === undefined
      ? undefined
      : startOfDay(last) === startOfDay(Date.now())
        ? formatTime(catalog, last)
        : formatDateTime(catalog, last);
  const lastReply = time === undefined ? undefined : interpolate(t.lastReply, { time });
  const faces = (message.replierIds ?? []).slice(0, MAX_FACES);
  const content = (
    <>
      {faces.length > 0 && (
        <span className="parley-thread-summary-faces" aria-hidden="true">
          {faces.map((id) => (
            <Avatar key={id} user={users[id] ?? { id, name: id }} size="sm" />
          ))}
        </span>
      )}
      {/* The visible text is the name, so what is read is what is seen: "3 replies Last reply 14:05". */}
      <span className="parley-thread-summary-label">
        <span className="parley-thread-summary-count">{replies}</span>
        {lastReply !== undefined && (
          <>
            {' '}
            <span className="parley-thread-summary-time">{lastReply}</span>
          </>
        )}
      </span>
      {unread > 0 && <span className="parley-thread-summary-unread" role="img" aria-label={t.unread} />}
    </>
  );
  const open = api?.openThread;
  const state = { 'data-unread': unread > 0 ? 'true' : 'false' } as const;
  return open ? (
    <button type="button" className="parley-thread-summary" onClick={() => open(message.id)} {...state}>
      {content}
    </button>
  ) : (
    <span className="parley-thread-summary" {...state}>
      {content}
    </span>
  );
}
