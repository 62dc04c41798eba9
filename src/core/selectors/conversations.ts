/**
 * The conversation list, derived: order, titles, counterparts, previews. Words
 * ("You: …", "No messages yet") are the UI's; a preview says what to show, not how.
 */
import type { Conversation, User } from '../protocol';
import type { ChatState } from '../store';
import { memoByKey, stableList } from './memo';

/** Previews are one line; more than this is never visible and only costs layout. */
const MAX_PREVIEW_LENGTH = 160;

/** What a row shows of the last message. */
export interface ConversationPreview {
  /** `text`: an excerpt in `text`; `attachment`: files and no text; `deleted`: a tombstone; `none`: no messages yet. */
  readonly kind: 'text' | 'attachment' | 'deleted' | 'none';
  /** One line (whitespace collapsed), at most 160 characters, ending in `…` when cut; '' unless `kind` is 'text'. */
  readonly text: string;
  /** The user's own message ("You: …"). */
  readonly own: boolean;
  /** Someone else's message in a group: its author's name ("Bob: …"); the id when the user is unknown. */
  readonly authorName: string | undefined;
}

/** Everything a conversation-list row needs, in one object that stays the same while the row does. */
export interface ConversationSummary {
  readonly conversation: Conversation;
  /** The other member's name in a direct or bot chat, else the conversation's title (or id). */
  readonly title: string;
  /** The other member of a direct or bot chat; undefined for groups. */
  readonly counterpartId: string | undefined;
  /** That member, when the store knows them. */
  readonly counterpart: User | undefined;
  readonly preview: ConversationPreview;
  /** When the conversation last changed (epoch ms): its last message, else its update time. */
  readonly lastActivityAt: number;
  readonly unreadCount: number;
  /** Unread mentions of the user (or `here`), conversation and threads. */
  readonly mentionCount: number;
}

/** The other member of a direct or bot conversation (undefined for groups). */
export function counterpartId(conversation: Conversation, currentUserId: string): string | undefined {
  if (conversation.kind === 'group') return undefined;
  return conversation.memberIds.find((id) => id !== currentUserId);
}

/** A direct chat is named after the other person, whatever title the server stored. */
export function conversationTitle(conversation: Conversation, counterpart: User | undefined): string {
  if (conversation.kind !== 'group' && counterpart?.name) return counterpart.name;
  return conversation.title || conversation.id;
}

/** When the conversation last changed, for a relative time. */
export function lastActivityAt(conversation: Conversation): number {
  return conversation.lastMessage?.createdAt ?? conversation.updatedAt;
}

/** Whitespace (newlines included) collapsed so the preview stays on one line. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_PREVIEW_LENGTH ? `${line.slice(0, MAX_PREVIEW_LENGTH - 1)}…` : line;
}

const NO_MESSAGES: ConversationPreview = { kind: 'none', text: '', own: false, authorName: undefined };
const DELETED: ConversationPreview = { kind: 'deleted', text: '', own: false, authorName: undefined };

/**
 * The last message as a preview. `author` is the last message's author as the
 * store knows them (only groups name them). System notices name nobody.
 */
export function lastMessagePreview(conversation: Conversation, currentUserId: string, author: User | undefined): ConversationPreview {
  const last = conversation.lastMessage;
  if (!last) return NO_MESSAGES;
  if (last.deletedAt !== undefined) return DELETED;
  const text = oneLine(last.text);
  const kind = text ? 'text' : last.attachments.length > 0 ? 'attachment' : 'none';
  if (kind === 'none') return NO_MESSAGES;
  const own = last.kind !== 'system' && last.authorId === currentUserId;
  const named = last.kind !== 'system' && !own && conversation.kind === 'group';
  return { kind, text, own, authorName: named ? (author?.name ?? last.authorId) : undefined };
}

const orderedConversations = /* @__PURE__ */ memoByKey(
  (order: readonly string[], conversations: ChatState['conversations']): Conversation[] =>
    stableList(order.map((id) => conversations[id]).filter((c): c is Conversation => c !== undefined)),
);

/** Conversations the user is in, most recently active first. */
export function selectConversations(state: ChatState): Conversation[] {
  return orderedConversations(state.conversationOrder, state.conversations);
}

export function selectConversation(state: ChatState, conversationId: string): Conversation | undefined {
  return state.conversations[conversationId];
}

/** The other member of a direct or bot chat, when the store knows them. */
export function selectCounterpart(state: ChatState, conversationId: string): User | undefined {
  const conversation = state.conversations[conversationId];
  const otherId = conversation && counterpartId(conversation, state.userId);
  return otherId === undefined ? undefined : state.users[otherId];
}

export function selectConversationTitle(state: ChatState, conversationId: string): string {
  const conversation = state.conversations[conversationId];
  return conversation ? conversationTitle(conversation, selectCounterpart(state, conversationId)) : conversationId;
}

const summarize = /* @__PURE__ */ memoByKey(
  (conversation: Conversation, userId: string, counterpart: User | undefined, author: User | undefined): ConversationSummary => ({
    conversation,
    title: conversationTitle(conversation, counterpart),
    counterpartId: counterpartId(conversation, userId),
    counterpart,
    preview: lastMessagePreview(conversation, userId, author),
    lastActivityAt: lastActivityAt(conversation),
    unreadCount: conversation.unreadCount,
    mentionCount: conversation.mentionCount,
  }),
);

function summaryOf(conversation: Conversation, users: ChatState['users'], userId: string): ConversationSummary {
  const otherId = counterpartId(conversation, userId);
  const authorId = conversation.lastMessage?.authorId;
  return summarize(
    conversation,
    userId,
    otherId === undefined ? undefined : users[otherId],
    authorId === undefined ? undefined : users[authorId],
  );
}

/** One row's summary; the same object until that conversation (or a user it names) changes. */
export function selectConversationSummary(state: ChatState, conversationId: string): ConversationSummary | undefined {
  const conversation = state.conversations[conversationId];
  return conversation && summaryOf(conversation, state.users, state.userId);
}

const summaries = /* @__PURE__ */ memoByKey(
  (order: readonly string[], conversations: ChatState['conversations'], users: ChatState['users'], userId: string) => {
    const rows: ConversationSummary[] = [];
    for (const id of order) {
      const conversation = conversations[id];
      if (conversation) rows.push(summaryOf(conversation, users, userId));
    }
    return stableList(rows);
  },
);

/** Every row's summary, most recently active first; rows that did not change keep their objects. */
export function selectConversationSummaries(state: ChatState): ConversationSummary[] {
  return summaries(state.conversationOrder, state.conversations, state.users, state.userId);
}
