import { useEffect, useState } from 'react';
import { LIMITS } from '../../../core/protocol';
import { messageTextProblem } from '../../../core/schemas/messageText';
import { useChatClient } from '../../ChatProvider';
import { draftsFor } from './drafts';
import { setReplyTarget, useReplyTarget, type ReplyTarget } from './replyTargets';

export interface MessageComposerOptions {
  conversationId: string;
  /** Called once a message has been handed to the client (optimistically). */
  onSent?: ((text: string, conversationId: string) => void) | undefined;
  disabled?: boolean | undefined;
}

export interface MessageComposer {
  text: string;
  setText: (text: string) => void;
  /** Sends the current text; false when there was nothing valid to send. */
  send: () => boolean;
  /** Something other than whitespace, within the length limit, and not disabled. */
  canSend: boolean;
  tooLong: boolean;
  /** Show the character counter: the text is at 90 % of the limit or beyond. */
  nearLimit: boolean;
  maxLength: number;
  /** The user left the field: they are no longer typing. */
  stopTyping: () => void;
  /** The message being replied to (chosen in the message list); the next send quotes it. */
  reply: ReplyTarget | undefined;
  cancelReply: () => void;
}

const COUNTER_THRESHOLD = 0.9;

/**
 * The message input's logic without its markup: per-conversation drafts,
 * typing notifications, validation, the reply being composed and the optimistic send.
 */
export function useMessageComposer({ conversationId, onSent, disabled = false }: MessageComposerOptions): MessageComposer {
  const client = useChatClient();
  const drafts = draftsFor(client);
  const [draft, setDraft] = useState(() => ({ conversationId, text: drafts.get(conversationId) ?? '' }));
  const reply = useReplyTarget(client, conversationId);
  const cancelReply = () => setReplyTarget(client, conversationId, undefined);

  // Switching conversation swaps in that conversation's draft during render,
  // so the old text never flashes in the new conversation.
  let text = draft.text;
  if (draft.conversationId !== conversationId) {
    text = drafts.get(conversationId) ?? '';
    setDraft({ conversationId, text });
  }

  // Leaving a conversation (or unmounting) ends our typing there.
  useEffect(() => () => client.setTyping(conversationId, false), [client, conversationId]);

  const setText = (value: string) => {
    setDraft({ conversationId, text: value });
    if (value) drafts.set(conversationId, value);
    else drafts.delete(conversationId);
    client.setTyping(conversationId, value.trim() !== '');
  };

  const maxLength = LIMITS.maxTextLength;
  // The client's and the server's own rule, on what will be sent (trimmed).
  const problem = messageTextProblem(text.trim(), 0);
  const tooLong = problem?.code === 'too_large';
  const canSend = !disabled && problem === null;

  const send = () => {
    if (!canSend) return false;
    const body = text.trim();
    client.sendMessage(conversationId, reply ? { text: body, replyTo: reply.messageId } : { text: body }).catch(() => {
      // A failed send shows in the message list (status "failed", with retry);
      // the input has already moved on.
    });
    setText('');
    cancelReply();
    onSent?.(body, conversationId);
    return true;
  };

  return {
    text,
    setText,
    send,
    canSend,
    tooLong,
    nearLimit: text.length >= maxLength * COUNTER_THRESHOLD,
    maxLength,
    stopTyping: () => client.setTyping(conversationId, false),
    reply,
    cancelReply,
  };
}
