export { Chat } from './Chat';
export type { ChatProps } from './Chat';
export type { ChatLayout } from './useChatLayout';
export type { ChatPane } from './useChatPanes';
