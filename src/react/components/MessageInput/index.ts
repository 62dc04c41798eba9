export { MessageInput } from './MessageInput';
export type { MessageInputProps } from './MessageInput';
export { useMessageComposer } from './useMessageComposer';
export type { MessageComposer, MessageComposerOptions } from './useMessageComposer';
export { setReplyTarget } from './replyTargets';
export type { ReplyTarget } from './replyTargets';
