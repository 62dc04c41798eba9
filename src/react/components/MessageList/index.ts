export { MessageList } from './MessageList';
export type { MessageListProps, RenderMessageProps } from './MessageList';
export { computeRowMeta, GROUP_WINDOW_MS } from './rowMeta';
export type { RowMeta } from './rowMeta';
