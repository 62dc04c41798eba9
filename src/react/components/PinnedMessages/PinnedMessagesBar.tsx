import { useEffect, useId, useRef, useState, type HTMLAttributes, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { Message } from '../../../core/protocol';
import type { DisplayMessage } from '../../../core/types';
import type { Catalog } from '../../../i18n/en';
import { formatNumber, interpolate } from '../../../i18n/text';
import { useCatalog, useChatClient } from '../../chatContext';
import { partClassName } from '../className';
import { firstLine, selectPinnedIds, selectPinnedMessages } from './pinnedMessages';

export interface PinnedMessagesProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  conversationId: string;
  /** Show this message in the list (Chat passes it to MessageList's `jumpToMessageId`). */
  onJump: (messageId: string) => void;
}

/** Who wrote it and its first line, or that it is not loaded (the jump still finds it). */
function PinSummary({ message, catalog }: { message: DisplayMessage | Message | undefined; catalog: Catalog }) {
  const client = useChatClient();
  const users = useStore(client.store, (s) => s.users);
  if (!message) return <span className="parley-pinned-text" data-state="not-loaded">{catalog.pins.notLoaded}</span>;
  const author = message.authorId === client.userId ? catalog.message.you : (users[message.authorId]?.name ?? message.authorId);
  const line = firstLine(message.text) || (message.attachments.length > 0 ? catalog.conversationList.attachment : '');
  return (
    <span className="parley-pinned-text">
      <bdi className="parley-pinned-author">{author}</bdi>
      {line !== '' && (
        <>
          {': '}
          <bdi>{line}</bdi>
        </>
      )}
    </span>
  );
}

/**
 * The conversation's pins above its messages: the newest one (its author and
 * first line), "Pinned 1 of N", buttons to step through the others and a list
 * of all of them. Activating a pin shows it in the message list. It reads the
 * conversation's `pinnedIds`, so it is right again as soon as a reconnect has
 * reloaded the conversation. Loaded on first use (see `PinnedMessages`).
 */
export function PinnedMessagesBar({ conversationId, onJump, className, ...rest }: PinnedMessagesProps) {
  const catalog = useCatalog();
  const client = useChatClient();
  const ids = useStore(client.store, (s) => selectPinnedIds(s, conversationId));
  const messages = useStore(client.store, (s) => selectPinnedMessages(s, conversationId));
  // The pin the reader stepped to, while the newest pin is still the one it was then:
  // a new pin shows itself, a removed one falls back to the newest.
  const [shown, setShown] = useState<{ id: string; newest: string } | null>(null);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const count = ids.length;
  const stepped = shown && shown.newest === ids[0] ? ids.indexOf(shown.id) : -1;
  const index = stepped === -1 ? 0 : stepped;
  const currentId = ids[index];

  useEffect(() => {
    if (open) list.current?.querySelector<HTMLElement>('button')?.focus();
  }, [open]);
  useEffect(() => {
    if (count < 2) setOpen(false);
  }, [count]);

  if (currentId === undefined) return null;
  const step = (by: number) => setShown({ id: ids[(index + by + count) % count]!, newest: ids[0]! });
  const closeList = (refocus: boolean) => {
    setOpen(false);
    if (refocus) toggle.current?.focus();
  };
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    const to =
      event.key === 'ArrowDown' ? at + 1
      : event.key === 'ArrowUp' ? at - 1
      : event.key === 'Home' ? 0
      : event.key === 'End' ? buttons.length - 1
      : null;
    if (event.key === 'Escape') {
      event.preventDefault();
      closeList(true);
    } else if (to !== null && buttons.length > 0) {
      event.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, to))]!.focus();
    }
  };

  return (
    <section
      className={partClassName('parley-pinned', className)}
      aria-label={catalog.pins.label}
      data-state={open ? 'open' : 'closed'}
      data-count={count}
      {...rest}
    >
      <div className="parley-pinned-bar">
        <button type="button" className="parley-pinned-current" onClick={() => onJump(currentId)}>
          <span className="parley-pinned-position">
            {interpolate(catalog.pins.position, { index: formatNumber(catalog, index + 1), count: formatNumber(catalog, count) })}
          </span>
          <PinSummary message={messages.get(currentId)} catalog={catalog} />
        </button>
        {count > 1 && (
          <>
            {/* Older messages are above in the list: the older pin is "up". */}
            <button type="button" className="parley-pinned-step" aria-label={catalog.pins.next} title={catalog.pins.next} onClick={() => step(1)}>
              <span aria-hidden="true">↑</span>
            </button>
            <button type="button" className="parley-pinned-step" aria-label={catalog.pins.previous} title={catalog.pins.previous} onClick={() => step(-1)}>
              <span aria-hidden="true">↓</span>
            </button>
            <button
              ref={toggle}
              type="button"
              className="parley-pinned-step"
              aria-label={catalog.pins.showAll}
              title={catalog.pins.showAll}
              aria-expanded={open}
              aria-controls={open ? listId : undefined}
              onClick={() => setOpen(!open)}
            >
              <span aria-hidden="true">☰</span>
            </button>
          </>
        )}
      </div>
      {open && (
        <ul ref={list} id={listId} className="parley-pinned-list" aria-label={catalog.pins.showAll} onKeyDown={onListKeyDown}>
          {ids.map((id) => (
            <li key={id}>
              <button
                type="button"
                className="parley-pinned-item"
                aria-current={id === currentId ? 'true' : undefined}
                onClick={() => {
                  setShown({ id, newest: ids[0]! });
                  closeList(false);
                  onJump(id);
                }}
              >
                <PinSummary message={messages.get(id)} catalog={catalog} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
