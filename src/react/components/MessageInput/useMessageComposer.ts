import { useEffect, useState } from 'react';
import { LIMITS } from '../../../core/protocol';
import { messageTextProblem } from '../../../core/schemas/messageText';
import { useChatClient } from '../../ChatProvider';
import { composerKey } from './composerKey';
import { draftsFor } from './drafts';
import { setReplyTarget, useReplyTarget, type ReplyTarget } from './replyTargets';

export interface MessageComposerOptions {
  conversationId: string;
  /** Reply in this root's thread: the draft and the quoted reply are the thread's own, and no typing is sent. */
  parentId?: string | undefined;
  /** With `parentId`: the reply shows in the conversation too. */
  alsoInConversation?: boolean | undefined;
  /** Called once a message has been handed to the client (optimistically). */
  onSent?: ((text: string, conversationId: string) => void) | undefined;
  disabled?: boolean | undefined;
}

export interface MessageComposer {
  text: string;
  setText: (text: string) => void;
  /** Sends the current text (with the users it mentions); false when there was nothing valid to send. */
  send: (options?: { mentions?: readonly string[] }) => boolean;
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
export function useMessageComposer({ conversationId, parentId, alsoInConversation, onSent, disabled = false }: MessageComposerOptions): MessageComposer {
  const client = useChatClient();
  const drafts = draftsFor(client);
  const key = composerKey(conversationId, parentId);
  const [draft, setDraft] = useState(() => ({ key, text: drafts.get(key) ?? '' }));
  const reply = useReplyTarget(client, conversationId, parentId);
  const cancelReply = () => setReplyTarget(client, conversationId, undefined, parentId);
  // Typing is said of a conversation: someone writing in a thread is not typing there.
  const setTyping = (typing: boolean) => parentId === undefined && client.setTyping(conversationId, typing);

  // Switching conversation swaps in that conversation's draft during render,
  // so the old text never flashes in the new conversation.
  let text = draft.text;
  if (draft.key !== key) {
    text = drafts.get(key) ?? '';
    setDraft({ key, text });
  }

  // Leaving a conversation (or unmounting) ends our typing there.
  useEffect(() => () => void (parentId === undefined && client.setTyping(conversationId, false)), [client, conversationId, parentId]);

  const setText = (value: string) => {
    setDraft({ key, text: value });
    if (value) drafts.set(key, value);
    else drafts.delete(key);
    setTyping(value.trim() !== '');
  };

  const maxLength = LIMITS.maxTextLength;
  // The client's and the server's own rule, on what will be sent (trimmed).
  const problem = messageTextProblem(text.trim(), 0);
  const tooLong = problem?.code === 'too_large';
  const canSend = !disabled && problem === null;

  const send = ({ mentions = [] }: { mentions?: readonly string[] } = {}) => {
    if (!canSend) return false;
    const body = text.trim();
    const thread = parentId === undefined ? {} : { parentId, ...(alsoInConversation ? { alsoInConversation } : {}) };
    const extra = { ...(reply ? { replyTo: reply.messageId } : {}), ...(mentions.length > 0 ? { mentions: [...mentions] } : {}), ...thread };
    client.sendMessage(conversationId, { text: body, ...extra }).catch(() => {
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
    stopTyping: () => setTyping(false),
    reply,
    cancelReply,
  };
}
