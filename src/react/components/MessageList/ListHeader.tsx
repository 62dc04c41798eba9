import type { HistoryState } from '../../../core/types';
import { useCatalog } from '../../ChatProvider';
import { SmallButton } from '../SmallButton';

/**
 * The row above the first message: loading, start of conversation, or an
 * error with retry. In a thread the root is the start, so nothing says it.
 */
export function ListHeader({
  height,
  history,
  empty,
  thread = false,
  onRetry,
}: {
  height: number;
  history: HistoryState;
  empty: boolean;
  thread?: boolean;
  onRetry: () => void;
}) {
  const catalog = useCatalog();
  const t = thread
    ? { error: catalog.thread.error, loading: catalog.thread.loading, loadingOlder: catalog.thread.loadingOlder }
    : catalog.messageList;
  // No live role here: the feed is marked aria-busy while loading, and a feed may hold only articles.
  let content;
  let state: string;
  if (history.status === 'error') {
    state = 'error';
    content = (
      <>
        <span>{t.error}</span>
        <SmallButton onClick={onRetry}>{catalog.messageList.retryLoad}</SmallButton>
      </>
    );
  } else if (history.status === 'loading' || history.loadingOlder) {
    state = 'loading';
    content = <span>{history.loadingOlder ? t.loadingOlder : t.loading}</span>;
  } else if (history.hasOlder) {
    state = 'more';
    content = null;
  } else {
    state = 'start';
    content = thread ? null : <span>{empty ? catalog.messageList.empty : catalog.messageList.start}</span>;
  }
  return (
    <div className="parley-message-list-header" data-state={state} style={{ height }}>
      {content}
    </div>
  );
}
