export { ConversationHeader } from './ConversationHeader';
export type { ConversationHeaderProps, HeadingLevel } from './ConversationHeader';
export { headerSubtitle } from './headerSubtitle';
export type { HeaderSubtitleInput } from './headerSubtitle';
