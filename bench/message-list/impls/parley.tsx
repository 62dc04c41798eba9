/**
 * Parley's MessageList on the in-browser mock server.
 *  - `parley`:     mounted as users mount it; it loads the newest page (50) and pages in history on scroll.
 *  - `parley-all`: the client (pageSize 200) has loaded all `n` messages before mounting, like
 *                  the other lists which get every item up front. `prepend` loads the last 50.
 */
import 'parley/styles.css';
import { ChatProvider, MessageList } from 'parley';
import { createChatClient, createMemoryOutbox } from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import { createArrayTransport } from './arrayTransport';
import { createRoot } from 'react-dom/client';
import { AUTHORS, ME } from '../data';
import type { MountImpl } from '../types';

const CONVERSATION = 'bench';

export function mountParley(preload: boolean): MountImpl {
  return async (root, all, n) => {
    const server = createMockServer({ seed: 'bench' });
    server.createConversation({ id: CONVERSATION, kind: 'group', title: 'Bench', memberIds: [...AUTHORS] });
    server.addMessages(
      CONVERSATION,
      all.map((m) => ({ authorId: m.authorId, text: m.text, createdAt: m.createdAt })),
    );
    const pageSize = preload ? 200 : 50;
    const client = createChatClient({
      transport: server.connect({ userId: ME, token: `${ME}-token` }),
      userId: ME,
      outbox: createMemoryOutbox(),
      pageSize,
      syncIntervalMs: 0,
    });
    await client.connect();
    if (preload) {
      await client.openConversation(CONVERSATION);
      for (let loaded = pageSize; loaded < n; loaded += pageSize) await client.loadOlder(CONVERSATION);
    }
    let appended = 0;
    const renderStart = performance.now();
    createRoot(root).render(
      <ChatProvider client={client}>
        <MessageList conversationId={CONVERSATION} style={{ height: 700 }} />
      </ChatProvider>,
    );
    return {
      renderStart,
      handle: {
        scroller: () => root.querySelector<HTMLElement>('.parley-message-list-scroller'),
        rowSelector: '.parley-message-row',
        rowId: (row) => row.getAttribute('data-message-id'),
        prepend: async () => {
          await client.loadOlder(CONVERSATION);
        },
        append: async () => {
          const text = `append-${++appended} a new message`;
          server.postMessage(CONVERSATION, { authorId: 'bob', text });
          return (row) => (row.textContent ?? '').includes(text);
        },
      },
    };
  };
}

/**
 * `parley-remote` / `parley-all-remote`: as `parley` / `parley-all`, but the backend is a
 * transport answering from the page's data array, as a remote server would: the heap holds
 * what the other lists hold plus Parley's client, and no in-page server copy.
 */
function mountRemote(preload: boolean): MountImpl {
  return async (root, all, n) => {
    const { transport, post } = createArrayTransport(CONVERSATION, ME, all);
    const pageSize = preload ? 200 : 50;
    const client = createChatClient({ transport, userId: ME, outbox: createMemoryOutbox(), pageSize, syncIntervalMs: 0 });
    await client.connect();
    if (preload) {
      await client.openConversation(CONVERSATION);
      for (let loaded = pageSize; loaded < n; loaded += pageSize) await client.loadOlder(CONVERSATION);
    }
    let appended = 0;
    const renderStart = performance.now();
    createRoot(root).render(
      <ChatProvider client={client}>
        <MessageList conversationId={CONVERSATION} style={{ height: 700 }} />
      </ChatProvider>,
    );
    return {
      renderStart,
      handle: {
        scroller: () => root.querySelector<HTMLElement>('.parley-message-list-scroller'),
        rowSelector: '.parley-message-row',
        rowId: (row) => row.getAttribute('data-message-id'),
        prepend: async () => {
          await client.loadOlder(CONVERSATION);
        },
        append: async () => {
          const text = `append-${++appended} a new message`;
          post('bob', text);
          return (row) => (row.textContent ?? '').includes(text);
        },
      },
    };
  };
}

export const mountRemotePaged = mountRemote(false);
export const mountRemoteAll = mountRemote(true);
export const mount = mountParley(false);
export const mountAll = mountParley(true);
