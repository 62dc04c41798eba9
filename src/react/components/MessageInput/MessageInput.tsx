import { forwardRef, useEffect, useId, useImperativeHandle, useRef, type HTMLAttributes, type KeyboardEvent, type Ref } from 'react';
import { formatNumber, interpolate } from '../../../i18n/format';
import { useCatalog } from '../../ChatProvider';
import { useConnection } from '../../hooks/useConnection';
import { useConversation, useCurrentUserId, useUser } from '../../hooks/useConversations';
import { conversationTitle, counterpartId } from '../ConversationList/conversationSummary';
import { partClassName } from '../className';
import { MentionPicker, ReplyBar } from '../lazyParts';
import { attributeLabel } from '../../text/isolate';
import { applyTextEdit } from './applyTextEdit';
import { formatShortcutEdit, formatShortcutKey } from './formatShortcut';
import { useAutoGrow } from './useAutoGrow';
import { useMentionPicker } from './useMentionPicker';
import { useMessageComposer } from './useMessageComposer';

export interface MessageInputProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  conversationId: string;
  /** Reply in this root's thread (see `useMessageComposer`). */
  parentId?: string | undefined;
  /** With `parentId`: the reply shows in the conversation too. */
  alsoInConversation?: boolean | undefined;
  /** The field's accessible name. Defaults to "Message". */
  label?: string | undefined;
  /** Defaults to "Message {conversation title}". */
  placeholder?: string;
  /** Called once a message has been handed to the client (it shows at once as "sending"). */
  onSent?: (text: string, conversationId: string) => void;
  disabled?: boolean;
  /** The textarea itself, e.g. to focus it from the host. */
  inputRef?: Ref<HTMLTextAreaElement>;
}

/** IME composition reports keyCode 229 on the Enter that confirms a candidate (Safari, old Chrome). */
const IME_KEY_CODE = 229;

/**
 * A growing textarea with a Send button. Enter sends, Shift+Enter makes a
 * new line, and the Enter that confirms an IME candidate never sends.
 * Sending is optimistic: the input clears at once and keeps focus; delivery
 * (and failure) is shown by the message list. Offline, messages queue.
 * A reply chosen in the message list shows above the field (Escape cancels it)
 * and goes with the next message.
 */
