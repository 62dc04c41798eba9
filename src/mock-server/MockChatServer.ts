/**
 * The mock chat server's domain: seeded data, the request rules, a bot, and
 * the faults a server can cause (cuts, restarts), in plain TypeScript so it
 * runs in the browser (Storybook, tests) and in Node. It knows no transport:
 * connections come in through its session port (attach / handleRequest /
 * detach, and upload), which memoryAdapter.ts turns into memory transports
 * and node/socketGateway.ts into socket.io sockets.
 */
import type { Conversation, Message, User } from '../core/protocol';
import {
  addMember,
  createConversation,
  createUser,
  issueToken,
  postSystemMessage,
  removeMember,
  revokeToken,
  type NewConversation,
  type NewUser,
} from './admin';
import { authenticate, type AuthResult, type Credentials } from './auth';
import { createBot, type Bot } from './bot';
import { appendMessage, postMessage, pushTyping, type ServerContext } from './messaging';
import { attachSession, detachSession, dropSessions, dropTokenSessions, type AttachResult } from './presence';
import { setReadPosition } from './readPositions';
import { createLinkPreviews, type LinkPreviewOptions } from './previews/createLinkPreviews';
import { SearchIndex } from './searchIndex';
import { threadReplies } from './threadRoots';
import { handleRequest, type ServerAck } from './requestHandlers';
import { BOT_ID, buildSeedConversations, SEED_USERS } from './seed';
import { SessionRegistry } from './sessions';
import { ServerData, type ConversationRecord } from './state';
import { DEFAULT_TOKEN_TTL_MS } from './tokens';
import type { ServerSession, SessionCallbacks } from './types';
import type { RegisteredUpload } from './uploadRegistry';
import { UploadEndpoint, type StoredUpload, type UploadAck, type UploadCallOptions, type UploadInput } from './uploads';
import { visibleConversation } from './visibility';
import { toWireConversation, toWireMessage } from './wire';

export interface MockServerCoreOptions extends LinkPreviewOptions {
  /** Varies the generated history; same seed, same data. Default `'demo'`; `'empty'`: the same users and conversations, no messages. */
  seed?: string;
  /** How long the bot "types" before replying. Default 1200 ms. */
  botDelayMs?: number;
  /** Clock for live messages (createdAt, editedAt, deletedAt). Default `Date.now`. */
  now?: () => number;
  /** Largest upload accepted, in bytes (default 10 MB); bigger ones are refused with `too_large`. */
  maxUploadBytes?: number;
  /** How long a file URL from `attachment:url` works (default 10 minutes; the Node server signs them per viewer). */
  fileUrlTtlMs?: number;
  /** How long an issued token works (default 1 h); at expiry its connections close and handshakes get `token_expired`. */
  tokenTtlMs?: number;
  /** Whether `<id>-token` works for the six seeded users (default true; never for users created later). */
  demoTokens?: boolean;
}

export type { HistoryMessage, LiveMessage } from './postedMessages';
import type { HistoryMessage, LiveMessage } from './postedMessages';

/** How a connection of any kind reaches the server: what transports and server wrappers use. */
export interface SessionPort {
  /** Opens a session for these credentials; `callbacks` receive its pushes and its end. */
  attach(credentials: Credentials, callbacks: SessionCallbacks): AttachResult;
  /** The connection closed; unknown or already closed sessions are ignored. */
  detach(session: ServerSession): void;
  /** Validates and answers one request; never throws. */
  handleRequest(session: ServerSession, event: string, payload: unknown): ServerAck;
  /**
   * `POST /uploads`: authenticates by token (like an HTTP request, independent of any
   * socket), checks membership, size and the type by content. Never throws.
   */
  upload(credentials: Credentials, input: UploadInput, options?: UploadCallOptions): Promise<UploadAck>;
}

export interface MockChatServerCore extends SessionPort {
  readonly seed: string;

  authenticate(credentials: Credentials): AuthResult;
  /** Whether the user may see the conversation (visibility.ts); what they may not see answers `not_found`. */
  isMember(conversationId: string, userId: string): boolean;
  /** A file stored by `upload`, for a wrapper that serves the files over HTTP. */
  uploadedFile(id: string): StoredUpload | undefined;
  /** Records a file another endpoint stored (the Node server's), so messages may attach it by id; returns how to forget it. */
  registerUpload(upload: RegisteredUpload): () => void;
  /** Whether the user may download a stored file: by its message's conversation, or a forwarded copy's (uploadRegistry.ts). */
  mayDownload(uploadId: string, userId: string): boolean;

