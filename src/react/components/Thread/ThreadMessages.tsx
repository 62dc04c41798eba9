import type { ReactNode } from 'react';
import { plural } from '../../../i18n/format';
import { useCatalog } from '../../ChatProvider';
import type { RenderAvatar } from '../Avatar/Avatar';
import { JumpToLatest } from '../MessageList/JumpToLatest';
import type { RenderMessageProps } from '../MessageList/MessageList';
import { MessageListViewport } from '../MessageList/MessageListViewport';
import { ListRows } from '../MessageList/ListRows';
import { useMessageList } from '../MessageList/useMessageList';

export interface ThreadMessagesProps {
  rootId: string;
  conversationId: string | undefined;
  renderMessage: ((props: RenderMessageProps) => ReactNode) | undefined;
  renderAvatar: RenderAvatar | undefined;
  estimatedRowHeight: number | undefined;
}

/** The thread's root and replies, as MessageList draws a conversation; under the root, how many replies it has. */
export function ThreadMessages({ rootId, conversationId, renderMessage, renderAvatar, estimatedRowHeight }: ThreadMessagesProps) {
  const catalog = useCatalog();
  const list = useMessageList({ threadRootId: rootId, conversationId, estimatedRowHeight });
  const root = list.threadRoot;
  const count = root?.replyCount ?? 0;
  const divider = (
    <div className="parley-thread-divider" data-count={count}>
      <span>{count > 0 ? plural(catalog, catalog.thread.replies, count) : catalog.thread.noReplies}</span>
    </div>
  );
  return (
    <div className="parley-message-list parley-thread-messages" data-state={list.history.status}>
      <MessageListViewport list={list}>
        <ListRows list={list} renderMessage={renderMessage} renderAvatar={renderAvatar} after={(message) => (message === root ? divider : undefined)} />
      </MessageListViewport>
      <JumpToLatest list={list} />
    </div>
  );
}
