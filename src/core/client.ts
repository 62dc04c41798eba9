/**
 * `createChatClient`: the kit's brain. Owns the store, speaks the protocol
 * through a `Transport`, and keeps the store true to the server: optimistic
 * sends through the outbox, ordered and de-duplicated delivery, resync after
 * every reconnect.
 */
import { exponentialDelay } from './backoff';
import { ConversationSync, toChatError } from './conversationSync';
import { Delivery, DEFAULT_RETRY, type RetryPolicy } from './delivery';
import { DELIVERED_DELAY_MS, newestFromOthers, PositionReporter } from './positionReporter';
import { Emitter } from './emitter';
import { ChatError, isRetryable, safeString } from './errors';
import { createInboundDispatcher } from './inbound';
import { findBySeq, timelineToArray } from './messageTimeline';
import { createDefaultOutbox } from './defaultOutbox';
import type { Outbox, OutboxEntry } from './outbox';
import { LIMITS, messageTextProblem, type Message } from './protocol';
import { createRequester } from './requests';
import { createChatStore, updateStore, type ChatState, type ChatStore } from './store';
import {
  applyConversationList,
  applyConversationUpdate,
  applyDelivered,
  applyPending,
  applyPresence,
  applyRead,
  applyTyping,
  dropPending,
  toChatMessage,
} from './storeUpdates';
import type { Transport, TransportStatus } from './transport';
import { InboundTyping, OutboundTyping, TYPING_EXPIRY_MS } from './typing';
import type { ConnectionState, DisplayMessage, NewMessage, PendingMessage } from './types';
import { createClientId } from './ids';
import { lazyUploads } from './lazyUploads';
import type { UploadFileOptions } from './uploads';
import type { UploadFileType } from './fileTypes';

export interface ChatClientOptions {
  transport: Transport;
  userId: string;
  /** Where unsent messages wait; defaults to IndexedDB where available, else memory. */
  outbox?: Outbox;
  /** How long to wait for an ack before treating a request as lost. */
  requestTimeoutMs?: number;
  /** How often to check, while connected, that nothing was missed (ms; 0 turns it off). */
  syncIntervalMs?: number;
  /** Messages per history page. */
  pageSize?: number;
  /** How long `delivered` reports are gathered before one request per conversation goes out (ms). */
  deliveredDelayMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injectable for deterministic tests. */
  now?: () => number;
  random?: () => number;
  /** Largest file `uploadFile` accepts, in bytes (default 10 MB). */
  maxUploadBytes?: number;
  /** File types `uploadFile` accepts (default: common images, PDF, plain text, Markdown, CSV). */
  uploadTypes?: readonly UploadFileType[];
}

export interface ChatClientEvents extends Record<string, unknown> {
  error: ChatError;
}

export interface ChatClient {
  readonly store: ChatStore;
  readonly userId: string;
  /** Connect and load the conversation list; rejects if the server refuses us. */
  connect(): Promise<void>;
  disconnect(): void;
  /** Skip the wait before the next reconnection attempt. */
  reconnectNow(): void;
  loadConversations(): Promise<void>;
  /** Load the latest page of a conversation (once). */
  openConversation(conversationId: string): Promise<void>;
  /** One older page into the store; resolves false at the start of the conversation. */
  loadOlder(conversationId: string): Promise<boolean>;
  /** Messages in display order, pending ones last. */
  getMessages(conversationId: string): DisplayMessage[];
  /** Optimistic: shows at once with status `sending`; resolves with the stored message. */
  sendMessage(conversationId: string, message: NewMessage): Promise<Message>;
  retryMessage(clientId: string): Promise<Message>;
  /** Delete a message that has not been sent (pending or failed). */
  discardMessage(clientId: string): Promise<void>;
  editMessage(id: string, text: string): Promise<Message>;
  deleteMessage(id: string): Promise<Message>;
  addReaction(id: string, emoji: string): Promise<Message>;
  removeReaction(id: string, emoji: string): Promise<Message>;
  /** Report a keystroke (throttled) or, with `false`, that the user stopped typing. */
  setTyping(conversationId: string, isTyping: boolean): void;
  /** Mark everything up to `seq` (default: the newest) as read. */
  markRead(conversationId: string, seq?: number): void;
  on<K extends keyof ChatClientEvents>(event: K, listener: (payload: ChatClientEvents[K]) => void): () => void;
  /**
   * Upload a file and post it as a message (through `sendMessage`). Progress and
   * failures show in `store.uploads`; resolves with the sent message.
   */
  uploadFile(conversationId: string, file: File | Blob, options?: UploadFileOptions): Promise<Message>;
  /** The URL to load an attachment from (the transport may add this user's credentials). */
  resolveAttachmentUrl(url: string): string;
  /** Stop an upload in flight and forget it; nothing is sent. */
  cancelUpload(uploadId: string): void;
  retryUpload(uploadId: string): Promise<Message>;
  /** Forget a failed upload. */
  dismissUpload(uploadId: string): void;
}