  // Data, for tests, stories and benchmarks.
  users(): User[];
  /** A conversation as `viewerId` sees it (title, unreadCount); without a viewer unreadCount is 0. */
  conversation(id: string, viewerId?: string): Conversation | undefined;
  conversations(viewerId?: string): Conversation[];
  /** The whole log in seq order (lazy history is computed on the way). */
  messages(conversationId: string): Message[];
  /** A thread's replies in thread seq order (empty when nobody replied; throws for an unknown root). */
  threadMessages(rootId: string): Message[];
  /** Reads up to `budget` more seeded messages into the search index; true once all are (see SearchIndex.warm). */
  warmSearch(budget: number): boolean;
  /** Appends history without pushing anything to clients (they catch up via seq gaps). */
  addMessages(conversationId: string, messages: readonly HistoryMessage[]): { firstSeq: number; lastSeq: number };
  /** Posts as if `authorId` sent it live: stored, pushed to members, answered by the bot. */
  postMessage(conversationId: string, message: LiveMessage): Message;
  setTyping(conversationId: string, userId: string, isTyping: boolean): void;
  /** Moves a member's read position forward to `seq` (as their own `read` would) and pushes it; returns the position. */
  setReadPosition(conversationId: string, userId: string, seq: number): number;

  // Platform administration (the admin REST API of `parley/mock-server/node`; stories may use
  // it too). Refusals throw a `MockServerError` with a `code`: invalid_payload, not_found, conflict.
  /** Adds a user; they connect with a token from `issueToken` (bots cannot connect). */
  createUser(user: NewUser): User;
  /** A fresh random token for the user (each call another; they may hold several), expiring after `tokenTtlMs`. */
  issueToken(userId: string): string;
  /** When an issued token expires (epoch ms); undefined for unknown, revoked and demo tokens. */
  tokenExpiresAt(token: string): number | undefined;
  /** Ends one of the user's tokens and closes the connections opened with it; unknown: `not_found`. */
  revokeToken(userId: string, token: string): void;
  /** Creates a conversation and pushes `conversation:updated` to its connected members. */
  createConversation(conversation: NewConversation): Conversation;
  /** Adds a member (history counts as read for them) and pushes `conversation:updated` to all members. */
  addMember(conversationId: string, userId: string): Conversation;
  /**
   * Removes a member at once: their next request for it is refused (`not_found`) and their
   * connected sessions get `conversation:updated` without them as member.
   */
  removeMember(conversationId: string, userId: string): Conversation;
  /** Posts a server notice (kind 'system', author 'system' unless given), pushed live. */
  postSystemMessage(conversationId: string, text: string, options?: { authorId?: string }): Message;

  // Faults a server can cause (network conditions are the memory transports': see memoryAdapter.ts).
  /** `false` cuts the user's connections both ways and refuses reconnection until `true`. */
  setOnline(userId: string, online: boolean): void;
  /** Whether the user has at least one attached session. */
  isConnected(userId: string): boolean;
  /** Drops every connection; data survives; clients reconnect by themselves. */
  restart(): void;
  /** Drops every connection for good and clears all timers. */
  dispose(): void;
}

