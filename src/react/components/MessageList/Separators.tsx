import { formatDay } from '../../../i18n/format';
import { useCatalog } from '../../ChatProvider';

/** The day above the first message of a day ("Today", "Yesterday", a date). */
export function DateSeparator({ time }: { time: number }) {
  const catalog = useCatalog();
  return (
    <div className="parley-date-separator">
      <span>{formatDay(catalog, time)}</span>
    </div>
  );
}

/** "New messages", above the first one the reader has not read. */
export function UnreadSeparator() {
  const catalog = useCatalog();
  return (
    <div className="parley-unread-separator">
      <span>{catalog.messageList.unreadSeparator}</span>
    </div>
  );
}
