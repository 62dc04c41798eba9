/**
 * The client's commands: what a user does (send, retry, discard, edit,
 * delete, react, type, read) and the conversation list, each checked on the
 * client first and then handed to the engine that owns it.
 */
import type { ChatClient } from './client';
import type { OutboxSender } from './outboxSender';
import { ChatError, toChatError } from './errors';
import { reported } from './requests';
import { createClientId } from './ids';
import type { MessageIndex } from './messageIndex';
import { findBySeq, timelineToArray } from './messageTimeline';
import type { OutboxEntry } from './outbox';
import type { PositionReporter } from './positionReporter';
import type { PushHandlerDeps } from './pushHandlers';
import { messageTextProblem, type Message } from './protocol';
import type { Requester } from './requests';
import { updateStore, type ChatState, type ChatStore } from './store';
import { applyConversationList, applyPending, applyRead, dropPending } from './storeUpdates';
import { applyThreadPending, dropThreadPending } from './threadStream';
import type { MessageTimeline } from './messageTimeline';
import { acceptMessage } from './pushHandlers';
import type { DisplayMessage, PendingMessage } from './types';

/** Everything the push handlers act on, and the engines that only a user's command reaches. */
export interface CommandDeps extends PushHandlerDeps {
  readonly request: Requester;
  readonly report: (error: ChatError) => void;
  readonly index: MessageIndex;
  /** Where thread replies live (by root id). */
  readonly threadIndex: MessageIndex;
  readonly sender: OutboxSender;
  readonly readReporter: PositionReporter;
}

export type Commands = Pick<
  ChatClient,
  | 'loadConversations'
  | 'getMessages'
  | 'sendMessage'
  | 'retryMessage'
  | 'discardMessage'
  | 'editMessage'
  | 'deleteMessage'
  | 'addReaction'
  | 'removeReaction'
  | 'setTyping'
  | 'markRead'
>;

type Mutation = 'message:edit' | 'message:delete' | 'reaction:add' | 'reaction:remove';

/** An outbox entry as the row it shows (in its thread, for a reply): at once, and again whenever its state changes. */
export function showPending(store: ChatStore, entry: OutboxEntry): void {
  const pending: PendingMessage = { ...entry, id: entry.clientId, seq: null };
  const { parentId } = entry;
  updateStore(store, (s) => (parentId === undefined ? applyPending(s, pending) : applyThreadPending(s, parentId, pending)));
}

function storedIn(timelines: Readonly<Record<string, MessageTimeline>>, index: MessageIndex, id: string) {
  const at = index.locate(id);
  const timeline = at && timelines[at.conversationId];
  return timeline ? findBySeq(timeline, at.seq) : undefined;
}