export function createMockServerCore(options: MockServerCoreOptions = {}): MockChatServerCore {
  const seed = options.seed ?? 'demo';
  const now = options.now ?? Date.now;
  const cut = new Set<string>();
  let disposed = false;

  const tokenTtlMs = options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  if (!(tokenTtlMs > 0 && Number.isFinite(tokenTtlMs))) throw new Error('tokenTtlMs must be a positive number of milliseconds');
  const state = new ServerData(SEED_USERS, buildSeedConversations(seed), {
    ttlMs: tokenTtlMs,
    demoUserIds: new Set(options.demoTokens === false ? [] : SEED_USERS.filter((u) => !u.isBot).map((u) => u.id)),
    now,
    onExpired: (token) => dropTokenSessions(ctx, token, { retry: true, error: { code: 'token_expired', message: 'This token expired' } }),
  });
  const uploads = new UploadEndpoint({
    state,
    authenticate: (credentials) => server.authenticate(credentials),
    isDisposed: () => disposed,
    ...(options.maxUploadBytes !== undefined ? { maxBytes: options.maxUploadBytes } : {}),
    ...(options.fileUrlTtlMs !== undefined ? { fileUrlTtlMs: options.fileUrlTtlMs } : {}),
  });
  const ctx: ServerContext = {
    state,
    uploads: uploads.registry,
    sessions: new SessionRegistry(),
    now,
    search: new SearchIndex(),
    onPosted: (conversation, message) => {
      bot.onPosted(conversation, message);
      ctx.previews.posted(message);
    },
    previews: createLinkPreviews(options, uploads.registry, () => ctx),
  };
  const bot: Bot = createBot(ctx, { botId: BOT_ID, delayMs: options.botDelayMs ?? 1200, seed });
  const presence = {
    alwaysOnline: new Set(SEED_USERS.filter((u) => u.isBot).map((u) => u.id)),
    isCut: (userId: string) => cut.has(userId),
    isDisposed: () => disposed,
  };

  function requireConversation(id: string): ConversationRecord {
    const conversation = state.conversation(id);
    if (!conversation) throw new Error(`Unknown conversation "${id}"`);
    return conversation;
  }

  function requireMember(conversation: ConversationRecord, userId: string): void {
    if (!conversation.members.has(userId)) throw new Error(`User "${userId}" is not a member of conversation "${conversation.id}"`);
  }

  const isOnline = (userId: string) => presence.alwaysOnline.has(userId) || ctx.sessions.isOnline(userId);

  const server: MockChatServerCore = {
    seed,

    authenticate: (credentials) => authenticate(state.users, credentials, state.tokens),
    attach: (credentials, callbacks) => attachSession(ctx, presence, credentials, callbacks),
    detach: (session) => detachSession(ctx, session),

    handleRequest(session, event, payload) {
      if (disposed || !ctx.sessions.isOpen(session)) {
        return { ok: false, error: { code: 'disconnected', message: 'This session is closed' } };
      }
      return handleRequest(ctx, session, event, payload);
    },

    upload: (credentials, input, callOptions) => uploads.handle(credentials, input, callOptions),
    uploadedFile: (id) => uploads.file(id),
    registerUpload: (upload) => uploads.registry.add(upload),
    mayDownload: (uploadId, userId) =>
      uploads.registry.mayDownload(uploadId, (conversationId) => visibleConversation(state, userId, conversationId) !== undefined),

    isMember: (conversationId, userId) => visibleConversation(state, userId, conversationId) !== undefined,

    users: () => [...state.users.values()].map((u) => ({ ...u })),

    conversation(id, viewerId) {
      const record = state.conversation(id);
      return record ? toWireConversation(record, viewerId, state.users) : undefined;
    },

    conversations(viewerId) {
      const records = viewerId === undefined ? [...state.conversations.values()] : state.conversationsOf(viewerId);
      return records
        .sort((a, b) => b.updatedAt - a.updatedAt)
        .map((record) => toWireConversation(record, viewerId, state.users));
    },

    messages(conversationId) {
      const { log } = requireConversation(conversationId);
      return log.range(1, log.lastSeq).map(toWireMessage);
    },

    threadMessages: (rootId) => threadReplies(state, rootId).map(toWireMessage),
    // `every` stops at the first conversation not read whole yet: the budget goes to one at a time.
    warmSearch: (budget) => [...state.conversations.values()].every((c) => ctx.search.warm(c, budget)),

    addMessages(conversationId, messages) {
      const conversation = requireConversation(conversationId);
      const firstSeq = conversation.log.lastSeq + 1;
      for (const message of messages) appendMessage(ctx, conversation, message);
      return { firstSeq, lastSeq: conversation.log.lastSeq };
    },

    postMessage(conversationId, message) {
      const conversation = requireConversation(conversationId);
      requireMember(conversation, message.authorId);
      return toWireMessage(postMessage(ctx, conversation, message).message);
    },

    setTyping(conversationId, userId, isTyping) {
      const conversation = requireConversation(conversationId);
      requireMember(conversation, userId);
      pushTyping(ctx, conversation, userId, isTyping);
    },

    setReadPosition: (conversationId, userId, seq) => setReadPosition(ctx, conversationId, userId, seq),

    createUser(user) {
      const created = createUser(ctx, user);
      if (created.isBot) presence.alwaysOnline.add(created.id);
      return created;
    },

    issueToken: (userId) => issueToken(ctx, userId).token,
    tokenExpiresAt: (token) => state.tokens.expiresAt(token),
    revokeToken: (userId, token) => revokeToken(ctx, userId, token),

    createConversation: (conversation) => toWireConversation(createConversation(ctx, conversation, isOnline), undefined, state.users),
    addMember: (conversationId, userId) => toWireConversation(addMember(ctx, conversationId, userId, isOnline), undefined, state.users),
    removeMember: (conversationId, userId) => toWireConversation(removeMember(ctx, conversationId, userId), undefined, state.users),
    postSystemMessage: (conversationId, text, options) => toWireMessage(postSystemMessage(ctx, conversationId, text, options?.authorId)),

    setOnline(userId, online) {
      if (online) {
        cut.delete(userId);
        return;
      }
      cut.add(userId);
      dropSessions(ctx, userId, { retry: true, error: { code: 'disconnected', message: `Network cut for user "${userId}"` } });
    },

    isConnected: (userId) => ctx.sessions.isOnline(userId),

    restart() {
      // Like a process restart: connections and timers go, stored data stays.
      bot.reset();
      dropSessions(ctx, null, { retry: true, error: { code: 'disconnected', message: 'The mock server restarted' } });
    },

    dispose() {
      disposed = true;
      ctx.previews.dispose();
      uploads.dispose();
      state.tokens.dispose();
      bot.reset();
      dropSessions(ctx, null, { retry: false, error: { code: 'disconnected', message: 'The mock server was disposed' } });
    },
  };
  return server;
}
