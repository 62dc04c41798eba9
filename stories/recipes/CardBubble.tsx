/**
 * A bubble of a different shape, built from Parley's parts: a flat card with
 * the author and time on one line (every message, not only the first of a
 * group), the text, files, reactions and, for own messages, the status.
 * Used through `MessageList`'s `renderMessage`; the row (separators, keyboard,
 * measuring, toolbar) stays Parley's.
 */
import { Avatar, MessageAttachments, MessageReactions, MessageStatus, MessageText, useCatalog, type RenderMessageProps } from 'parley';

export function CardBubble({ message, author, own, receipt }: RenderMessageProps) {
  const catalog = useCatalog();
  const name = own ? catalog.message.you : (author?.name ?? message.authorId);
  const deleted = message.deletedAt !== undefined;
  return (
    <div className="recipe-card" data-own={own ? 'true' : 'false'}>
      <Avatar user={author ?? { id: message.authorId, name }} size="sm" />
      <div className="recipe-card-body">
        <div className="recipe-card-head">
          <strong dir="auto">{name}</strong>
          <time dateTime={new Date(message.createdAt).toISOString()}>
            {new Date(message.createdAt).toLocaleTimeString(catalog.locale, { hour: '2-digit', minute: '2-digit' })}
          </time>
          {own && <MessageStatus message={message} receipt={receipt} />}
        </div>
        {deleted ? (
          <p className="recipe-card-text recipe-card-deleted">{catalog.message.deleted}</p>
        ) : (
          <>
            {message.text !== '' && (
              <p className="recipe-card-text" dir="auto">
                <MessageText text={message.text} />
              </p>
            )}
            {message.attachments.length > 0 && <MessageAttachments attachments={message.attachments} />}
            {message.reactions !== undefined && Object.keys(message.reactions).length > 0 && <MessageReactions message={message} />}
          </>
        )}
      </div>
    </div>
  );
}
