/**
 * `createChatClient`: the kit's brain, as wiring. It makes the store, the
 * engines (sending through the outbox, position reports, conversation sync,
 * typing, uploads), the handlers of server pushes and the commands, and hands
 * the engines to the connection, which drives them all through one lifecycle.
 */
import { createAttachmentUrls } from './attachmentUrls';
import { createCommands, showPending } from './commands';
import { Connection } from './connection';
import { ConversationSync } from './conversationSync';
import { DEFAULT_RETRY, OutboxSender, type RetryPolicy } from './outboxSender';
import { Emitter } from './emitter';
import type { ChatError } from './errors';
import type { UploadFileType } from './fileTypes';
import { createInboundDispatcher } from './inbound';
import { createDefaultOutbox } from './defaultOutbox';
import { lazyUploads } from './lazyUploads';
import { MessageIndex } from './messageIndex';
import type { Outbox } from './outbox';
import { DELIVERED_DELAY_MS, newestFromOthers, PositionReporter } from './positionReporter';
import { LIMITS, type Attachment, type Message } from './protocol';
import { acceptMessage, createPushHandlers } from './pushHandlers';
import { createDepthCommands } from './depthCommands';
import { createThreadStream } from './threadStream';
import { createRequester } from './requests';
import { createChatStore, updateStore, type ChatStore } from './store';
import { applyTyping } from './storeUpdates';
import type { Transport } from './transport';
import { Typing } from './typing';
import type { DisplayMessage, NewMessage, SearchQuery, SearchResults } from './types';
import type { UploadFileOptions } from './uploads';

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
  /**
   * A URL to show an attachment from, issued by the server for this user (it may expire);
   * `fresh` asks for a new one (the last one failed to load).
   */
  attachmentUrl(attachment: Pick<Attachment, 'id' | 'url'>, options?: { fresh?: boolean }): Promise<string>;
  /** Stop an upload in flight and forget it; nothing is sent. */
  cancelUpload(uploadId: string): void;
  retryUpload(uploadId: string): Promise<Message>;
  /** Forget a failed upload. */
  dismissUpload(uploadId: string): void;
  /** Load a thread's root and latest replies (once); its replies are kept in sync from then on. */
  openThread(rootId: string): Promise<void>;
  /** One older page of a thread's replies; resolves false at its start. */
  loadOlderThread(rootId: string): Promise<boolean>;
  /** A thread's replies in order (thread seq), pending ones last; the root is `store.threadRoots[rootId]`. */
  getThreadMessages(rootId: string): DisplayMessage[];
  /** Mark a thread read up to thread seq `seq` (default: its newest reply). */
  markThreadRead(rootId: string, seq?: number): void;
  /** Pin a message in its conversation (any member may; the server decides). */
  pinMessage(id: string): Promise<void>;
  /** Unpin it (the pinner, the author or an admin may; the server decides). */
  unpinMessage(id: string): Promise<void>;
  /** Copy a message into another conversation of ours; resolves with the new message. */
  forwardMessage(id: string, conversationId: string): Promise<Message>;
  /** Server-side search of the user's conversations, newest first, paged by cursor. */
  searchMessages(query: SearchQuery): Promise<SearchResults>;
  /** Take the link preview off one's own message (optimistic; an edit does not bring it back). */
  removePreview(id: string): Promise<Message>;
}

