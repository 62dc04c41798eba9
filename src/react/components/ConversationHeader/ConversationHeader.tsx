import { forwardRef, type HTMLAttributes, type ReactNode, type Ref } from 'react';
import { selectConversationTitle, selectCounterpart } from '../../../core/selectors';
import { useCatalog } from '../../ChatProvider';
import { useChatStore } from '../../hooks/useChatStore';
import { useConversation, usePresence } from '../../hooks/useConversations';
import { useTyping } from '../../hooks/useTyping';
import { Avatar, type RenderAvatar } from '../Avatar/Avatar';
import { presenceState } from '../Avatar/presence';
import { isolatedSentence } from '../../text/isolate';
import { partClassName } from '../className';
import { BackButton } from './BackButton';
import { headerSubtitle } from './headerSubtitle';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface ConversationHeaderProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  conversationId: string;
  /** The title's heading level, to fit the host page's outline. Default 2. */
  headingLevel?: HeadingLevel;
  /** Show who is typing in place of the presence or member count. Default true. */
  showTyping?: boolean;
  /** Shows a Back button at the start of the header (one-pane layouts); called when it is pressed. */
  onBack?: () => void;
  /** The title heading itself, e.g. to move focus to it when the conversation opens. */
  headingRef?: Ref<HTMLHeadingElement>;
  renderAvatar?: RenderAvatar;
  /** The host's own buttons (call, search, a menu), at the end of the header. */
  children?: ReactNode;
}

/**
 * A conversation's avatar and title, with a line under it: who is typing, else
 * the other member's presence (direct chats), else the member count (groups).
 * The subtitle is not a live region: TypingIndicator is the one that announces.
 */
export const ConversationHeader = forwardRef<HTMLDivElement, ConversationHeaderProps>(function ConversationHeader(
  { conversationId, headingLevel = 2, showTyping = true, onBack, headingRef, renderAvatar, className, children, ...rest },
  ref,
) {
  const catalog = useCatalog();
  const conversation = useConversation(conversationId);
  const title = useChatStore((s) => selectConversationTitle(s, conversationId));
  const counterpart = useChatStore((s) => selectCounterpart(s, conversationId));
  const kind = conversation?.kind;
  const presence = usePresence(kind === 'direct' ? counterpart?.id : undefined);
  const online = kind === 'direct' && counterpart ? presence : undefined;
  const typists = useTyping(conversationId);
  const shownTypists = showTyping ? typists.map((u) => u.name) : [];
  // Typists' names each in their own <bdi>, as in TypingIndicator.
  const subtitle = isolatedSentence((slot) =>
    headerSubtitle(catalog, {
      kind,
      memberCount: conversation?.memberIds.length ?? 0,
      online,
      typists: shownTypists.map(slot),
    }),
  );
  const Heading = `h${headingLevel}` as const;
  const avatarUser = counterpart ?? { id: conversationId, name: title };

  return (
    <div
      ref={ref}
      className={partClassName('parley-conversation-header', className)}
      data-kind={kind}
      data-presence={presenceState(online)}
      data-typing={shownTypists.length > 0 ? 'true' : 'false'}
      {...rest}
    >
      {onBack && <BackButton onClick={onBack} />}
      <span className="parley-conversation-header-avatar">
        {renderAvatar ? renderAvatar(avatarUser, { online, size: 'md' }) : <Avatar user={avatarUser} online={online} />}
      </span>
      <div className="parley-conversation-header-main">
        {/* tabIndex -1: a target for focus when a one-pane layout opens the conversation, never a tab stop. */}
        <Heading ref={headingRef} className="parley-conversation-header-title" tabIndex={-1}>
          {/* The name takes its own direction; the heading lines up with the UI's start side. */}
          <bdi>{title}</bdi>
        </Heading>
        {subtitle.length > 0 && <p className="parley-conversation-header-subtitle">{subtitle}</p>}
      </div>
      {children !== undefined && children !== null && children !== false && (
        <div className="parley-conversation-header-actions" role="group" aria-label={catalog.conversationHeader.actions}>
          {children}
        </div>
      )}
    </div>
  );
});
ConversationHeader.displayName = 'ConversationHeader';
