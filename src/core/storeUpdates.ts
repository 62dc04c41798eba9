/**
 * Pure state transitions for the chat store. Each returns the changed slices
 * only, and returns `{}` when nothing changed, so no subscriber wakes up for
 * a duplicate frame.
 */
import type { Conversation, Message, User } from './protocol';
import {
  EMPTY_TIMELINE,
  removePending,
  countConfirmedAfter,
  dropConfirmedBelow,
  firstSeq,
  sameMessage,
  upsertConfirmed,
  upsertPending,
  type MessageTimeline,
} from './messageTimeline';
import { mentionCountAfterRead, mentionsUser } from './mentionCounts';
import { orderConversations, type ChatState } from './store';
import type { ChatMessage, HistoryState, PendingMessage } from './types';

type Patch = { -readonly [K in keyof ChatState]?: ChatState[K] };

export function toChatMessage(m: Message): ChatMessage {
  return { ...m, status: 'sent' };
}

/** The server's view of a conversation merged with ours: read position (below) and delivered positions. */
function withLocalState(s: ChatState, c: Conversation): Conversation {
  // From the server's read positions, not our local one: our own sends raise that,
  // and the server never hears them as reads.
  const deliveredSeqs = mergeDelivered(s.conversations[c.id]?.deliveredSeqs, c);
  const merged = withLocalRead(s, c);
  return deliveredSeqs === merged.deliveredSeqs ? merged : { ...merged, deliveredSeqs };
}

/**
 * The server's view of a conversation, keeping our own read position when it
 * is ahead (a read ack still in flight), with the unread count to match.
 */
function withLocalRead(s: ChatState, c: Conversation): Conversation {
  const serverRead = c.readSeqs[s.userId] ?? 0;
  const myRead = Math.max(s.conversations[c.id]?.readSeqs[s.userId] ?? 0, serverRead);
  if (myRead <= serverRead) return c;
  const mentionCount = mentionCountAfterRead(c, s.messages[c.id], s.userId, serverRead, myRead);
  return { ...c, readSeqs: { ...c.readSeqs, [s.userId]: myRead }, unreadCount: countUnreadAfter(s, c, myRead), mentionCount };
}

/**
 * Delivered positions per member: the highest of ours, the server's and the
 * member's read position (reading implies delivery; an older server sends no
 * delivered positions at all). Returns `c.deliveredSeqs` itself when nothing
 * is raised, so an unchanged list keeps its references.
 */
function mergeDelivered(local: Readonly<Record<string, number>> | undefined, c: Conversation): Record<string, number> {
  let out: Record<string, number> | null = null;
  const raise = (userId: string, seq: number) => {
    if (seq <= ((out ?? c.deliveredSeqs)[userId] ?? 0)) return;
    out ??= { ...c.deliveredSeqs };
    out[userId] = seq;
  };
  if (local) for (const userId of c.memberIds) raise(userId, local[userId] ?? 0);
  for (const [userId, seq] of Object.entries(c.readSeqs)) raise(userId, seq);
  return out ?? c.deliveredSeqs;
}

export function applyConversationList(s: ChatState, conversations: Conversation[], users: User[]): Patch {
  const next: Record<string, Conversation> = {};
  for (const c of conversations) next[c.id] = withLocalState(s, c);
  const userMap: Record<string, User> = { ...s.users };
  for (const u of users) userMap[u.id] = u;
  return { conversations: next, conversationOrder: orderConversations(next), users: userMap, conversationsStatus: 'ready' };
}

/** One conversation changed (members, title…); drop it if we are no longer a member. */
export function applyConversationUpdate(s: ChatState, c: Conversation): Patch {
  const conversations = { ...s.conversations };
  if (c.memberIds.includes(s.userId)) conversations[c.id] = withLocalState(s, c);
  else delete conversations[c.id];
  return { conversations, conversationOrder: orderConversations(conversations) };
}

