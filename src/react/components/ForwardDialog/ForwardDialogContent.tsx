import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { selectConversationSummaries, type ConversationSummary } from '../../../core/selectors/conversations';
import { interpolate } from '../../../i18n/text';
import { useCatalog, useChatClient } from '../../chatContext';
import { isolatedSentence } from '../../text/isolate';
import { firstLine } from '../PinnedMessages/pinnedMessages';
import { SmallButton } from '../SmallButton';
import type { ForwardDialogProps } from './ForwardDialog';
import { matchConversations } from './matchConversations';
import { useDialogKeys } from './useDialogKeys';

type Outcome = { kind: 'sending' | 'done' | 'failed'; conversationId: string; title: string };

/** Arrow keys, Home and End between the conversations; ArrowDown from the filter enters the list. */
function moveFocus(event: KeyboardEvent<HTMLElement>, list: HTMLUListElement | null, from: 'filter' | 'list'): void {
  const buttons = [...(list?.querySelectorAll<HTMLElement>('button') ?? [])];
  if (buttons.length === 0) return;
  const at = from === 'filter' ? -1 : buttons.indexOf(document.activeElement as HTMLElement);
  const to =
    event.key === 'ArrowDown' ? at + 1
    : event.key === 'ArrowUp' && from === 'list' ? at - 1
    : event.key === 'Home' && from === 'list' ? 0
    : event.key === 'End' && from === 'list' ? buttons.length - 1
    : null;
  if (to === null) return;
  event.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, to))]!.focus();
}

/**
 * A modal dialog to copy a message into a conversation of the user's (the
 * same one too): a filter box, the conversations, and what became of the
 * last one chosen. It stays open after a forward, so it can go to several;
 * Escape, Close or a click outside close it. Loaded on first use (`ForwardDialog`).
 */
export function ForwardDialogContent({ message, onClose }: ForwardDialogProps) {
  const catalog = useCatalog();
  const client = useChatClient();
  const summaries = useStore(client.store, selectConversationSummaries);
  const [query, setQuery] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const filter = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const titleId = useId();
  const previewId = useId();

  // Closed first, so that the opener behind it is no longer inert when focus goes back there.
  const close = () => {
    dialog.current?.close();
    onClose();
  };
  const onKeyDown = useDialogKeys(dialog, close);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    filter.current?.focus();
  }, []);

  const matches = matchConversations(summaries, query, catalog.locale);
  const preview = firstLine(message.text);
  const busy = outcome?.kind === 'sending';
  const forward = (target: ConversationSummary) => {
    if (busy) return;
    const to = { conversationId: target.conversation.id, title: target.title };
    setOutcome({ kind: 'sending', ...to });
    client.forwardMessage(message.id, to.conversationId).then(
      () => setOutcome({ kind: 'done', ...to }),
      // Also reported through the client's error event.
      () => setOutcome({ kind: 'failed', ...to }),
    );
  };
  const sentence = (template: string, title: string) => isolatedSentence((slot) => interpolate(template, { title: slot(title) }));

  return (
    <dialog
      ref={dialog}
      className="parley-forward-dialog"
      aria-labelledby={titleId}
      aria-describedby={preview !== '' ? previewId : undefined}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      // The dialog box itself is only its padding-free frame: a click that lands on it is on the backdrop.
      onClick={(event) => event.target === event.currentTarget && close()}
    >
      <div className="parley-forward-body">
        <h2 id={titleId} className="parley-forward-title">
          {catalog.forward.title}
        </h2>
        {preview !== '' && (
          <p id={previewId} className="parley-forward-preview" dir="auto">
            {preview}
          </p>
        )}
        <input
          ref={filter}
          type="search"
          className="parley-forward-filter"
          aria-label={catalog.forward.filter}
          placeholder={catalog.forward.filter}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => moveFocus(event, list.current, 'filter')}
        />
        {matches.length > 0 ? (
          <ul ref={list} className="parley-forward-list" aria-label={catalog.conversationList.label} onKeyDown={(event) => moveFocus(event, list.current, 'list')}>
            {matches.map((s) => (
              <li key={s.conversation.id}>
                <button
                  type="button"
                  className="parley-forward-target"
                  data-state={outcome?.conversationId === s.conversation.id ? outcome.kind : undefined}
                  aria-disabled={busy || undefined}
                  onClick={() => forward(s)}
                >
                  <bdi>{s.title}</bdi>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="parley-forward-empty">{catalog.forward.none}</p>
        )}
        <p className="parley-forward-status" role="status">
          {outcome?.kind === 'done' && sentence(catalog.forward.done, outcome.title)}
        </p>
        {outcome?.kind === 'failed' && (
          <p className="parley-forward-error" role="alert">
            {sentence(catalog.forward.failed, outcome.title)}
          </p>
        )}
        <div className="parley-forward-buttons">
          <SmallButton data-variant="secondary" onClick={close}>
            {catalog.forward.close}
          </SmallButton>
        </div>
      </div>
    </dialog>
  );
}