export function createChatClient(options: ChatClientOptions): ChatClient {
  const { transport, userId } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const store = createChatStore(userId);
  const emitter = new Emitter<ChatClientEvents>();
  const report = (error: ChatError) => emitter.emit('error', error);
  const request = createRequester(transport, options.requestTimeoutMs ?? 10_000, report);
  const outbox = options.outbox ?? createDefaultOutbox();
  const isOnline = () => store.getState().connection.state === 'online';
  const deliveredReporter = new PositionReporter({
    event: 'delivered',
    request,
    isOnline,
    knownSeq: (conversationId) => store.getState().conversations[conversationId]?.deliveredSeqs[userId] ?? 0,
    report,
    delayMs: options.deliveredDelayMs ?? DELIVERED_DELAY_MS,
    now,
  });
  /** Messages that reached this client: the newest one by someone else is delivered. */
  const arrived = (conversationId: string, messages: readonly Message[]) =>
    deliveredReporter.reach(conversationId, newestFromOthers(messages, userId));
  // Read positions go out at once. The store's own read position is raised
  // locally (and by our own sends), so it says nothing of what the server has.
  const readReporter = new PositionReporter({ event: 'read', request, isOnline, knownSeq: () => 0, report, delayMs: 0, now });
  const sync = new ConversationSync(
    store,
    request,
    Math.min(options.pageSize ?? 50, LIMITS.maxPageSize),
    report,
    // Whatever reached the store reached this device: that is what "delivered" means.
    arrived,
  );
  const setState = store.setState;
  const update = (fn: (s: ChatState) => Partial<ChatState>) => updateStore(store, fn);

  const showPending = (entry: OutboxEntry) => {
    const pending: PendingMessage = {
      id: entry.clientId,
      clientId: entry.clientId,
      conversationId: entry.conversationId,
      authorId: entry.authorId,
      seq: null,
      createdAt: entry.createdAt,
      text: entry.text,
      attachments: entry.attachments,
      status: entry.status,
      ...(entry.error ? { error: entry.error } : {}),
    };
    update((s) => applyPending(s, pending));
  };
  const delivery = new Delivery(
    request,
    outbox,
    {
      isOnline,
      random,
      onChanged: showPending,
      onDelivered: (entry, message) => sync.accept(entry.conversationId, [message], false) > 0,
      report,
    },
    { ...DEFAULT_RETRY, ...options.retry },
  );

  const outboundTyping = new OutboundTyping((conversationId, isTyping) => {
    if (!isOnline()) return;
    request('typing', { conversationId, isTyping }).catch(() => {
      // Typing is best effort: a lost frame expires on the other side.
    });
  }, now);
  const inboundTyping = new InboundTyping((conversationId, uid) => update((s) => applyTyping(s, conversationId, uid, null)));

  const dispatch = createInboundDispatcher(
    {
      'message:new': (m) => {
        if (m.authorId !== userId) {
          inboundTyping.stopped(m.conversationId, m.authorId);
          update((s) => applyTyping(s, m.conversationId, m.authorId, null));
        }
        sync.accept(m.conversationId, [m], true);
      },
      'message:updated': (m) => sync.accept(m.conversationId, [m], false),
      typing: ({ conversationId, userId: uid, isTyping }) => {
        if (uid === userId) return;
        if (isTyping) inboundTyping.started(conversationId, uid);
        else inboundTyping.stopped(conversationId, uid);
        update((s) => applyTyping(s, conversationId, uid, isTyping ? now() + TYPING_EXPIRY_MS : null));
      },
      read: ({ conversationId, userId: uid, seq }) => update((s) => applyRead(s, conversationId, uid, seq)),
      delivered: ({ conversationId, userId: uid, seq }) => update((s) => applyDelivered(s, conversationId, uid, seq)),
      presence: ({ userId: uid, online }) => update((s) => applyPresence(s, uid, online)),
      'conversation:updated': (c) => {
        update((s) => applyConversationUpdate(s, c));
        if (!c.memberIds.includes(userId)) return;
        if (c.lastMessage) arrived(c.id, [c.lastMessage]);
        // A conversation we just joined (or first hear of): its pushes are kept from here on.
        sync.follow(c.id, c.lastSeq);
      },
    },
    report,
  );


  let connectWaiters: { resolve: () => void; reject: (e: ChatError) => void }[] = [];
  let everOnline = false;
  let lastCreatedAt = 0;
  /** Unsent messages from an earlier page load, shown at once, even while offline. */
  let restoring: Promise<void> | null = null;
  const restoreOutbox = () =>
    (restoring ??= outbox
      .load(userId)
      .then((entries) => {
        for (const e of entries) showPending(e);
        delivery.restore(entries);
      })
      .catch((err: unknown) => report(new ChatError({ code: 'internal', message: `Could not read the outbox: ${safeString(err)}` }))));
  const unsubscribers: (() => void)[] = [];

  const onStatus = (status: TransportStatus) => {
    const connection = toConnectionState(status, everOnline);
    // Who is online is only known while connected: the server's presence burst
    // on reconnect names who is there, never who left meanwhile.
    setState(status.state === 'connected' ? { connection } : { connection, presence: {} });
    clearTimeout(syncTimer);
    if (status.state === 'connected') {
      everOnline = true;
      void afterConnect();
      scheduleSyncCheck();
    } else if (status.state === 'disconnected' && !status.willRetry) {
      const error = new ChatError(status.error ?? { code: 'disconnected', message: 'Disconnected' });
      for (const w of connectWaiters.splice(0)) w.reject(error);
      if (status.error) report(error);
    }
  };

  /**
   * While connected, re-read the conversation list now and then: it carries
   * unread counts and each conversation's newest seq, so a lost push is
   * noticed even when nothing else arrives after it.
   */
  let syncTimer: ReturnType<typeof setTimeout> | undefined;
  const syncIntervalMs = options.syncIntervalMs ?? 20_000;
  function scheduleSyncCheck(): void {
    clearTimeout(syncTimer);
    if (syncIntervalMs <= 0) return;
    syncTimer = setTimeout(() => {
      if (!isOnline()) return;
      loadConversations()
        .catch(() => {
          // Best effort: the next check or reconnect tries again.
        })
        .finally(scheduleSyncCheck);
    }, syncIntervalMs);
  }

  /** Bumped by every connect and disconnect: a retry loop of an earlier link stops. */
  let linkEpoch = 0;
  let listRetry: { timer: ReturnType<typeof setTimeout>; resolve: () => void } | undefined;
  const stopListRetry = () => {
    if (!listRetry) return;
    clearTimeout(listRetry.timer);
    listRetry.resolve();
    listRetry = undefined;
  };

  async function afterConnect(): Promise<void> {
    const epoch = ++linkEpoch;
    stopListRetry();
    await restoreOutbox();
    // The list carries unread counts and read receipts: a lost ack is retried
    // while the link stays up (a dropped link starts over on reconnect).
    for (let attempt = 0; ; attempt++) {
      try {
        await loadConversations();
        for (const w of connectWaiters.splice(0)) w.resolve();
        readReporter.resume();
        deliveredReporter.resume();
        uploads.resume();
        break;
      } catch (err) {
        const error = toChatError(err);
        if (error.code === 'disconnected' || !isOnline()) return;
        // connect() settles now, with the reason; the list keeps retrying behind it.
        report(error);
        for (const w of connectWaiters.splice(0)) w.reject(error);
        if (!isRetryable(error.code)) break;
        await new Promise<void>((resolve) => {
          listRetry = { timer: setTimeout(resolve, exponentialDelay(attempt, { baseMs: 500, maxMs: 10_000 })), resolve };
        });
        listRetry = undefined;
        if (epoch !== linkEpoch || !isOnline()) return;
      }
    }
    sync.resyncAll();
    delivery.pump();
  }

  async function loadConversations(): Promise<void> {
    if (store.getState().conversationsStatus !== 'ready') setState({ conversationsStatus: 'loading' });
    try {
      const { conversations, users } = await request('conversations:list', {});
      update((s) => applyConversationList(s, conversations, users));
      // The list shows each conversation's newest message: it has reached this device.
      for (const c of conversations) if (c.lastMessage) arrived(c.id, [c.lastMessage]);
      // The list names each conversation's newest seq: pushes are kept from there on, and
      // one that is behind lost a push (the last of a burst has no successor to reveal the gap).
      for (const c of conversations) sync.catchUp(c.id, c.lastSeq);
    } catch (err) {
      if (store.getState().conversationsStatus !== 'ready') setState({ conversationsStatus: 'error' });
      throw toChatError(err);
    }
  }

  /** A stored message by server id (indexed), or an unsent one by id or clientId. */
  function findMessage(id: string): DisplayMessage | undefined {
    const { messages } = store.getState();
    const at = sync.locate(id);
    const stored = at && messages[at.conversationId] ? findBySeq(messages[at.conversationId]!, at.seq) : undefined;
    if (stored) return stored;
    for (const t of Object.values(messages)) {
      for (const p of t.pending) if (p.id === id || p.clientId === id) return p;
    }
    return undefined;
  }

  async function mutate(
    event: 'message:edit' | 'message:delete' | 'reaction:add' | 'reaction:remove',
    id: string,
    extra: { text?: string; emoji?: string },
  ): Promise<Message> {
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
      // Also through the error event: the UI calls these from click handlers.
      // (A malformed ack has been reported by the requester already.)
      const chatError = toChatError(error);
      if (chatError.code !== 'invalid_payload') report(chatError);
      throw chatError;
    }
    sync.accept(message.conversationId, [message], false);
    return message;
  }

  // Its code arrives with the first upload (see lazyUploads).
  const uploads = lazyUploads({
    store,
    transport,
    report,
    send: (conversationId, message) => client.sendMessage(conversationId, message),
    isOnline,
    policy: {
      ...(options.maxUploadBytes !== undefined ? { maxBytes: options.maxUploadBytes } : {}),
      ...(options.uploadTypes ? { types: options.uploadTypes } : {}),
    },
  });

  const client: ChatClient = {
    store,
    userId,
    connect() {
      const ready = new Promise<void>((resolve, reject) => connectWaiters.push({ resolve, reject }));
      if (unsubscribers.length === 0) {
        unsubscribers.push(transport.onStatus(onStatus), transport.onEvent(dispatch));
      }
      // connect() after disconnect(): the senders stopped there start again.
      delivery.revive();
      readReporter.revive();
      deliveredReporter.revive();
      void restoreOutbox();
      transport.connect();
      if (transport.status.state === 'connected' && store.getState().conversationsStatus === 'ready') {
        for (const w of connectWaiters.splice(0)) w.resolve();
      }
      return ready;
    },
    disconnect() {
      clearTimeout(syncTimer);
      linkEpoch++;
      stopListRetry();
      transport.disconnect();
      for (const u of unsubscribers.splice(0)) u();
      setState({ connection: { state: 'offline' } });
      delivery.dispose();
      uploads.pause();
      readReporter.dispose();
      deliveredReporter.dispose();
      sync.dispose();
      outboundTyping.dispose();
      inboundTyping.dispose();
      connectWaiters = [];
    },
    reconnectNow: () => transport.reconnectNow(),
    loadConversations,
    openConversation: (id) => sync.open(id),
    loadOlder: (id) => sync.loadOlder(id),
    getMessages(id) {
      const t = store.getState().messages[id];
      return t ? timelineToArray(t) : [];
    },
    async sendMessage(conversationId, { text, attachments = [] }) {
      const textProblem = messageTextProblem(text, attachments.length);
      if (textProblem) throw new ChatError(textProblem);
      outboundTyping.stop(conversationId);
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
      showPending(entry);
      return delivery.enqueue(entry);
    },
    async retryMessage(clientId) {
      const found = findMessage(clientId);
      if (!found || found.status !== 'failed') throw new ChatError({ code: 'not_found', message: 'No failed message to retry' });
      const { id: _id, seq: _seq, status: _status, error: _error, ...rest } = found;
      return delivery.retry({ ...rest, status: 'sending' });
    },
    async discardMessage(clientId) {
      const found = findMessage(clientId);
      if (!found || found.seq !== null) throw new ChatError({ code: 'not_found', message: 'No unsent message with that id' });
      await delivery.discard(clientId);
      update((s) => dropPending(s, found.conversationId, clientId));
    },
    editMessage: (id, text) => mutate('message:edit', id, { text }),
    deleteMessage: (id) => mutate('message:delete', id, {}),
    addReaction: (id, emoji) => mutate('reaction:add', id, { emoji }),
    removeReaction: (id, emoji) => mutate('reaction:remove', id, { emoji }),
    setTyping(conversationId, isTyping) {
      if (isTyping) outboundTyping.keystroke(conversationId);
      else outboundTyping.stop(conversationId);
    },
    markRead(conversationId, seq) {
      const conv = store.getState().conversations[conversationId];
      if (!conv) return;
      const target = Math.min(seq ?? conv.lastSeq, conv.lastSeq);
      if (target <= (conv.readSeqs[userId] ?? 0)) return;
      update((s) => applyRead(s, conversationId, userId, target));
      readReporter.reach(conversationId, target);
    },
    on: (event, listener) => emitter.on(event, listener),
    uploadFile: (conversationId, file, uploadOptions) => uploads.upload(conversationId, file, uploadOptions),
    resolveAttachmentUrl: (url) => transport.resolveUrl?.(url) ?? url,
    cancelUpload: (id) => uploads.cancel(id),
    retryUpload: (id) => uploads.retry(id),
    dismissUpload: (id) => uploads.dismiss(id),
  };
  return client;
}

function toConnectionState(status: TransportStatus, everOnline: boolean): ConnectionState {
  switch (status.state) {
    case 'connecting':
      return { state: everOnline ? 'reconnecting' : 'connecting' };
    case 'connected':
      return { state: 'online' };
    case 'disconnected':
      if (!status.willRetry) return { state: 'offline', ...(status.error ? { error: status.error } : {}) };
      return {
        state: 'reconnecting',
        ...(status.nextRetryAt !== undefined ? { nextRetryAt: status.nextRetryAt } : {}),
        ...(status.error ? { error: status.error } : {}),
      };
  }
}

export { toChatMessage };
