import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { DisplayMessage } from '../../../core/types';
import { useCatalog, useChatClient } from '../../chatContext';
import { SmallButton } from '../SmallButton';
import type { MessageActionsApi } from './messageActionsContext';

/**
 * The bubble's text as a textarea: Enter saves, Shift+Enter is a new line,
 * Escape cancels. Focus returns to the row. A failed save keeps the text.
 * Loaded on first use (`components/lazyParts`).
 */
export function MessageEditor({ message, api }: { message: DisplayMessage; api: MessageActionsApi }) {
  const catalog = useCatalog();
  const client = useChatClient();
  const [text, setText] = useState(() => api.drafts.get(message.id) ?? message.text);
  const [error, setError] = useState<'empty' | 'failed' | null>(null);
  const [saving, setSaving] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    const el = field.current;
    if (!el || !api.takeFocus('editor', message.id)) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, [api, message.id]);

  const close = () => {
    api.drafts.delete(message.id);
    // Back to the row, unless the reader has moved on while a save was in flight.
    const el = box.current;
    const active = document.activeElement;
    if (el && (active === null || active === document.body || el.contains(active))) {
      el.closest<HTMLElement>('[data-message-id]')?.focus({ preventScroll: true });
    }
    api.endEdit(message.id);
  };

  const save = () => {
    if (saving) return;
    if (text.trim() === '') {
      setError('empty');
      return;
    }
    if (text === message.text) {
      close();
      return;
    }
    setSaving(true);
    setError(null);
    client.editMessage(message.id, text).then(close, () => {
      // Also reported through the client's error event; the text stays for another try.
      setSaving(false);
      setError('failed');
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return (
    <div ref={box} className="parley-message-editor">
      <textarea
        ref={field}
        className="parley-message-editor-field"
        aria-label={catalog.message.editLabel}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        aria-invalid={error === 'empty' ? true : undefined}
        dir="auto"
        rows={Math.min(6, Math.max(2, text.split('\n').length))}
        value={text}
        readOnly={saving}
        onChange={(event) => {
          setText(event.target.value);
          api.drafts.set(message.id, event.target.value);
          if (error === 'empty') setError(null);
        }}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="parley-visually-hidden">
        {catalog.message.editHint}
      </span>
      {error && (
        <span id={errorId} className="parley-message-editor-error" role="alert">
          {error === 'empty' ? catalog.message.editEmpty : catalog.message.editFailed}
        </span>
      )}
      <span className="parley-message-editor-buttons">
        <SmallButton data-variant="secondary" onClick={close}>
          {catalog.message.cancel}
        </SmallButton>
        <SmallButton disabled={saving} onClick={save}>
          {catalog.message.save}
        </SmallButton>
      </span>
    </div>
  );
}
