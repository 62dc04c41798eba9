import type { ReactNode } from 'react';
import type { Conversation, User } from '../../../core/protocol';
import type { ConversationPreview } from '../../../core/selectors';
import { formatDateTime, formatNumber, formatRelative, plural } from '../../../i18n/format';
import { useCatalog } from '../../ChatProvider';
import { usePresence } from '../../hooks/useConversations';
import { Avatar, type RenderAvatar } from '../Avatar/Avatar';
import { presenceState } from '../Avatar/presence';
import { isolatedSentence } from '../../text/isolate';
import { previewText } from './conversationSummary';
import type { ConversationListItemProps } from './useConversationListKeyboard';

/** Everything a row shows, already localized; what a `renderItem` slot receives. */
export interface ConversationItemData {
  conversation: Conversation;
  title: string;
  /** Plain-text preview of the last message. */
  preview: string;
  /** Last activity as a localized relative time ("5 min ago"). */
  time: string;
  /** Last activity, epoch ms. */
  timestamp: number;
  unreadCount: number;
  /** "3 unread messages", or undefined when there are none. */
  unreadLabel: string | undefined;
  /** Unread mentions of the user (or `@here`), counted apart from unread messages. */
  mentionCount: number;
  /** "2 mentions", or undefined when there are none. */
  mentionLabel: string | undefined;
  selected: boolean;
  /** The other member of a direct or bot chat. */
  counterpart: User | undefined;
  /** Presence of the other member in a direct chat; undefined otherwise. */
  online: boolean | undefined;
}

export type RenderConversationItem = (item: ConversationItemData) => ReactNode;

export interface ConversationItemProps {
  conversation: Conversation;
  title: string;
  preview: ConversationPreview;
  timestamp: number;
  counterpart: User | undefined;
  selected: boolean;
  now: number;
  itemProps: ConversationListItemProps;
  renderItem: RenderConversationItem | undefined;
  renderAvatar: RenderAvatar | undefined;
}

/**
 * The author's name through `slot` (see isolatedSentence), so it cannot reorder the text after it.
 * The text itself comes last and the preview element isolates it; left as one text node, the
 * preview is found by its words as before (a host's `getByText` sees one node, not two).
 */
function slotted(preview: ConversationPreview, slot: (value: string) => string): ConversationPreview {
  return preview.authorName === undefined ? preview : { ...preview, authorName: slot(preview.authorName) };
}

/** Badges stay narrow; the exact count is in the accessible text. */
const MAX_BADGE_COUNT = 99;

/**
 * One option of the conversation listbox. Its accessible name is its text in
 * reading order ("Bob Nguyen, Online, 5 min ago, Lunch?, 1 mention, 3 unread messages"):
 * naming it by the title alone would hide visible text from speech-input
 * users (WCAG 2.5.3, label in name).
 */
export function ConversationItem({
  conversation,
  title,
  preview,
  timestamp,
  counterpart,
  selected,
  now,
  itemProps,
  renderItem,
  renderAvatar,
}: ConversationItemProps) {
  const catalog = useCatalog();
  const isDirect = conversation.kind === 'direct';
  const counterpartOnline = usePresence(isDirect ? counterpart?.id : undefined);
  const online = isDirect && counterpart ? counterpartOnline : undefined;
  const presence = presenceState(online);
  const unreadCount = conversation.unreadCount;
  const unreadLabel = unreadCount > 0 ? plural(catalog, catalog.conversationList.unread, unreadCount) : undefined;
  const mentionCount = conversation.mentionCount;
  const mentionLabel = mentionCount > 0 ? plural(catalog, catalog.conversationList.mentions, mentionCount) : undefined;
  const time = formatRelative(catalog, timestamp, now);
  const data: ConversationItemData = {
    conversation,
    title,
    preview: previewText(catalog, preview),
    time,
    timestamp,
    unreadCount,
    unreadLabel,
    mentionCount,
    mentionLabel,
    selected,
    counterpart,
    online,
  };

  const avatarUser = counterpart ?? { id: conversation.id, name: title };

  return (
    <li
      role="option"
      aria-selected={selected}
      className="parley-conversation-item"
      data-conversation-id={conversation.id}
      data-kind={conversation.kind}
      data-selected={selected ? 'true' : 'false'}
      data-unread={unreadCount > 0 ? 'true' : 'false'}
      data-mentioned={mentionCount > 0 ? 'true' : 'false'}
      data-presence={presence}
      {...itemProps}
    >
      {renderItem ? (
        renderItem(data)
      ) : (
        <>
          <span className="parley-conversation-avatar">
            {renderAvatar ? (
              renderAvatar(avatarUser, { online, size: 'md' })
            ) : (
              <Avatar user={avatarUser} online={online} />
            )}
          </span>
          <span className="parley-conversation-main">
            <span className="parley-conversation-heading">
              {/* dir="auto": names and messages take their own direction, whatever the UI's. */}
              <span className="parley-conversation-title" dir="auto">
                {title}
              </span>
              {presence && <span className="parley-visually-hidden">{catalog.presence[presence]}</span>}
              <time
                className="parley-conversation-time"
                dateTime={new Date(timestamp).toISOString()}
                title={formatDateTime(catalog, timestamp)}
              >
                {time}
              </time>
            </span>
            <span className="parley-conversation-summary">
              <span className="parley-conversation-preview" dir="auto">
                {/* The author's name in its own <bdi>: its direction must not reorder the text. */}
                {isolatedSentence((slot) => previewText(catalog, slotted(preview, slot)))}
              </span>
              {mentionLabel && (
                // An "@" whatever the count: it must read as a call for attention, not a second unread count.
                <span className="parley-conversation-badge" data-badge="mention">
                  <span aria-hidden="true">@</span>
                  <span className="parley-visually-hidden">{mentionLabel}</span>
                </span>
              )}
              {unreadLabel && (
                <span className="parley-conversation-badge" data-badge="unread">
                  <span aria-hidden="true">
                    {unreadCount > MAX_BADGE_COUNT
                      ? `${formatNumber(catalog, MAX_BADGE_COUNT)}+`
                      : formatNumber(catalog, unreadCount)}
                  </span>
                  <span className="parley-visually-hidden">
                    {unreadLabel}
                  </span>
                </span>
              )}
            </span>
          </span>
        </>
      )}
    </li>
  );
}
ConversationItem.displayName = 'ConversationItem';