export function createCommands(deps: CommandDeps): Commands & { findMessage(id: string): DisplayMessage | undefined } {
  const { store, userId, request, report, sync, index, threadIndex, sender, typing, readReporter, arrived, now } = deps;
  const update = (fn: (s: ChatState) => Partial<ChatState>) => updateStore(store, fn);
  let lastCreatedAt = 0;

  /** A stored message by server id (indexed), or an unsent one by id or clientId; thread replies too. */
  function findMessage(id: string): DisplayMessage | undefined {
    const { messages, threads } = store.getState();
    const stored = storedIn(messages, index, id) ?? storedIn(threads, threadIndex, id);
    if (stored) return stored;
    for (const t of [...Object.values(messages), ...Object.values(threads)]) {
      for (const p of t.pending) if (p.id === id || p.clientId === id) return p;
    }
    return undefined;
  }

  async function mutate(event: Mutation, id: string, extra: { text?: string; emoji?: string }): Promise<Message> {
    const target = findMessage(id);
    if (!target || target.seq === null) throw new ChatError({ code: 'not_found', message: `No sent message with id "${id}"` });
    if ((event === 'message:edit' || event === 'message:delete') && target.authorId !== userId) {
      throw new ChatError({ code: 'forbidden', message: 'Only your own messages can be changed' });
    }
    const payload = { id: target.id, ...extra } as never;
    const { message } = await reported(request, report)(event, payload);
    acceptMessage(deps, message, false);
    return message;
  }

  return {
    findMessage,
    async loadConversations() {
      if (store.getState().conversationsStatus !== 'ready') store.setState({ conversationsStatus: 'loading' });
      try {
        const { conversations, users } = await request('conversations:list', {});
        update((s) => applyConversationList(s, conversations, users));
        // The list shows each conversation's newest message: it has reached this device.
        for (const c of conversations) if (c.lastMessage) arrived(c.id, [c.lastMessage]);
        // The list names each conversation's newest seq: pushes are kept from there on, and
        // one that is behind lost a push (the last of a burst has no successor to reveal the gap).
        for (const c of conversations) sync.catchUp(c.id, c.lastSeq);
      } catch (err) {
        if (store.getState().conversationsStatus !== 'ready') store.setState({ conversationsStatus: 'error' });
        throw toChatError(err);
      }
    },
    getMessages(id) {
      const t = store.getState().messages[id];
      return t ? timelineToArray(t) : [];
    },
    async sendMessage(conversationId, { text, attachments = [], replyTo, parentId, alsoInConversation, mentions }) {
      const textProblem = messageTextProblem(text, attachments.length);
      if (textProblem) throw new ChatError(textProblem);
      typing.stopTyping(conversationId);
      if (!sync.isOpen(conversationId)) sync.open(conversationId).catch(report);
      // Strictly increasing, so the outbox replays messages in the order they were typed.
      lastCreatedAt = Math.max(now(), lastCreatedAt + 1);
      const entry: OutboxEntry = {
        clientId: createClientId(),
        conversationId,
        authorId: userId,
        text,
        attachments,
        createdAt: lastCreatedAt,
        status: 'sending',
        ...(replyTo !== undefined ? { replyTo } : {}),
        ...(parentId !== undefined ? { parentId, ...(alsoInConversation ? { alsoInConversation } : {}) } : {}),
        ...(mentions && mentions.length > 0 ? { mentions: [...new Set(mentions)] } : {}),
      };
      showPending(store, entry);
      return sender.enqueue(entry);
    },
    async retryMessage(clientId) {
      const found = findMessage(clientId);
      if (!found || found.status !== 'failed') throw new ChatError({ code: 'not_found', message: 'No failed message to retry' });
      const { id: _id, seq: _seq, status: _status, error: _error, ...rest } = found;
      return sender.retry({ ...rest, status: 'sending' });
    },
    async discardMessage(clientId) {
      const found = findMessage(clientId);
      if (!found || found.seq !== null) throw new ChatError({ code: 'not_found', message: 'No unsent message with that id' });
      await sender.discard(clientId);
      const { parentId } = found;
      update((s) => (parentId === undefined ? dropPending(s, found.conversationId, clientId) : dropThreadPending(s, parentId, clientId)));
    },
    editMessage: (id, text) => mutate('message:edit', id, { text }),
    deleteMessage: (id) => mutate('message:delete', id, {}),
    addReaction: (id, emoji) => mutate('reaction:add', id, { emoji }),
    removeReaction: (id, emoji) => mutate('reaction:remove', id, { emoji }),
    setTyping(conversationId, isTyping) {
      if (isTyping) typing.keystroke(conversationId);
      else typing.stopTyping(conversationId);
    },
    markRead(conversationId, seq) {
      const conv = store.getState().conversations[conversationId];
      if (!conv) return;
      const target = Math.min(seq ?? conv.lastSeq, conv.lastSeq);
      if (target <= (conv.readSeqs[userId] ?? 0)) return;
      update((s) => applyRead(s, conversationId, userId, target));
      readReporter.reach(conversationId, target);
    },
  };
}
