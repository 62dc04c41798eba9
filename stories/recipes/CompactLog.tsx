/**
 * A message list with markup of its own, on `useMessageList`: one line per
 * message, `12:03 bob: text`, like a terminal log. Paging, pinning to the
 * bottom, still rows while history is prepended, the new-message count, jump,
 * arrow keys, the toolbar and the editor all come from Parley.
 */
import {
  DateSeparator,
  JumpToLatest,
  MessageActions,
  MessageEditor,
  MessageListViewport,
  MessageText,
  UnreadSeparator,
  useCatalog,
  useMessageList,
} from 'parley';

export function CompactLog({ conversationId, jumpToMessageId }: { conversationId: string; jumpToMessageId?: string }) {
  const catalog = useCatalog();
  const list = useMessageList({ conversationId, estimatedRowHeight: 24, jumpToMessageId });
  return (
    <div className="recipe-log">
      <MessageListViewport list={list} className="recipe-log-scroller">
        {list.rows.map((row) => {
          const time = new Date(row.message.createdAt).toLocaleTimeString(catalog.locale, { hour: '2-digit', minute: '2-digit' });
          return (
            <div key={row.key} {...list.getRowProps(row)} className="recipe-log-row" data-own={row.own ? 'true' : 'false'}>
              {row.meta.showDate && <DateSeparator time={row.message.createdAt} />}
              {row.meta.unreadStart && <UnreadSeparator />}
              <div className="recipe-log-line">
                <time dateTime={new Date(row.message.createdAt).toISOString()}>{time}</time>{' '}
                <b dir="auto">{row.own ? catalog.message.you : (row.author?.name ?? row.message.authorId)}:</b>{' '}
                {row.editing ? (
                  <MessageEditor message={row.message} />
                ) : row.message.deletedAt !== undefined ? (
                  <i>{catalog.message.deleted}</i>
                ) : (
                  <span dir="auto">
                    <MessageText text={row.message.text} />
                  </span>
                )}
                {row.message.status !== 'sent' && <span className="recipe-log-status"> ({row.message.status})</span>}
              </div>
              {row.showActions && !row.editing && <MessageActions message={row.message} own={row.own} />}
            </div>
          );
        })}
      </MessageListViewport>
      <JumpToLatest list={list} className="recipe-log-jump" />
    </div>
  );
}