/** Where in a conversation's timeline confirmed messages may go. */
export interface MessageWindow {
  /** Messages below this seq update the summary only, not the timeline. */
  readonly floorSeq?: number | undefined;
  /** Start a timeline for the conversation if it has none (it is followed); otherwise only the summary changes. */
  readonly create?: boolean;
}

/** Confirmed messages into a conversation's timeline (if it has one, or `create`) and its summary. */
export function applyMessages(
  s: ChatState,
  conversationId: string,
  messages: readonly Message[],
  fromServerPush: boolean,
  { floorSeq, create = false }: MessageWindow = {},
): Patch {
  const patch: Patch = {};
  const next = mergeIntoTimeline(s.messages[conversationId], messages, { floorSeq, create });
  if (next) patch.messages = { ...s.messages, [conversationId]: next };
  const conv = s.conversations[conversationId];
  if (conv) {
    const updated = summarize(s, conv, messages, fromServerPush);
    if (updated !== conv) {
      const conversations = { ...s.conversations, [conversationId]: updated };
      patch.conversations = conversations;
      if (updated.updatedAt !== conv.updatedAt) patch.conversationOrder = reorder(s.conversationOrder, conversations);
    }
  }
  return patch;
}

/**
 * Confirmed messages into a timeline (a conversation's or a thread's): the new
 * timeline, or undefined when nothing changed or there is none to change.
 */
export function mergeIntoTimeline(
  timeline: MessageTimeline | undefined,
  messages: readonly Message[],
  { floorSeq, create = false }: MessageWindow,
): MessageTimeline | undefined {
  const inWindow = floorSeq === undefined ? messages : messages.filter((m) => m.seq >= floorSeq);
  const base = timeline ?? (create && inWindow.length > 0 ? EMPTY_TIMELINE : undefined);
  if (!base) return undefined;
  let next = inWindow.length > 0 ? upsertConfirmed(base, inWindow.map(toChatMessage)) : base;
  // An ack below the window still confirms its pending row, which must not linger as "sending".
  for (const m of messages) if (floorSeq !== undefined && m.seq < floorSeq) next = removePending(next, m.clientId);
  return next === timeline ? undefined : next;
}

function summarize(s: ChatState, conv: Conversation, messages: readonly Message[], fromServerPush: boolean): Conversation {
  let result = conv;
  for (const m of messages) {
    if (m.seq > result.lastSeq) {
      const mine = m.authorId === s.userId;
      const myRead = result.readSeqs[s.userId] ?? 0;
      const unread = fromServerPush && !mine && m.seq > myRead;
      const mentionCount = mine
        ? mentionCountAfterRead(result, s.messages[conv.id], s.userId, myRead, m.seq)
        : result.mentionCount + (unread && mentionsUser(m, s.userId) ? 1 : 0);
      result = {
        ...result,
        lastSeq: m.seq,
        lastMessage: m,
        updatedAt: Math.max(result.updatedAt, m.createdAt),
        unreadCount: result.unreadCount + (unread ? 1 : 0),
        mentionCount,
        // Sending a message means having read everything before it.
        readSeqs: mine ? { ...result.readSeqs, [s.userId]: Math.max(result.readSeqs[s.userId] ?? 0, m.seq) } : result.readSeqs,
      };
      if (mine) result = { ...result, unreadCount: 0 };
    } else if (result.lastMessage && result.lastMessage.id === m.id && !sameMessage(result.lastMessage, m)) {
      result = { ...result, lastMessage: m };
    }
  }
  return result;
}

function reorder(order: readonly string[], conversations: Record<string, Conversation>): string[] {
  const next = orderConversations(conversations);
  return next.length === order.length && next.every((id, i) => id === order[i]) ? (order as string[]) : next;
}

/** A change to a conversation's loaded timeline, if it has one; no patch when nothing changed. */
function changeTimeline(s: ChatState, conversationId: string, change: (timeline: MessageTimeline) => MessageTimeline): Patch {
  const timeline = s.messages[conversationId];
  if (!timeline) return {};
  const next = change(timeline);
  return next === timeline ? {} : { messages: { ...s.messages, [conversationId]: next } };
}

