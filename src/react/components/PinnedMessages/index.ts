export { PinnedMessages } from './PinnedMessages';
export type { PinnedMessagesProps } from './PinnedMessagesBar';
export { useJumpRequest } from './useJumpRequest';
