/**
 * The open conversation: its title, its messages (author, text, and for one's
 * own where it stands: sending, sent, delivered, read), who is typing, and
 * whether history is loading. Rows are keyed by `clientId`, which a message
 * keeps from sending to stored, so a row is written again only when its message,
 * author or receipt is a different object or value than last time.
 */
import {
  selectConversationTitle,
  selectHistory,
  selectMessages,
  selectReceipt,
  selectReceiptSeqs,
  selectTypingUsers,
  type ChatState,
  type DisplayMessage,
  type Receipt,
  type User,
} from 'parley/core';
import { element, placeInOrder, setText } from './dom';
import { messageText, statusText, typingText } from './words';

interface Row {
  readonly item: HTMLLIElement;
  readonly author: HTMLElement;
  readonly text: HTMLElement;
  readonly status: HTMLElement;
  message?: DisplayMessage;
  user?: User | undefined;
  receipt?: Receipt | undefined;
}

export interface MessageListView {
  readonly element: HTMLElement;
  update(state: ChatState, conversationId: string | undefined): void;
}

export function createMessageList(): MessageListView {
  const section = element('section', 'messages');
  const heading = element('h2');
  const history = element('p', 'history');
  history.setAttribute('role', 'status');
  const list = element('ol');
  const typing = element('p', 'typing');
  section.append(heading, history, list, typing);
  let rows = new Map<string, Row>();
  let shownId: string | undefined;
  /** What the rows were last painted from: when all three are the same, no row can have changed. */
  let painted: readonly [DisplayMessage[], ChatState['users'], unknown] | undefined;

  function rowFor(message: DisplayMessage): Row {
    const existing = rows.get(message.clientId);
    if (existing) return existing;
    const item = element('li', 'message');
    const author = element('span', 'author');
    const text = element('span', 'text');
    const status = element('span', 'status');
    item.append(author, text, status);
    const row: Row = { item, author, text, status };
    rows.set(message.clientId, row);
    return row;
  }

  function paint(row: Row, message: DisplayMessage, state: ChatState): void {
    const user = state.users[message.authorId];
    const receipt = selectReceipt(state, message);
    if (row.message === message && row.user === user && row.receipt === receipt) return;
    row.message = message;
    row.user = user;
    row.receipt = receipt;
    const own = message.authorId === state.userId;
    row.item.dataset.messageId = message.id;
    row.item.dataset.status = message.status;
    row.item.dataset.own = String(own);
    setText(row.author, user?.name ?? message.authorId);
    setText(row.text, messageText(message));
    setText(row.status, own ? statusText(message, receipt) : '');
  }

  return {
    element: section,
    update(state, conversationId) {
      if (conversationId !== shownId) {
        // Another conversation: its rows start afresh.
        shownId = conversationId;
        rows = new Map();
        painted = undefined;
        list.replaceChildren();
      }
      section.hidden = conversationId === undefined;
      if (conversationId === undefined) return;
      setText(heading, selectConversationTitle(state, conversationId));
      const { status } = selectHistory(state, conversationId);
      setText(history, status === 'loading' ? 'Loading messages…' : status === 'error' ? 'Could not load messages.' : '');
      setText(typing, typingText(selectTypingUsers(state, conversationId)));

      const messages = selectMessages(state, conversationId);
      const inputs = [messages, state.users, selectReceiptSeqs(state, conversationId)] as const;
      if (painted && inputs.every((input, i) => input === painted![i])) return;
      painted = inputs;
      const items: HTMLLIElement[] = [];
      for (const message of messages) {
        const row = rowFor(message);
        paint(row, message, state);
        items.push(row.item);
      }
      placeInOrder(list, items);
      if (rows.size > messages.length) for (const [key, row] of rows) if (row.item.parentElement !== list) rows.delete(key);
    },
  };
}
