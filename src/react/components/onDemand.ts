/**
 * Everything `lazyParts` loads, as one module: one chunk, one request, and one
 * small set of modules (the chat context, `i18n/text`) that it shares with the
 * main bundle. Nothing else may import this file statically.
 */
export { Attachments } from './MessageBubble/Attachments';
export { LinkPreview } from './MessageBubble/LinkPreview';
export { ForwardedLabel } from './MessageBubble/ForwardedLabel';
export { Reactions } from './MessageBubble/Reactions';
export { MessageActions } from './MessageList/MessageActions';
export { MessageEditor } from './MessageList/MessageEditor';
export { ThreadSummary } from './MessageBubble/ThreadSummary';
export { MessageQuote } from './MessageBubble/MessageQuote';
export { ReplyBar } from './MessageInput/ReplyBar';
export { MentionPicker } from './MessageInput/MentionPicker';
export { ForwardDialogContent } from './ForwardDialog/ForwardDialogContent';
export { MessageSearch } from './MessageSearch/MessageSearch';
export { PinnedMessagesBar } from './PinnedMessages/PinnedMessagesBar';
export { FormattedText } from './MessageBubble/FormattedText';
