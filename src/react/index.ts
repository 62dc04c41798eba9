/** `parley`: React components and hooks. Transport code lives in `parley/core` and `parley/socketio`. */
export { ChatProvider, useCatalog, useChatClient, useTextRendering } from './ChatProvider';
export type { ChatProviderProps, RenderText } from './ChatProvider';

export { useChatStore } from './hooks/useChatStore';
export { useConnection } from './hooks/useConnection';
export { useConversation, useConversations, useCurrentUserId, usePresence, useUser } from './hooks/useConversations';
export type { ConversationsView } from './hooks/useConversations';
export { useHistory, useMessages, useMessageTimeline } from './hooks/useMessages';
export { useTyping, useTypingUserIds } from './hooks/useTyping';
export { useUploads } from './hooks/useUploads';

export { Avatar, getInitials } from './components/Avatar';
export type { AvatarProps, AvatarSize, AvatarSlotContext, RenderAvatar } from './components/Avatar';
export { Chat } from './components/Chat';
export type { ChatLayout, ChatPane, ChatProps } from './components/Chat';
export { ConnectionStatus } from './components/ConnectionStatus';
export type { ConnectionStatusProps } from './components/ConnectionStatus';
export { ConversationHeader } from './components/ConversationHeader';
export type { ConversationHeaderProps, HeadingLevel } from './components/ConversationHeader';
export { ConversationList, useConversationListKeyboard } from './components/ConversationList';
export type { ConversationListProps, ConversationItemData, RenderConversationItem } from './components/ConversationList';
export { FileUpload, uploadErrorText, useFileDrop } from './components/FileUpload';
export type { FileDrop, FileUploadProps } from './components/FileUpload';
export { MessageBubble, MessageStatus, MessageText, linkify } from './components/MessageBubble';
export type { FormattedTextProps, MessageBubbleProps, Receipt, TextSegment } from './components/MessageBubble';
export { MessageInput, setReplyTarget, useMessageComposer } from './components/MessageInput';
export type { MessageComposer, MessageInputProps, ReplyTarget } from './components/MessageInput';
export {
  DateSeparator,
  JumpToLatest,
  MessageActions,
  MessageEditor,
  MessageList,
  MessageListViewport,
  UnreadSeparator,
  useMessageList,
} from './components/MessageList';
export type {
  MessageListProps,
  MessageListRow,
  MessageListState,
  MessageListViewportProps,
  RenderMessageProps,
  RowAttributes,
  RowMeta,
  ScrollerProps,
  UseMessageListOptions,
} from './components/MessageList';
/** The bubble's attachments, quote, reaction chips and formatted text, for a bubble of your own (loaded on first use). */
export { Attachments as MessageAttachments, FormattedText, MessageQuote, Reactions as MessageReactions } from './components/lazyParts';
/** The bubble's link preview card (loaded on first use). */
export { LinkPreview } from './components/lazyParts';
export type { LinkPreviewProps } from './components/MessageBubble/LinkPreview';
export { PinnedMessages, useJumpRequest } from './components/PinnedMessages';
export type { PinnedMessagesProps } from './components/PinnedMessages';
export { ForwardDialog } from './components/ForwardDialog';
export type { ForwardDialogProps } from './components/ForwardDialog';
/** Message search: a box and the results, matches marked (loaded on first use). */
export { MessageSearch } from './components/MessageSearch';
export type { MessageSearchProps, SearchStatus } from './components/MessageSearch';
/** A thread: root, replies and its own input (loaded on first render). */
export { Thread } from './components/Thread';
export type { ThreadProps } from './components/Thread';
export { TypingIndicator, typingText } from './components/TypingIndicator';
export type { TypingIndicatorProps } from './components/TypingIndicator';

export { en } from '../i18n/en';
export type { Catalog } from '../i18n/en';
