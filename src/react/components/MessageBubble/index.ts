export { MessageBubble } from './MessageBubble';
export type { MessageBubbleProps } from './MessageBubble';
export { MessageStatus } from './MessageStatus';
export type { Receipt } from './MessageStatus';
export { MessageText } from './MessageText';
export type { FormattedTextProps } from './FormattedText';
export { isEmojiOnly, linkify, toSafeHref } from './linkify';
export type { TextSegment } from './linkify';
