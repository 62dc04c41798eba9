export { ConversationList } from './ConversationList';
export type { ConversationListProps, ConversationListState } from './ConversationList';
export type { ConversationItemData, RenderConversationItem } from './ConversationItem';
export { useConversationListKeyboard } from './useConversationListKeyboard';
export type {
  ConversationListItemProps,
  ConversationListKeyboard,
  ConversationListKeyboardOptions,
} from './useConversationListKeyboard';
export { conversationPreview, conversationTitle, counterpartId, lastActivityAt } from './conversationSummary';
