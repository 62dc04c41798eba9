/**
 * The client's commands: what a user does (send, retry, discard, edit,
 * delete, react, type, read) and the conversation list, each checked on the
 * client first and then handed to the engine that owns it.
 */
import type { ChatClient } from './client';
import type { OutboxSender } from './outboxSender';
import { ChatError, toChatError } from './errors';
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
import type { DisplayMessage, PendingMessage } from './types';

/** Everything the push handlers act on, and the engines that only a user's command reaches. */
export interface CommandDeps extends PushHandlerDeps {
  readonly request: Requester;
  readonly report: (error: ChatError) => void;
  readonly index: MessageIndex;
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

/**
 * A malformed ack: the requester reported it already (requests.ts), so it is not reported twice.
 * Told apart from a server's `invalid_payload` refusal by the requester's wording, the only mark it has.
 */
function reportedByRequester(error: ChatError): boolean {
  return error.code === 'invalid_payload' && error.message.startsWith('Malformed ack for ');
}

/** An outbox entry as the row it shows: at once, and again whenever its state changes. */
export function showPending(store: ChatStore, entry: OutboxEntry): void {
  const pending: PendingMessage = { ...entry, id: entry.clientId, seq: null };
  updateStore(store, (s) => applyPending(s, pending));
}

export function createCommands(deps: CommandDeps): Commands {
  const { store, userId, request, report, sync, index, sender, typing, readReporter, arrived, now } = deps;
  const update = (fn: (s: ChatState) => Partial<ChatState>) => updateStore(store, fn);
  let lastCreatedAt = 0;

  /** A stored message by server id (indexed), or an unsent one by id or clientId. */
  function findMessage(id: string): DisplayMessage | undefined {
    const { messages } = store.getState();
    const at = index.locate(id);
    const stored = at && messages[at.conversationId] ? findBySeq(messages[at.conversationId]!, at.seq) : undefined;
    if (stored) return stored;
    for (const t of Object.values(messages)) {
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
    let message: Message;
    try {
      ({ message } = await request(event, payload));
    } catch (error) {
      // Also through the error event: the UI calls these from click handlers and drops the promise.
      // The server's own refusal is reported whatever its code (`invalid_payload` included).
      const chatError = toChatError(error);
      if (!reportedByRequester(chatError)) report(chatError);
      throw chatError;
    }
    sync.accept(message.conversationId, [message], false);
    return message;
  }

  return {
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
    async sendMessage(conversationId, { text, attachments = [] }) {
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
      update((s) => dropPending(s, found.conversationId, clientId));
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
