import { lazyPart } from '../../lazyPart';
import type { ThreadProps } from './Thread';

export type { ThreadProps } from './Thread';

/**
 * A thread: root, replies and an input to answer in it (see `Thread.tsx`).
 * Its code loads the first time one renders (it draws nothing until then), so
 * apps that never open a thread never download it. No ref: use `headingRef`
 * or `inputRef`.
 */
export const Thread = lazyPart<ThreadProps>(() => import('./Thread').then((m) => m.Thread));
