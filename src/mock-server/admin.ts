/**
 * The server half of a chat platform: creating users and conversations,
 * issuing tokens, changing members, posting system notices. Browser-safe
 * (stories may use it too); `parley/mock-server/node` puts it behind a REST
 * API with an admin key. Membership changes take effect at once: request
 * handlers read `conversation.members` on every request, and connected members
 * (including a removed one) get `conversation:updated` right away.
 */
import { isUnsafeKey, LIMITS, messageTextProblem, type ConversationKind, type User } from '../core/protocol';
import { postMessage, type ServerContext } from './messaging';
import { dropTokenSessions } from './presence';
import type { ConversationRecord } from './state';
import { randomHex, type IssuedToken } from './tokens';
import type { StoredMessage } from './types';
import { toWireConversation } from './wire';

/** Why an admin call was refused; the REST layer maps `code` to an HTTP status. */
export type MockServerErrorCode = 'invalid_payload' | 'not_found' | 'conflict' | 'too_large';

export class MockServerError extends Error {
  constructor(
    readonly code: MockServerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MockServerError';
  }
}

export interface NewUser {
  id: string;
  name: string;
  /** A CSS colour behind the initials avatar. */
  color?: string;
  /** Bots cannot connect; they post through `postMessage` (REST: kind 'user'). */
  isBot?: boolean;
}

export interface NewConversation {
  /** Made up (`c-<random>`) when absent. */
  id?: string;
  kind: ConversationKind;
  /** For a direct conversation each member sees the other's name; '' is fine there. */
  title: string;
  memberIds: readonly string[];
}

/**
 * Ids made at run time end up in URLs (`/admin/conversations/:id`) and in
 * message ids (`m_<conversationId>_<seq>`), so they are kept URL-safe.
 */
export const ADMIN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export const SYSTEM_AUTHOR_ID = 'system';

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

function checkId(id: unknown, what: string): string {
  if (typeof id !== 'string' || !ADMIN_ID_PATTERN.test(id) || isUnsafeKey(id)) {
    throw new MockServerError(
      'invalid_payload',
      `${what} id must be 1–100 letters, digits, ".", "_" or "-", starting with a letter or digit`,
    );
  }
  return id;
}

function checkText(text: unknown, what: string, max: number, allowEmpty: boolean): string {
  if (typeof text !== 'string' || text.length > max || (!allowEmpty && text.trim() === '')) {
    throw new MockServerError('invalid_payload', `${what} must be ${allowEmpty ? 'a' : 'a non-empty'} string of at most ${max} characters`);
  }
  return text;
}

export function requireConversation(ctx: ServerContext, id: string): ConversationRecord {
  const conversation = ctx.state.conversation(id);
  if (!conversation) throw new MockServerError('not_found', `Unknown conversation ${quote(id)}`);
  return conversation;
}

function requireUser(ctx: ServerContext, id: string): User {
  const user = ctx.state.users.get(id);
  if (!user) throw new MockServerError('not_found', `Unknown user ${quote(id)}`);
  return user;
}

/** Each member's own view of the conversation (titles and unread counts differ per viewer). */
function pushConversation(ctx: ServerContext, conversation: ConversationRecord, userIds: Iterable<string>): void {
  for (const userId of userIds) {
    ctx.sessions.send([userId], 'conversation:updated', toWireConversation(conversation, userId, ctx.state.users));
  }
}

/** Tells new contacts about each other's presence (who is online right now). */
function introduce(
  ctx: ServerContext,
  conversation: ConversationRecord,
  newcomers: readonly string[],
  isOnline: (userId: string) => boolean,
): void {
  for (const newcomer of newcomers) {
    for (const other of conversation.memberIds) {
      if (other === newcomer) continue;
      if (isOnline(newcomer)) ctx.sessions.send([other], 'presence', { userId: newcomer, online: true });
      if (isOnline(other)) ctx.sessions.send([newcomer], 'presence', { userId: other, online: true });
    }
  }
}

export function createUser(ctx: ServerContext, input: NewUser): User {
  const id = checkId(input.id, 'User');
  if (id === SYSTEM_AUTHOR_ID) throw new MockServerError('invalid_payload', `User id ${quote(id)} is reserved`);
  if (ctx.state.users.has(id)) throw new MockServerError('conflict', `User ${quote(id)} already exists`);
  const name = checkText(input.name, 'name', LIMITS.maxNameLength, false);
  const user: User = { id, name };
  if (input.color !== undefined) user.color = checkText(input.color, 'color', 40, false);
  if (input.isBot) user.isBot = true;
  ctx.state.users.set(id, user);
  return { ...user };
}

/** A fresh random token for `userId`, one more besides any they hold; it expires after the server's TTL. */
export function issueToken(ctx: ServerContext, userId: string): IssuedToken {
  const user = requireUser(ctx, userId);
  if (user.isBot) throw new MockServerError('invalid_payload', `Bot ${quote(userId)} cannot connect, so it gets no token`);
  return ctx.state.tokens.issue(user.id);
}

/**
 * Ends one of the user's tokens at once: it no longer opens connections, uploads or
 * downloads, and the sessions opened with it are closed (the memory transport hears
 * `unauthorized`; a socket.io client reconnects and its handshake is refused so).
 */
