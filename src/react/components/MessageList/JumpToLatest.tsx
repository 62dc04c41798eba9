import { plural } from '../../../i18n/format';
import { useCatalog } from '../../ChatProvider';
import { partClassName } from '../className';
import type { MessageListState } from './useMessageList';

/**
 * Shown while the reader is away from the newest message: "Jump to latest",
 * or the number of messages that arrived meanwhile. Nothing at the bottom.
 */
export function JumpToLatest({ list, className }: { list: Pick<MessageListState, 'atBottom' | 'newCount' | 'jumpToLatest'>; className?: string }) {
  const catalog = useCatalog();
  if (list.atBottom) return null;
  return (
    <button
      type="button"
      className={partClassName('parley-jump-button', className)}
      data-has-new={list.newCount > 0 ? 'true' : 'false'}
      onClick={list.jumpToLatest}
    >
      {list.newCount > 0 ? plural(catalog, catalog.messageList.newMessages, list.newCount) : catalog.messageList.jumpToLatest}
    </button>
  );
}
