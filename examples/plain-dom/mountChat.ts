/**
 * Parley without React: a live conversation list and message list rendered with
 * plain DOM from `parley/core` alone (a ChatClient, its store, the selectors).
 * One store subscription; each change is painted once per task, and the views
 * skip whatever the selectors answer with the same object as before.
 *
 *   const chat = mountChat(client, document.querySelector('#chat')!);
 *   chat.open('general');   // or click a conversation
 *   chat.destroy();
 */
import { selectHistory, selectUnreadCount, type ChatClient } from 'parley/core';
import { createConversationList } from './conversationList';
import { element } from './dom';
import { createMessageList } from './messageList';

export interface MountedChat {
  /** Show a conversation (loading its latest page) and mark it read. */
  open(conversationId: string): void;
  /** The conversation shown, if any. */
  readonly openId: string | undefined;
  /** Unsubscribe and remove what was rendered. */
  destroy(): void;
}

export function mountChat(client: ChatClient, root: HTMLElement): MountedChat {
  let openId: string | undefined;
  const conversations = createConversationList((id) => open(id));
  const messages = createMessageList();
  const composer = createComposer(client, () => openId);
  messages.element.append(composer);
  const container = element('div', 'parley-plain-dom');
  container.append(conversations.element, messages.element);
  root.append(container);

  let scheduled = false;
  function render(): void {
    scheduled = false;
    const state = client.store.getState();
    conversations.update(state, openId);
    messages.update(state, openId);
    // The user is looking at the open conversation: once its page is there, what arrives is read.
    if (openId !== undefined && selectHistory(state, openId).status === 'ready' && selectUnreadCount(state, openId) > 0) {
      client.markRead(openId);
    }
  }
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(render);
  }

  function open(conversationId: string): void {
    openId = conversationId;
    client.openConversation(conversationId).catch(() => {
      // The failure is in the history state, which the message list shows.
    });
    schedule();
  }

  const unsubscribe = client.store.subscribe(schedule);
  render();

  return {
    open,
    get openId() {
      return openId;
    },
    destroy() {
      unsubscribe();
      container.remove();
    },
  };
}

/** A textarea and a send button for the open conversation. */
function createComposer(client: ChatClient, openId: () => string | undefined): HTMLFormElement {
  const form = element('form', 'composer');
  const input = element('textarea');
  input.setAttribute('aria-label', 'Message');
  input.rows = 2;
  const send = element('button', undefined, 'Send');
  send.type = 'submit';
  form.append(input, send);
  input.addEventListener('input', () => {
    const id = openId();
    if (id !== undefined) client.setTyping(id, input.value !== '');
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = openId();
    const text = input.value.trim();
    if (id === undefined || text === '') return;
    input.value = '';
    client.setTyping(id, false);
    client.sendMessage(id, { text }).catch(() => {
      // A failed send stays in the list as "Not sent".
    });
  });
  return form;
}