export function revokeToken(ctx: ServerContext, userId: string, token: string): void {
  requireUser(ctx, userId);
  if (!ctx.state.tokens.revoke(userId, token)) throw new MockServerError('not_found', `User ${quote(userId)} holds no such token`);
  dropTokenSessions(ctx, token, { retry: false, error: { code: 'unauthorized', message: 'This token was revoked' } });
}

export function createConversation(
  ctx: ServerContext,
  input: NewConversation,
  isOnline: (userId: string) => boolean,
): ConversationRecord {
  const id = input.id === undefined ? `c-${randomHex(8)}` : checkId(input.id, 'Conversation');
  if (ctx.state.conversation(id)) throw new MockServerError('conflict', `Conversation ${quote(id)} already exists`);
  if (input.kind !== 'direct' && input.kind !== 'group' && input.kind !== 'bot') {
    throw new MockServerError('invalid_payload', 'kind must be "direct", "group" or "bot"');
  }
  if (!Array.isArray(input.memberIds) || input.memberIds.length === 0 || input.memberIds.length > LIMITS.maxMembers) {
    throw new MockServerError('invalid_payload', `memberIds must list 1–${LIMITS.maxMembers} users`);
  }
  const memberIds = [...new Set(input.memberIds.map((m) => checkId(m, 'Member')))];
  for (const memberId of memberIds) requireUser(ctx, memberId);
  if (input.kind === 'direct' && memberIds.length !== 2) {
    throw new MockServerError('invalid_payload', 'A direct conversation has exactly two members');
  }
  let title = checkText(input.title ?? '', 'title', LIMITS.maxNameLength, true);
  if (title.trim() === '') {
    if (input.kind !== 'direct') throw new MockServerError('invalid_payload', 'A group or bot conversation needs a title');
    title = memberIds.map((m) => ctx.state.users.get(m)?.name ?? m).join(' & ');
  }
  const conversation = ctx.state.addConversation({
    id,
    kind: input.kind,
    title,
    memberIds,
    createdAt: ctx.now(),
    history: null,
    readSeqs: new Map(memberIds.map((m) => [m, 0])),
    deliveredSeqs: new Map(memberIds.map((m) => [m, 0])),
  });
  pushConversation(ctx, conversation, memberIds);
  introduce(ctx, conversation, memberIds, isOnline);
  return conversation;
}

/** Adds a member, who starts with everything so far marked read. */
export function addMember(
  ctx: ServerContext,
  conversationId: string,
  userId: string,
  isOnline: (userId: string) => boolean,
): ConversationRecord {
  const conversation = requireConversation(ctx, conversationId);
  requireUser(ctx, userId);
  if (conversation.members.has(userId)) {
    throw new MockServerError('conflict', `User ${quote(userId)} is already a member of ${quote(conversationId)}`);
  }
  if (conversation.kind === 'direct') {
    throw new MockServerError('invalid_payload', 'A direct conversation keeps its two members');
  }
  if (conversation.memberIds.length >= LIMITS.maxMembers) {
    throw new MockServerError('invalid_payload', `A conversation has at most ${LIMITS.maxMembers} members`);
  }
  conversation.members.add(userId);
  conversation.memberIds = [...conversation.memberIds, userId];
  conversation.readSeqs.set(userId, conversation.log.lastSeq);
  conversation.deliveredSeqs.set(userId, conversation.log.lastSeq);
  pushConversation(ctx, conversation, conversation.memberIds);
  introduce(ctx, conversation, [userId], isOnline);
  return conversation;
}

/**
 * Removes a member at once: every later request of theirs for this
 * conversation, upload and download gets the one `not_found` (visibility.ts),
 * and their connected sessions get a `conversation:updated` without them as
 * member, so clients drop it.
 */
export function removeMember(ctx: ServerContext, conversationId: string, userId: string): ConversationRecord {
  const conversation = requireConversation(ctx, conversationId);
  if (!conversation.members.has(userId)) {
    throw new MockServerError('not_found', `User ${quote(userId)} is not a member of ${quote(conversationId)}`);
  }
  conversation.members.delete(userId);
  conversation.memberIds = conversation.memberIds.filter((id) => id !== userId);
  conversation.readSeqs.delete(userId);
  conversation.deliveredSeqs.delete(userId);
  pushConversation(ctx, conversation, [...conversation.memberIds, userId]);
  return conversation;
}

/** A server notice ("Bob joined") in a conversation, pushed live to its members. */
export function postSystemMessage(
  ctx: ServerContext,
  conversationId: string,
  text: string,
  authorId: string = SYSTEM_AUTHOR_ID,
): StoredMessage {
  const conversation = requireConversation(ctx, conversationId);
  if (typeof text !== 'string') throw new MockServerError('invalid_payload', 'text must be a string');
  const textProblem = messageTextProblem(text, 0);
  if (textProblem) throw new MockServerError(textProblem.code, textProblem.message);
  if (authorId !== SYSTEM_AUTHOR_ID) requireUser(ctx, checkId(authorId, 'Author'));
  return postMessage(ctx, conversation, { authorId, text, kind: 'system' }).message;
}