/** Forget confirmed messages below `seq` (a hole under the loaded window). */
export function dropMessagesBelow(s: ChatState, conversationId: string, seq: number): Patch {
  return changeTimeline(s, conversationId, (timeline) => dropConfirmedBelow(timeline, seq));
}

export function applyPending(s: ChatState, message: PendingMessage): Patch {
  const timeline = s.messages[message.conversationId] ?? EMPTY_TIMELINE;
  return { messages: { ...s.messages, [message.conversationId]: upsertPending(timeline, message) } };
}

export function dropPending(s: ChatState, conversationId: string, clientId: string): Patch {
  return changeTimeline(s, conversationId, (timeline) => removePending(timeline, clientId));
}

export function openTimeline(s: ChatState, conversationId: string, history: HistoryState): Patch {
  return {
    messages: s.messages[conversationId] ? s.messages : { ...s.messages, [conversationId]: EMPTY_TIMELINE },
    history: { ...s.history, [conversationId]: history },
  };
}

export function patchHistory(s: ChatState, conversationId: string, change: Partial<HistoryState>): Patch {
  const current = s.history[conversationId];
  if (!current) return {};
  return { history: { ...s.history, [conversationId]: { ...current, ...change } } };
}

export function applyTyping(s: ChatState, conversationId: string, userId: string, expiresAt: number | null): Patch {
  const current = s.typing[conversationId] ?? {};
  if (expiresAt === null && !(userId in current)) return {};
  const next = { ...current };
  if (expiresAt === null) delete next[userId];
  else next[userId] = expiresAt;
  return { typing: { ...s.typing, [conversationId]: next } };
}

export function applyPresence(s: ChatState, userId: string, online: boolean): Patch {
  return s.presence[userId] === online ? {} : { presence: { ...s.presence, [userId]: online } };
}

/** Reading implies delivery: delivered rises with read (the server sends no separate push for it). */
export function applyRead(s: ChatState, conversationId: string, userId: string, seq: number): Patch {
  const conv = s.conversations[conversationId];
  if (!conv || (conv.readSeqs[userId] ?? 0) >= seq) return {};
  const readSeqs = { ...conv.readSeqs, [userId]: seq };
  const deliveredSeqs = (conv.deliveredSeqs[userId] ?? 0) >= seq ? conv.deliveredSeqs : { ...conv.deliveredSeqs, [userId]: seq };
  const mine = userId === s.userId;
  const unreadCount = mine ? countUnreadAfter(s, conv, seq) : conv.unreadCount;
  const mentionCount = mine ? mentionCountAfterRead(conv, s.messages[conversationId], userId, conv.readSeqs[userId] ?? 0, seq) : conv.mentionCount;
  const next = { ...conv, readSeqs, deliveredSeqs, unreadCount, mentionCount };
  return { conversations: { ...s.conversations, [conversationId]: next } };
}

/** A member's delivered position; only moves forward. */
export function applyDelivered(s: ChatState, conversationId: string, userId: string, seq: number): Patch {
  const conv = s.conversations[conversationId];
  if (!conv || (conv.deliveredSeqs[userId] ?? 0) >= seq) return {};
  const deliveredSeqs = { ...conv.deliveredSeqs, [userId]: seq };
  return { conversations: { ...s.conversations, [conversationId]: { ...conv, deliveredSeqs } } };
}

/**
 * Messages from others after `readSeq`: counted from what is loaded when that
 * reaches down to `readSeq`, else bounded by the server's count (a live tail or
 * the latest page may start well above the read position).
 */
function countUnreadAfter(s: ChatState, conv: Conversation, readSeq: number): number {
  if (readSeq >= conv.lastSeq) return 0;
  const timeline: MessageTimeline | undefined = s.messages[conv.id];
  const bottom = timeline ? firstSeq(timeline) : undefined;
  if (!timeline || bottom === undefined || bottom > readSeq + 1) return Math.min(conv.unreadCount, conv.lastSeq - readSeq);
  return countConfirmedAfter(timeline, readSeq, (m) => m.authorId !== s.userId);
}
