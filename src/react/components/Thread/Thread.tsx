import { forwardRef, useId, type HTMLAttributes, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { selectConversationTitle } from '../../../core/selectors';
import { useCatalog } from '../../ChatProvider';
import { useChatStore } from '../../hooks/useChatStore';
import { interpolate } from '../../../i18n/text';
import { isolatedSentence } from '../../text/isolate';
import type { RenderAvatar } from '../Avatar/Avatar';
import type { HeadingLevel } from '../ConversationHeader/ConversationHeader';
import type { RenderMessageProps } from '../MessageList/MessageList';
import { partClassName } from '../className';
import { ThreadComposer } from './ThreadComposer';
import { ThreadMessages } from './ThreadMessages';

export interface ThreadProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** The thread's root message. */
  rootId: string;
  /** The root's conversation, when the caller knows it; otherwise it is read from the root once that is loaded. */
  conversationId?: string | undefined;
  /** Shows a close button, and Escape closes too; called when either is used. */
  onClose?: (() => void) | undefined;
  /** The "Thread" heading's level. Default 2. */
  headingLevel?: HeadingLevel;
  /** The heading, e.g. to move focus to it when the thread opens. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** The reply field, e.g. to focus it from the host. */
  inputRef?: Ref<HTMLTextAreaElement>;
  renderMessage?: (props: RenderMessageProps) => ReactNode;
  renderAvatar?: RenderAvatar;
  /** Estimated row height before measuring, in px. */
  estimatedRowHeight?: number;
}

/**
 * A thread: its root message, the replies under it and a field to answer in
 * it. The replies are the message list's (virtualized, pinned to the newest,
 * older pages loaded as the reader scrolls up, nothing in view moving when
 * they land), opened with `client.openThread` and marked read while seen. A
 * deleted root shows as a tombstone above its replies, which stay readable;
 * a root that cannot be loaded shows an error with a retry.
 */
export const Thread = forwardRef<HTMLElement, ThreadProps>(function Thread(
  { rootId, conversationId, onClose, headingLevel = 2, headingRef, inputRef, renderMessage, renderAvatar, estimatedRowHeight, className, onKeyDown, ...rest },
  ref,
) {
  const catalog = useCatalog();
  const t = catalog.thread;
  const root = useChatStore((s) => s.threadRoots[rootId]);
  const shownConversation = conversationId ?? root?.conversationId;
  const title = useChatStore((s) => (shownConversation === undefined ? undefined : selectConversationTitle(s, shownConversation)));
  const headingId = useId();
  const whereId = `${headingId}-where`;
  const Heading = `h${headingLevel}` as const;

  const closeOnEscape = (event: KeyboardEvent<HTMLElement>) => {
    onKeyDown?.(event);
    // Parts that use Escape themselves (the editor, a menu, a reply being composed) take it first.
    if (event.key !== 'Escape' || event.defaultPrevented || !onClose || event.nativeEvent.isComposing) return;
    event.preventDefault();
    onClose();
  };

  return (
    <section
      ref={ref}
      className={partClassName('parley-thread', className)}
      // "Thread in General": two threads on one page (two panes, two people) are told apart.
      aria-labelledby={title === undefined ? headingId : `${headingId} ${whereId}`}
      data-root={root === undefined ? 'missing' : root.deletedAt !== undefined ? 'deleted' : 'present'}
      onKeyDown={closeOnEscape}
      {...rest}
    >
      <div className="parley-thread-header">
        <div className="parley-thread-header-main">
          {/* tabIndex -1: where focus goes when the thread opens, never a tab stop. */}
          <Heading ref={headingRef} id={headingId} className="parley-thread-title" tabIndex={-1}>
            {t.title}
          </Heading>
          {title !== undefined && (
            <p id={whereId} className="parley-thread-where">
              {/* The conversation's name in its own direction. */}
              {isolatedSentence((slot) => interpolate(t.in, { title: slot(title) }))}
            </p>
          )}
        </div>
        {onClose && (
          <button type="button" className="parley-thread-close" aria-label={t.close} title={t.close} onClick={onClose}>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" fill="none" />
            </svg>
          </button>
        )}
      </div>
      <ThreadMessages
        rootId={rootId}
        conversationId={conversationId}
        renderMessage={renderMessage}
        renderAvatar={renderAvatar}
        estimatedRowHeight={estimatedRowHeight}
      />
      {shownConversation !== undefined && root !== undefined && (
        <ThreadComposer
          conversationId={shownConversation}
          rootId={rootId}
          rootDeleted={root.deletedAt !== undefined}
          inputRef={inputRef}
        />
      )}
    </section>
  );
});
Thread.displayName = 'Thread';