export function createChatClient(options: ChatClientOptions): ChatClient {
  const { transport, userId } = options;
  const now = options.now ?? Date.now;
  const store = createChatStore(userId);
  const emitter = new Emitter<ChatClientEvents>();
  const report = (error: ChatError) => emitter.emit('error', error);
  const request = createRequester(transport, options.requestTimeoutMs ?? 10_000, report);
  const attachmentUrls = createAttachmentUrls({ request, resolve: (url) => transport.resolveUrl?.(url) ?? url, now: Date.now });
  const isOnline = () => store.getState().connection.state === 'online';
  const index = new MessageIndex(report);
  const threadIndex = new MessageIndex(report, (m) => m.parentId);

  const deliveredReporter = new PositionReporter({
    event: 'delivered',
    request,
    isOnline,
    knownSeq: (conversationId) => store.getState().conversations[conversationId]?.deliveredSeqs[userId] ?? 0,
    report,
    delayMs: options.deliveredDelayMs ?? DELIVERED_DELAY_MS,
    now,
  });
  // Read positions go out at once. The store's own read position is raised
  // locally (and by our own sends), so it says nothing of what the server has.
  const readReporter = new PositionReporter({ event: 'read', request, isOnline, knownSeq: () => 0, report, delayMs: 0, now });
  const threadReadReporter = new PositionReporter({ event: 'thread:read', request, isOnline, knownSeq: () => 0, report, delayMs: 0, now });
  /** Whatever reached the store reached this device: the newest message by someone else is delivered. */
  const arrived = (conversationId: string, messages: readonly Message[]) =>
    deliveredReporter.reach(conversationId, newestFromOthers(messages, userId));
  const sync = new ConversationSync({
    store,
    request,
    pageSize: Math.min(options.pageSize ?? 50, LIMITS.maxPageSize),
    report,
    index,
    onAdmitted: arrived,
  });
  const threadSync = new ConversationSync({
    store,
    request,
    pageSize: Math.min(options.pageSize ?? 50, LIMITS.maxPageSize),
    report,
    index: threadIndex,
    // Thread seqs are not the conversation's: delivery is reported for conversations only.
    onAdmitted: () => {},
    stream: createThreadStream((root) => updateStore(store, (s) => ({ threadRoots: { ...s.threadRoots, [root.id]: root } }))),
  });
  const sender = new OutboxSender(
    request,
    options.outbox ?? createDefaultOutbox(),
    {
      userId,
      isOnline,
      random: options.random ?? Math.random,
      onChanged: (entry) => showPending(store, entry),
      onStored: (_entry, message) => acceptMessage({ store, sync, threadSync }, message, false) > 0,
      report,
    },
    { ...DEFAULT_RETRY, ...options.retry },
  );
  const typing = new Typing({
    send: (conversationId, isTyping) => {
      if (!isOnline()) return;
      request('typing', { conversationId, isTyping }).catch(() => {
        // Typing is best effort: a lost frame expires on the other side.
      });
    },
    expire: (conversationId, uid) => updateStore(store, (s) => applyTyping(s, conversationId, uid, null)),
    now,
  });
  const { findMessage, ...commands } = createCommands({
    store,
    userId,
    request,
    report,
    sync,
    threadSync,
    index,
    threadIndex,
    sender,
    typing,
    readReporter,
    arrived,
    now,
  });
  const depth = createDepthCommands({ store, request, report, sync, threadSync, threadReadReporter, findMessage });
  // Its code arrives with the first upload (see lazyUploads).
  const uploads = lazyUploads({
    store,
    transport,
    report,
    send: (conversationId, message) => commands.sendMessage(conversationId, message),
    isOnline,
    policy: {
      ...(options.maxUploadBytes !== undefined ? { maxBytes: options.maxUploadBytes } : {}),
      ...(options.uploadTypes ? { types: options.uploadTypes } : {}),
    },
  });
  const connection = new Connection({
    transport,
    store,
    // online() in this order: positions and uploads first, then the resync, then the outbox.
    engines: [readReporter, deliveredReporter, threadReadReporter, uploads, sync, threadSync, sender, typing],
    loadConversations: commands.loadConversations,
    onPush: createInboundDispatcher(createPushHandlers({ store, userId, sync, threadSync, typing, arrived, now }), report),
    report,
    checkIntervalMs: options.syncIntervalMs ?? 20_000,
  });

  return {
    store,
    userId,
    connect: () => connection.connect(),
    disconnect: () => connection.disconnect(),
    reconnectNow: () => transport.reconnectNow(),
    openConversation: (id) => sync.open(id),
    loadOlder: (id) => sync.loadOlder(id),
    ...commands,
    ...depth,
    on: (event, listener) => emitter.on(event, listener),
    uploadFile: (conversationId, file, uploadOptions) => uploads.upload(conversationId, file, uploadOptions),
    resolveAttachmentUrl: (url) => transport.resolveUrl?.(url) ?? url,
    attachmentUrl: (attachment, urlOptions) => attachmentUrls.url(attachment, urlOptions),
    cancelUpload: (id) => uploads.cancel(id),
    retryUpload: (id) => uploads.retry(id),
    dismissUpload: (id) => uploads.dismiss(id),
  };
}
