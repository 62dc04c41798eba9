import type { Message } from '../../../core/protocol';
import type { DisplayMessage } from '../../../core/types';
import { lazyPart } from '../../lazyPart';
import { loadOnDemand } from '../lazyParts';

export interface ForwardDialogProps {
  /** The message to forward (its first line shows in the dialog). */
  message: Pick<DisplayMessage | Message, 'id' | 'text'>;
  /** Escape, Close or a click outside: unmount the dialog here and move focus back to what opened it. */
  onClose: () => void;
}

/**
 * A modal dialog that forwards a message to one of the user's conversations,
 * opened by mounting it (see `ForwardDialogContent`). Its code is fetched the
 * first time one is mounted.
 */
export const ForwardDialog = lazyPart<ForwardDialogProps>(() => loadOnDemand().then((m) => m.ForwardDialogContent));
