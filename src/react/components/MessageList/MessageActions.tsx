import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { DisplayMessage } from '../../../core/types';
import { interpolate } from '../../../i18n/text';
import { useCatalog, useChatClient } from '../../chatContext';
import { hasReacted, QUICK_REACTIONS, toggleReaction } from '../MessageBubble/reactionChips';
import { ForwardButton } from '../ForwardDialog/ForwardButton';
import { PinButton } from '../PinnedMessages/PinButton';
import type { MessageActionsApi } from './messageActionsContext';
import { canReplyTo, replyToMessage } from './replyToMessage';
import { nextControl } from './nextControl';

type Mode = 'idle' | 'menu' | 'confirm';

/**
 * The actions of the one row that is hovered or focused: React (a small menu
 * of emoji), Reply (and Reply in thread where the list opens threads), and for
 * own messages Edit and Delete (confirmed inline).
 * MessageList renders it for a single row only, and loads it on first use.
 */
export function MessageActions({ message, own, api }: { message: DisplayMessage; own: boolean; api: MessageActionsApi }) {
  const catalog = useCatalog();
  const client = useChatClient();
  const [mode, setMode] = useState<Mode>('idle');
  const group = useRef<HTMLDivElement>(null);
  const reactButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const noButton = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<'react' | 'delete' | null>(null);
  const menuId = useId();
  const questionId = useId();

  // Tab was pressed in the row before this code had arrived (see MessageRow): focus moves
  // on now, to what Tab would have reached, if the reader is still in the row.
  useEffect(() => {
    const row = group.current?.closest('[data-message-id]');
    const from = document.activeElement;
    if (!api.takeFocus('toolbar', message.id) || !row || !from || !row.contains(from)) return;
    (nextControl(row, from) ?? reactButton.current)?.focus();
  }, [api, message.id]);

  useEffect(() => {
    if (mode === 'confirm') noButton.current?.focus();
    if (mode !== 'idle' || returnTo.current === null) return;
    (returnTo.current === 'react' ? reactButton : deleteButton).current?.focus();
    returnTo.current = null;
  }, [mode]);

  const close = (focus: 'react' | 'delete' | null) => {
    returnTo.current = focus;
    setMode('idle');
  };
  const focusRow = () => group.current?.closest<HTMLElement>('[data-message-id]')?.focus({ preventScroll: true });

  return (
    <div
      ref={group}
      className="parley-message-actions"
      role="group"
      aria-label={catalog.message.actions}
      data-own={own ? 'true' : 'false'}
      data-mode={mode}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        if (mode === 'confirm') close('delete');
        else focusRow();
      }}
    >
      {mode === 'confirm' ? (
        <>
          <span id={questionId} className="parley-message-actions-question">
            {catalog.message.deleteConfirm}
          </span>
          <button
            type="button"
            className="parley-message-action"
            data-variant="danger"
            aria-describedby={questionId}
            onClick={() => {
              // The row keeps focus: this toolbar goes away with the message's text.
              focusRow();
              setMode('idle');
              client.deleteMessage(message.id).catch(() => undefined);
            }}
          >
            {catalog.message.yes}
          </button>
          <button ref={noButton} type="button" className="parley-message-action" aria-describedby={questionId} onClick={() => close('delete')}>
            {catalog.message.no}
          </button>
        </>
      ) : (
        <>
          <button
            ref={reactButton}
            type="button"
            className="parley-message-action"
            aria-haspopup="menu"
            aria-expanded={mode === 'menu'}
            aria-controls={mode === 'menu' ? menuId : undefined}
            onClick={() => setMode(mode === 'menu' ? 'idle' : 'menu')}
          >
            {catalog.message.react}
          </button>
          {mode === 'menu' && (
            <ReactionMenu id={menuId} message={message} opener={reactButton} onClose={(refocus) => close(refocus ? 'react' : null)} />
          )}
          {/* Focus goes to the input, which shows what is quoted. */}
          {canReplyTo(message, api.threadRootId) && (
            <button type="button" className="parley-message-action" aria-keyshortcuts="R" onClick={() => replyToMessage(client, message, api.threadRootId)}>
              {catalog.reply.reply}
            </button>
          )}
          {/* A thread has one level: its replies and notices start none. */}
          {api.openThread && message.parentId === undefined && message.kind !== 'system' && (
            <button type="button" className="parley-message-action" onClick={() => api.openThread?.(message.id)}>
              {catalog.reply.inThread}
            </button>
          )}
          {/* A thread reply is pinned and forwarded by way of its root (the server refuses pins of replies). */}
          {message.parentId === undefined && <PinButton message={message} />}
          {message.parentId === undefined && <ForwardButton message={message} />}
          {own && (
            <>
              <button type="button" className="parley-message-action" onClick={() => api.startEdit(message.id)}>
                {catalog.message.edit}
              </button>
              <button ref={deleteButton} type="button" className="parley-message-action" onClick={() => setMode('confirm')}>
                {catalog.message.delete}
              </button>
            </>
          )}
        </>
      )}
    </div>
  );
}

/** A horizontal menu of the quick reactions; arrow keys move, Escape closes. */
function ReactionMenu({
  id,
  message,
  opener,
  onClose,
}: {
  id: string;
  message: DisplayMessage;
  opener: RefObject<HTMLButtonElement | null>;
  onClose: (refocus: boolean) => void;
}) {
  const catalog = useCatalog();
  const client = useChatClient();
  const { userId } = client;
  const [index, setIndex] = useState(0);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    menu.current?.querySelectorAll<HTMLElement>('[role="menuitemcheckbox"]')[index]?.focus();
  }, [index]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const rtl = menu.current !== null && getComputedStyle(menu.current).direction === 'rtl';
    const last = QUICK_REACTIONS.length - 1;
    const next = (index + 1) % QUICK_REACTIONS.length;
    const prev = (index + last) % QUICK_REACTIONS.length;
    const target =
      event.key === 'ArrowRight' ? (rtl ? prev : next)
      : event.key === 'ArrowLeft' ? (rtl ? next : prev)
      : event.key === 'ArrowDown' ? next
      : event.key === 'ArrowUp' ? prev
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (target !== null) {
      event.preventDefault();
      event.stopPropagation();
      setIndex(target);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
    }
  };

  return (
    <div
      ref={menu}
      id={id}
      className="parley-reaction-menu"
      role="menu"
      aria-label={catalog.message.react}
      aria-orientation="horizontal"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        const to = event.relatedTarget;
        if (to instanceof Node && (menu.current?.contains(to) || opener.current === to)) return;
        onClose(false);
      }}
    >
      {QUICK_REACTIONS.map((emoji, i) => {
        const mine = hasReacted(message.reactions, emoji, userId);
        return (
          <button
            key={emoji}
            type="button"
            role="menuitemcheckbox"
            aria-checked={mine}
            className="parley-reaction-menu-item"
            tabIndex={i === index ? 0 : -1}
            aria-label={interpolate(catalog.message.reactWith, { emoji })}
            onClick={() => {
              toggleReaction(client, message.id, emoji, mine);
              onClose(true);
            }}
          >
            {emoji}
          </button>
        );
      })}
    </div>
  );
}
