export { ForwardDialog } from './ForwardDialog';
export type { ForwardDialogProps } from './ForwardDialog';
