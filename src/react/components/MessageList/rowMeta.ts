/** Per-row decorations derived from a message and the one before it. */
import type { DisplayMessage } from '../../../core/types';
import { startOfDay } from '../../../i18n/format';

/** Messages by one author closer together than this form one group. */
export const GROUP_WINDOW_MS = 5 * 60_000;

export interface RowMeta {
  /** A date separator goes above this message. */
  readonly showDate: boolean;
  /** First of a group: avatar and name are shown. */
  readonly showAuthor: boolean;
  /** The unread separator goes above this message. */
  readonly unreadStart: boolean;
}

export function computeRowMeta(
  prev: DisplayMessage | undefined,
  message: DisplayMessage,
  options: { userId: string; unreadAfterSeq: number | null },
): RowMeta {
  const showDate = !prev || startOfDay(prev.createdAt) !== startOfDay(message.createdAt);
  const grouped =
    !!prev &&
    !showDate &&
    prev.authorId === message.authorId &&
    prev.kind !== 'system' &&
    message.kind !== 'system' &&
    message.createdAt - prev.createdAt < GROUP_WINDOW_MS;
  const isUnread = (m: DisplayMessage | undefined) =>
    !!m && m.seq !== null && options.unreadAfterSeq !== null && m.seq > options.unreadAfterSeq && m.authorId !== options.userId;
  // The separator sits above the first unread message from someone else.
  const unreadStart = isUnread(message) && !(prev && prev.seq !== null && options.unreadAfterSeq !== null && prev.seq > options.unreadAfterSeq);
  return { showDate, showAuthor: !grouped, unreadStart };
}
