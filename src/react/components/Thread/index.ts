export { Thread } from './Thread';
export type { ThreadProps } from './Thread';