export const MessageInput = forwardRef<HTMLDivElement, MessageInputProps>(function MessageInput({
  conversationId,
  parentId,
  alsoInConversation,
  label,
  placeholder,
  onSent,
  disabled = false,
  className,
  inputRef,
  ...rest
}: MessageInputProps, ref) {
  const catalog = useCatalog();
  const t = catalog.input;
  const composer = useMessageComposer({ conversationId, parentId, alsoInConversation, onSent, disabled });
  const connection = useConnection();
  const offline = connection.state !== 'online';
  const conversation = useConversation(conversationId);
  const userId = useCurrentUserId();
  const counterpart = useUser(conversation ? counterpartId(conversation, userId) : undefined);

  const textarea = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(inputRef, () => textarea.current as HTMLTextAreaElement, []);
  useAutoGrow(textarea, composer.text);
  const composing = useRef(false);

  const id = useId();
  const ids = { input: `${id}-input`, hint: `${id}-hint`, counter: `${id}-counter`, error: `${id}-error`, offline: `${id}-offline`, reply: `${id}-reply` };
  const { reply, cancelReply } = composer;
  const describedBy = [reply && ids.reply, ids.hint, composer.nearLimit && ids.counter, composer.tooLong && ids.error, offline && ids.offline]
    .filter(Boolean)
    .join(' ');

  const mention = useMentionPicker({ conversationId, parentId, text: composer.text, setText: composer.setText, textarea, idBase: id });
  const sendAndKeepFocus = () => {
    if (composer.send({ mentions: mention.take(composer.text) })) textarea.current?.focus();
  };

  // Reply chosen in the list (a new target each time): the field takes focus to write it.
  // Not on mount, nor when a switch of conversation (or thread) brings that one's reply back.
  const shown = useRef({ conversationId, parentId, reply });
  useEffect(() => {
    const before = shown.current;
    shown.current = { conversationId, parentId, reply };
    if (reply && reply !== before.reply && before.conversationId === conversationId && before.parentId === parentId) textarea.current?.focus();
  }, [conversationId, parentId, reply]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // An open mention picker has the arrows, Enter, Tab and Escape first.
    if (mention.onKeyDown(event)) return;
    if (event.key === 'Escape' && reply && !event.nativeEvent.isComposing) {
      // Escape cancels the reply; without one it is left to the page.
      event.preventDefault();
      event.stopPropagation();
      cancelReply();
      return;
    }
    const shortcut = formatShortcutKey(event);
    if (shortcut && !event.nativeEvent.isComposing) {
      // Ctrl/Cmd+B, I, E: bold, italic, code around the selection (the page's own shortcuts would do nothing useful here).
      event.preventDefault();
      const field = event.currentTarget;
      applyTextEdit(field, formatShortcutEdit(field.value, field.selectionStart, field.selectionEnd, shortcut));
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey || event.altKey) return;
    if (event.nativeEvent.isComposing || composing.current || event.nativeEvent.keyCode === IME_KEY_CODE) return;
    event.preventDefault();
    sendAndKeepFocus();
  };

  const title = conversation ? conversationTitle(conversation, counterpart) : undefined;
  const shownPlaceholder = placeholder ?? (title ? attributeLabel(t.placeholderTo, { title }) : t.placeholder);
  const length = composer.text.length;

  return (
    <div
      ref={ref}
      className={partClassName('parley-message-input', className)}
      data-state={disabled ? 'disabled' : offline ? 'offline' : 'ready'}
      data-empty={composer.text === '' ? 'true' : 'false'}
      data-invalid={composer.tooLong ? 'true' : 'false'}
      data-replying={reply ? 'true' : undefined}
      {...rest}
    >
      <label htmlFor={ids.input} className="parley-visually-hidden">
        {label ?? t.label}
      </label>
      {reply && (
        <ReplyBar
          id={ids.reply}
          conversationId={conversationId}
          parentId={parentId}
          messageId={reply.messageId}
          onCancel={() => {
            cancelReply();
            textarea.current?.focus();
          }}
        />
      )}
      {mention.open && (
        <MentionPicker id={mention.listboxId} options={mention.options} activeIndex={mention.activeIndex} optionId={mention.optionId} onPick={mention.pick} />
      )}
      <div className="parley-message-input-row">
        <textarea
          ref={textarea}
          id={ids.input}
          className="parley-message-input-field"
          rows={1}
          // The text's own direction (Arabic in an English UI and vice versa).
          dir="auto"
          value={composer.text}
          placeholder={shownPlaceholder}
          disabled={disabled}
          aria-describedby={describedBy}
          aria-invalid={composer.tooLong}
          // A textbox still (not role=combobox): the picker's listbox is tied to it by these.
          aria-autocomplete="list"
          aria-controls={mention.open ? mention.listboxId : undefined}
          aria-activedescendant={mention.open ? mention.optionId(mention.activeIndex) : undefined}
          onChange={(e) => {
            composer.setText(e.target.value);
            mention.onCaret(e.target);
          }}
          onSelect={(e) => mention.onCaret(e.currentTarget)}
          onKeyDown={onKeyDown}
          onBlur={composer.stopTyping}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={() => {
            composing.current = false;
          }}
        />
        <button
          type="button"
          className="parley-button parley-message-input-send"
          disabled={!composer.canSend}
          // Keeps focus (and the caret) in the textarea when the button is clicked.
          onMouseDown={(e) => e.preventDefault()}
          onClick={sendAndKeepFocus}
        >
          {t.send}
        </button>
      </div>
      <p id={ids.hint} className="parley-visually-hidden">
        {t.hint}
      </p>
      {composer.nearLimit && (
        <p id={ids.counter} className="parley-message-input-counter" data-invalid={composer.tooLong ? 'true' : 'false'}>
          {interpolate(t.counter, { count: formatNumber(catalog, length), max: formatNumber(catalog, composer.maxLength) })}
        </p>
      )}
      {/* Always present so screen readers announce the error when it appears. */}
      <p id={ids.error} className="parley-message-input-error" aria-live="polite">
        {composer.tooLong
          ? interpolate(t.tooLong, { count: formatNumber(catalog, length), max: formatNumber(catalog, composer.maxLength) })
          : ''}
      </p>
      {offline && (
        <p id={ids.offline} className="parley-message-input-note">
          {t.offline}
        </p>
      )}
    </div>
  );
});
MessageInput.displayName = 'MessageInput';
