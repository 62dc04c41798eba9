/**
 * Derived state as pure functions of the store's state: what the React hooks
 * show, for any host (`store.getState()` + `store.subscribe`). Answers built from
 * unchanged inputs are the same objects, so comparing by reference tells what changed.
 */
export {
  conversationTitle,
  counterpartId,
  lastActivityAt,
  lastMessagePreview,
  selectConversation,
  selectConversations,
  selectConversationSummaries,
  selectConversationSummary,
  selectConversationTitle,
  selectCounterpart,
} from './conversations';
export type { ConversationPreview, ConversationSummary } from './conversations';
export { selectHistory, selectMessages, selectTimeline } from './messages';
export { selectNewestSeq, selectNewMessageCount } from './newMessages';
export { otherMemberSeqs, receiptFor, selectReceipt, selectReceiptSeqs } from './receipts';
export type { Receipt, ReceiptSeqs } from './receipts';
export { selectTypingUserIds, selectTypingUsers } from './typing';
export { selectMentionCount, selectTotalUnreadCount, selectUnreadCount } from './unread';
export { selectUploads } from './uploads';
