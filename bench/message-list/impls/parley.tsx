/**
 * Parley's MessageList, on two kinds of backend:
 *  - the in-browser mock server (`parley`, `parley-all`): its own copy of the conversation
 *    then sits in the page's heap too;
 *  - a transport that builds each requested message from its index (`parley-remote`,
 *    `parley-all-remote`), as a remote server would: the page holds no copy of the
 *    conversation besides what Parley's client loaded (the other lists hold the array).
 * The plain rows mount as users mount it (newest page of 50, history paged in on scroll); the
 * `-all` rows load all `n` messages into the client (pageSize 200) before mounting, like the
 * other lists which get every item up front. `prepend` loads the next older page. The
 * `parley-plain-*` rows are the remote ones with formatting off.
 */
import 'parley/styles.css';
import { ChatProvider, MessageList } from 'parley';
import { createChatClient, createMemoryOutbox, type Transport } from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import { createRoot } from 'react-dom/client';
import { AUTHORS, ME, type BenchData } from '../data';
import type { MountImpl } from '../types';
import { createRemoteTransport } from './remoteTransport';

const CONVERSATION = 'bench';

/** A transport holding the bench conversation, and a way for "bob" to post into it live. */
interface Backend {
  transport: Transport;
  post(authorId: string, text: string): void;
}

function inPageServer(data: BenchData): Backend {
  const server = createMockServer({ seed: 'bench' });
  server.createConversation({ id: CONVERSATION, kind: 'group', title: 'Bench', memberIds: [...AUTHORS] });
  server.addMessages(
    CONVERSATION,
    data.array().map((m) => ({ authorId: m.authorId, text: m.text, createdAt: m.createdAt })),
  );
  return {
    transport: server.connect({ userId: ME, token: `${ME}-token` }),
    post: (authorId, text) => server.postMessage(CONVERSATION, { authorId, text }),
  };
}

const remote = (data: BenchData): Backend => createRemoteTransport(CONVERSATION, ME, data);

function mountParley(backend: (data: BenchData) => Backend, preload: boolean, formatting = true): MountImpl {
  return async (root, data, n) => {
    const { transport, post } = backend(data);
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
      <ChatProvider client={client} formatting={formatting}>
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

export const mount = mountParley(inPageServer, false);
export const mountAll = mountParley(inPageServer, true);
export const mountRemotePaged = mountParley(remote, false);
export const mountRemoteAll = mountParley(remote, true);
/** The same two with formatting off (`ChatProvider formatting={false}`): what formatting costs. */
export const mountRemotePagedPlain = mountParley(remote, false, false);
export const mountRemoteAllPlain = mountParley(remote, true, false);
