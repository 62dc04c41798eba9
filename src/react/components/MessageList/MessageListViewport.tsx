import { forwardRef, useCallback, type HTMLAttributes, type ReactNode } from 'react';
import { useCatalog } from '../../ChatProvider';
import { attributeLabel } from '../../text/isolate';
import { partClassName } from '../className';
import { useChatStore } from '../../hooks/useChatStore';
import { ListHeader } from './ListHeader';
import { ListThreadContext } from './listThreadContext';
import { MessageActionsContext } from './messageActionsContext';
import type { MessageListState } from './useMessageList';

export interface MessageListViewportProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  list: MessageListState;
  /** The rows: elements spreading `list.getRowProps(row)`. Handlers the list needs on the scroller win over ones passed here. */
  children: ReactNode;
}

/**
 * The scrolling part of a message list built on `useMessageList`: the scroller
 * (keyboard, focus, pointer), the header row (loading, start, retry), the feed
 * that holds the rows at their full height, and the live region that announces
 * new messages. The row toolbar and editor parts find the list's actions here.
 */
export const MessageListViewport = forwardRef<HTMLDivElement, MessageListViewportProps>(function MessageListViewport(
  { list, children, className, ...rest },
  ref,
) {
  const catalog = useCatalog();
  const scroller = list.getScrollerProps();
  const setRef = useCallback(
    (node: HTMLDivElement | null) => {
      scroller.ref(node);
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    },
    // scroller.ref is stable for the list's lifetime.
    [ref],
  );
  const title = list.conversation?.title ?? list.conversationId;
  const rootAuthorId = list.threadRoot?.authorId;
  const rootAuthor = useChatStore((s) => (rootAuthorId === undefined ? undefined : s.users[rootAuthorId]?.name)) ?? rootAuthorId ?? '';
  const label =
    list.threadRootId === undefined
      ? attributeLabel(catalog.messageList.label, { title })
      : attributeLabel(catalog.thread.label, { name: rootAuthor });
  const empty = list.timeline.length === 0 && list.threadRoot === undefined;
  return (
    <MessageActionsContext.Provider value={list.actionsApi}>
      <ListThreadContext.Provider value={list.threadRootId ?? null}>
        <div {...rest} {...scroller} ref={setRef} className={partClassName('parley-message-list-scroller', className)}>
          {/* Outside the feed: a feed may contain only articles. */}
          <ListHeader height={list.headerHeight} history={list.history} empty={empty} thread={list.threadRootId !== undefined} onRetry={list.retry} />
          <div
            className="parley-message-list-sizer"
            // An idle feed must hold articles; with none, the header row says why.
            {...(!empty || list.busy ? { role: 'feed', 'aria-label': label, 'aria-busy': list.busy } : {})}
            style={{ position: 'relative', width: '100%', height: list.totalSize }}
          >
            {children}
          </div>
        </div>
        <div className="parley-visually-hidden" role="log" aria-live="polite" aria-relevant="additions text">
          {list.announcement}
        </div>
      </ListThreadContext.Provider>
    </MessageActionsContext.Provider>
  );
});
