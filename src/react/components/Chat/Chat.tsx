import { forwardRef, useImperativeHandle, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import { useCatalog } from '../../ChatProvider';
import type { RenderAvatar } from '../Avatar/Avatar';
import { ConnectionStatus } from '../ConnectionStatus/ConnectionStatus';
import { ConversationHeader, type HeadingLevel } from '../ConversationHeader/ConversationHeader';
import type { RenderConversationItem } from '../ConversationList/ConversationItem';
import { ConversationList } from '../ConversationList/ConversationList';
import { FileUpload } from '../FileUpload/FileUpload';
import { MessageInput } from '../MessageInput/MessageInput';
import { MessageList, type MessageListProps } from '../MessageList/MessageList';
import { PinnedMessages, useJumpRequest } from '../PinnedMessages';
import { TypingIndicator } from '../TypingIndicator/TypingIndicator';
import { partClassName } from '../className';
import { ChatJumpStatus, ChatSearchButton, ChatSearchPanel, useChatSearch } from './ChatSearch';
import { Thread } from '../Thread';
import { useChatLayout, useWidthAtLeast } from './useChatLayout';
import { useChatPanes } from './useChatPanes';
import { useChatThread } from './useChatThread';

export interface ChatProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'onSelect'> {
  /** The open conversation (controlled). Without it the Chat keeps its own, starting at `defaultSelectedId`. */
  selectedId?: string | undefined;
  /** The conversation open at first when `selectedId` is not given. */
  defaultSelectedId?: string | undefined;
  /** Called with the conversation the user chooses. */
  onSelect?: (conversationId: string) => void;
  /** Below this width of the Chat itself (px), one pane at a time. Default 640. */
  singlePaneBelow?: number;
  /** The conversation title's heading level. Default 2. */
  headingLevel?: HeadingLevel;
  /** The "Attach files" button and drop zone under the messages. Default true. */
  fileUpload?: boolean;
  /** A search button in the conversation's header: messages of every conversation, a result opens where it was written. Default true. */
  search?: boolean;
  /** The host's buttons in the open conversation's header. */
  renderHeaderActions?: (conversationId: string) => ReactNode;
  /** Shown in the conversation pane while no conversation is open (two-pane layout). */
  renderEmpty?: () => ReactNode;
  renderConversationItem?: RenderConversationItem;
  renderMessage?: MessageListProps['renderMessage'];
  renderAvatar?: RenderAvatar;
}

/** A list of conversations needs about 260 px and a conversation about 380 px. */
const DEFAULT_SINGLE_PANE_BELOW = 640;
/** A thread beside them needs about 360 px more; narrower, it goes over the conversation. */
const THREAD_PANE_WIDTH = 360;

/**
 * The whole chat in one element: conversations beside the open conversation
 * (header, messages, who is typing, uploads, input), and the connection state
 * above. When the Chat is narrower than `singlePaneBelow` it shows one pane at
 * a time: the list, then the conversation with a Back button. The Chat fills
 * its container's height; give the container one.
 */
export const Chat = forwardRef<HTMLDivElement, ChatProps>(function Chat(
  {
    selectedId,
    defaultSelectedId,
    onSelect,
    singlePaneBelow = DEFAULT_SINGLE_PANE_BELOW,
    headingLevel,
    fileUpload = true,
    search: searchable = true,
    renderHeaderActions,
    renderEmpty,
    renderConversationItem,
    renderMessage,
    renderAvatar,
    className,
    ...rest
  },
  ref,
) {
  const catalog = useCatalog();
  const root = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => root.current as HTMLDivElement, []);
  const [ownSelection, setOwnSelection] = useState(defaultSelectedId);
  const selected = selectedId !== undefined ? selectedId : ownSelection;
  const layout = useChatLayout(root, singlePaneBelow);
  const panes = useChatPanes(layout, selected);
  const thread = useChatThread(selected, layout, useWidthAtLeast(root, singlePaneBelow + THREAD_PANE_WIDTH));
  const [jumpTo, jump] = useJumpRequest(selected);
  const search = useChatSearch(selected, jump, (conversationId) => {
    // From the search, in the conversation pane already: no pane to switch.
    setOwnSelection(conversationId);
    onSelect?.(conversationId);
  });

  const choose = (conversationId: string) => {
    setOwnSelection(conversationId);
    panes.opened();
    onSelect?.(conversationId);
  };

  return (
    <div
      ref={root}
      className={partClassName('parley-chat', className)}
      data-layout={layout}
      data-pane={panes.pane}
      data-thread={thread.rootId === undefined ? undefined : thread.placement}
      {...rest}
    >
      <ConnectionStatus className="parley-chat-status" hideWhenOnline />
      {panes.showList && (
        <div ref={panes.listPaneRef} className="parley-chat-list-pane" onFocus={() => panes.focusedIn('list')}>
          <ConversationList
            className="parley-chat-list"
            selectedId={selected}
            onSelect={choose}
            renderItem={renderConversationItem}
            renderAvatar={renderAvatar}
          />
        </div>
      )}
      {panes.showConversation && (
        <div ref={thread.conversationPaneRef} className="parley-chat-conversation-pane" onFocus={() => panes.focusedIn('conversation')}>
          {selected === undefined ? (
            <div className="parley-chat-empty">{renderEmpty ? renderEmpty() : <p>{catalog.chat.noSelection}</p>}</div>
          ) : (
            <>
              <ConversationHeader
                conversationId={selected}
                headingLevel={headingLevel}
                headingRef={panes.headingRef}
                // TypingIndicator below the messages says it (and announces it) once.
                showTyping={false}
                onBack={layout === 'single' ? panes.back : undefined}
                renderAvatar={renderAvatar}
              >
                {/* Nothing when neither: an empty actions group would still be named. */}
                {(renderHeaderActions || searchable) && (
                  <>
                    {renderHeaderActions?.(selected)}
                    {searchable && <ChatSearchButton search={search} />}
                  </>
                )}
              </ConversationHeader>
              {searchable && <ChatSearchPanel search={search} />}
              <PinnedMessages className="parley-chat-pinned" conversationId={selected} onJump={jump} />
              <MessageList
                className="parley-chat-messages"
                conversationId={selected}
                jumpToMessageId={jumpTo}
                onOpenThread={thread.open}
                renderMessage={renderMessage}
                renderAvatar={renderAvatar}
              />
              {searchable && <ChatJumpStatus search={search} conversationId={selected} />}
              <TypingIndicator conversationId={selected} />
              {fileUpload && <FileUpload conversationId={selected} />}
              <MessageInput conversationId={selected} />
            </>
          )}
        </div>
      )}
      {panes.showConversation && selected !== undefined && thread.rootId !== undefined && (
        <div className="parley-chat-thread-pane" data-placement={thread.placement} onFocus={() => panes.focusedIn('conversation')}>
          <Thread
            // Another thread is another pane: its own input, its own list.
            key={thread.rootId}
            rootId={thread.rootId}
            conversationId={selected}
            onClose={thread.close}
            headingLevel={headingLevel}
            headingRef={thread.headingRef}
            renderMessage={renderMessage}
            renderAvatar={renderAvatar}
          />
        </div>
      )}
    </div>
  );
});
Chat.displayName = 'Chat';
