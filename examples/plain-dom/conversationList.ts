/**
 * The conversation list: one button per conversation, most recently active first,
 * with its title, last-message preview and unread count, all from
 * `selectConversationSummaries`. A summary that is the same object as last time
 * means the row did not change, so it is not touched.
 */
import { selectConversationSummaries, type ChatState, type ConversationSummary } from 'parley/core';
import { element, placeInOrder, setText } from './dom';
import { previewText, unreadText } from './words';

interface Row {
  readonly item: HTMLLIElement;
  readonly button: HTMLButtonElement;
  readonly title: HTMLElement;
  readonly preview: HTMLElement;
  readonly unread: HTMLElement;
  summary: ConversationSummary | undefined;
}

export interface ConversationListView {
  readonly element: HTMLElement;
  update(state: ChatState, openId: string | undefined): void;
}

export function createConversationList(onOpen: (conversationId: string) => void): ConversationListView {
  const nav = element('nav', 'conversations');
  nav.setAttribute('aria-label', 'Conversations');
  const list = element('ul');
  nav.append(list);
  const rows = new Map<string, Row>();
  let shown: ConversationSummary[] | undefined;
  let shownOpenId: string | undefined;

  function rowFor(id: string): Row {
    const existing = rows.get(id);
    if (existing) return existing;
    const item = element('li');
    const button = element('button', 'conversation');
    button.type = 'button';
    button.dataset.conversationId = id;
    button.addEventListener('click', () => onOpen(id));
    const title = element('span', 'title');
    const preview = element('span', 'preview');
    const unread = element('span', 'unread');
    button.append(title, preview, unread);
    item.append(button);
    const row: Row = { item, button, title, preview, unread, summary: undefined };
    rows.set(id, row);
    return row;
  }

  function paint(row: Row, summary: ConversationSummary): void {
    if (row.summary === summary) return;
    row.summary = summary;
    setText(row.title, summary.title);
    setText(row.preview, previewText(summary.preview));
    setText(row.unread, unreadText(summary.unreadCount));
    row.unread.hidden = summary.unreadCount === 0;
    row.button.dataset.unread = String(summary.unreadCount);
  }

  return {
    element: nav,
    update(state, openId) {
      const summaries = selectConversationSummaries(state);
      if (summaries === shown && openId === shownOpenId) return;
      shown = summaries;
      shownOpenId = openId;
      const items: HTMLLIElement[] = [];
      for (const summary of summaries) {
        const row = rowFor(summary.conversation.id);
        paint(row, summary);
        if (summary.conversation.id === openId) row.button.setAttribute('aria-current', 'true');
        else row.button.removeAttribute('aria-current');
        items.push(row.item);
      }
      placeInOrder(list, items);
      for (const [id, row] of rows) if (row.item.parentElement !== list) rows.delete(id);
    },
  };
}
