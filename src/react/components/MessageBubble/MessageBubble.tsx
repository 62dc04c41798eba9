import { forwardRef, memo, type HTMLAttributes, type ReactNode } from 'react';
import type { User } from '../../../core/protocol';
import type { DisplayMessage } from '../../../core/types';
import { formatDateTime, formatTime } from '../../../i18n/format';
import { useCatalog } from '../../ChatProvider';
import { Avatar } from '../Avatar/Avatar';
import { partClassName } from '../className';
import { Attachments, LinkPreview, MessageQuote, Reactions, ThreadSummary } from '../lazyParts';
import { ForwardedLabel } from '../lazyParts';
import { isEmojiOnly } from './linkify';
import { MessageStatus, type Receipt } from './MessageStatus';
import { MessageTextBody } from './MessageTextBody';

export interface MessageBubbleProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  message: DisplayMessage;
  author?: User | undefined;
  /** Sent by the current user: aligned to the end, shows delivery status. */
  own: boolean;
  /** First of a run by the same author: shows avatar and name. */
  showAuthor?: boolean;
  /** How far the other members have got with an own, sent message. */
  receipt?: Receipt;
  renderAvatar?: (user: User | undefined) => ReactNode;
  /** Shown in place of the text while the message is being edited (MessageList passes its editor). */
  editor?: ReactNode;
}

/**
 * One message: text (formatted, with safe links; see MessageTextBody), attachments, time, edited
 * marker, tombstone, and for own messages the delivery status with retry.
 */
export const MessageBubble = memo(
  forwardRef<HTMLDivElement, MessageBubbleProps>(function MessageBubble({
  message,
  author,
  own,
  showAuthor = true,
  receipt,
  renderAvatar,
  editor,
  className,
  ...rest
}: MessageBubbleProps, ref) {
  const catalog = useCatalog();
  const deleted = message.deletedAt !== undefined;
  const system = message.kind === 'system';
  const emojiOnly = !deleted && message.attachments.length === 0 && isEmojiOnly(message.text);
  const name = own ? catalog.message.you : (author?.name ?? message.authorId);
  return (
    <div
      ref={ref}
      className={partClassName('parley-message', className)}
      data-own={own ? 'true' : 'false'}
      data-status={message.status}
      data-grouped={showAuthor ? 'false' : 'true'}
      data-deleted={deleted ? 'true' : undefined}
      data-kind={system ? 'system' : 'user'}
      data-emoji-only={emojiOnly ? 'true' : undefined}
      data-editing={editor ? 'true' : undefined}
      {...rest}
    >
      {!own && !system && (
        <div className="parley-message-avatar" aria-hidden="true">
          {showAuthor ? (renderAvatar ? renderAvatar(author) : <Avatar user={author ?? { id: message.authorId, name }} size="sm" />) : null}
        </div>
      )}
      <div className="parley-message-body">
        {showAuthor && !system && (
          <div className="parley-message-author" dir="auto">
            {name}
          </div>
        )}
        <div className="parley-bubble">
          {deleted ? (
            <p className="parley-message-text parley-message-tombstone">{catalog.message.deleted}</p>
          ) : (
            <>
              {message.status === 'sent' && message.forwardedFrom !== undefined && <ForwardedLabel from={message.forwardedFrom} />}
              {/* A reply quotes its original above the text; a notice about a message points to it after the text. */}
              {message.replyTo !== undefined && !system && <MessageQuote message={message} />}
              {editor ?? (message.text !== '' && (
                // A div: formatted text may hold paragraphs, lists, quotes and code blocks.
                <div className="parley-message-text" dir="auto">
                  <MessageTextBody message={message} />
                </div>
              ))}
              {/* Loaded on first use, like the reactions: a row grows when they arrive and is measured again. */}
              {message.status === 'sent' && message.preview !== undefined && !editor && <LinkPreview message={message} />}
              {message.attachments.length > 0 && <Attachments attachments={message.attachments} />}
              {message.replyTo !== undefined && system && <MessageQuote message={message} />}
            </>
          )}
        </div>
        {/* Mounted only where there are reactions: most rows pay nothing for them. */}
        {!deleted && message.reactions !== undefined && Object.keys(message.reactions).length > 0 && <Reactions message={message} />}
        {message.status === 'sent' && (message.replyCount ?? 0) > 0 && <ThreadSummary message={message} />}
        <div className="parley-message-meta">
          <time dateTime={new Date(message.createdAt).toISOString()} title={formatDateTime(catalog, message.createdAt)}>
            {formatTime(catalog, message.createdAt)}
          </time>
          {message.editedAt !== undefined && !deleted && <span className="parley-message-edited">{catalog.message.edited}</span>}
          {own && <MessageStatus message={message} receipt={receipt} />}
        </div>
      </div>
    </div>
  );
  }),
);
MessageBubble.displayName = 'MessageBubble';
