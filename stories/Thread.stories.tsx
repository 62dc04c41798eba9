import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import type { ChatClient } from 'parley/core';
import { ar } from 'parley/locales/ar';
import { ChatProvider, MessageList, Thread, type Catalog } from 'parley';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createMockChat } from './support/mockChat';

interface Loaded {
  client: ChatClient;
  rootId: string;
  catalog?: Catalog;
}

interface ThreadArgs {
  conversationId: string;
  /** Show the thread from the start; otherwise the summary under its root opens it. */
  openAtStart: boolean;
}

const REPLIES = [
  'Friday works for me',
  'Same here, after lunch though',
  'Can we do 14:00? I have a call until then',
  '14:00 it is. I will book the big room',
  'Do we need the projector?',
  'Yes please, I will bring the slides',
];

interface ThreadSetup {
  /** Who wrote the root: alice's own roots count unread replies for her. */
  rootAuthor?: string;
  /** How many replies, taking turns among bob, dave and frank. */
  replies?: number;
  deleteRoot?: boolean;
  catalog?: Catalog;
  /** After the replies, with the root's id: slow the network, say. */
  then?: (chat: Awaited<ReturnType<typeof createMockChat>>, rootId: string) => Promise<void>;
}

/** Alice's view of "Launch 🚀" with a thread under one message. */
function threadLoader({ rootAuthor = 'bob', replies = REPLIES.length, deleteRoot = false, catalog, then }: ThreadSetup = {}) {
  return async (): Promise<Loaded> => {
    let rootId = '';
    const { clients } = await createMockChat({
      users: ['alice', 'bob', 'dave', 'frank'],
      ready: async (chat) => {
        const { server, clients } = chat;
        const root = server.postMessage('launch', { authorId: rootAuthor, text: 'When do we run the launch rehearsal? I would like everyone there.' });
        rootId = root.id;
        server.postMessage('launch', { authorId: 'dave', text: 'Reminder: the release notes are due tomorrow' });
        const writers = ['bob', 'dave', 'frank'];
        for (let i = 0; i < replies; i++) {
          const text = REPLIES[i] ?? `Reply ${i + 1}: ${REPLIES[i % REPLIES.length]}`;
          await clients[writers[i % writers.length]!]!.sendMessage('launch', { text, parentId: root.id });
        }
        if (deleteRoot) await clients[rootAuthor]!.deleteMessage(root.id);
        await then?.(chat, root.id);
      },
    });
    return { client: clients.alice!, rootId, catalog };
  };
}

function ThreadBeside({ conversationId, rootId, openAtStart }: { conversationId: string; rootId: string; openAtStart: boolean }) {
  const [open, setOpen] = useState<string | undefined>(openAtStart ? rootId : undefined);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 24rem)', height: '100vh' }}>
      <MessageList conversationId={conversationId} onOpenThread={setOpen} style={{ minHeight: 0 }} />
      <div style={{ minHeight: 0, borderInlineStart: '1px solid var(--parley-color-border)' }}>
        {open !== undefined && <Thread key={open} rootId={open} conversationId={conversationId} onClose={() => setOpen(undefined)} />}
      </div>
    </div>
  );
}

/**
 * A thread beside its conversation: the root, its replies (virtualized and
 * paged like the message list) and an input that answers in the thread, with
 * "Also send to the conversation". In the conversation the root shows how
 * many replies it has, when the last came, who wrote them and whether some
 * are unread; the summary opens the thread, Escape or × closes it.
 */
const meta = {
  title: 'Components/Thread',
  parameters: { layout: 'fullscreen' },
  args: { conversationId: 'launch', openAtStart: true },
  render: (args, { loaded }) => {
    const { client, rootId, catalog } = loaded as Loaded;
    return (
      <ChatProvider client={client} catalog={catalog}>
        <ThreadBeside conversationId={args.conversationId} rootId={rootId} openAtStart={args.openAtStart} />
      </ChatProvider>
    );
  },
} satisfies Meta<ThreadArgs>;
export default meta;
type Story = StoryObj<typeof meta>;

const threadFeed = (canvasElement: HTMLElement, name = 'Replies to Bob Nguyen') => within(canvasElement).findByRole('feed', { name });

/** Open beside the conversation: the root, "6 replies", then the replies in order. */
export const ThreadOpen: Story = {
  loaders: [threadLoader()],
  play: async ({ canvasElement }) => {
    const feed = await threadFeed(canvasElement);
    await waitFor(() => expect(within(feed).getAllByRole('article')).toHaveLength(REPLIES.length + 1));
    await expect(within(feed).getByText('6 replies')).toBeVisible();
  },
};

/** Closed: under Alice's own message, the summary with the repliers' faces and the unread mark; it opens the thread. */
export const Summary: Story = {
  args: { openAtStart: false },
  loaders: [threadLoader({ rootAuthor: 'alice' })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const summary = await canvas.findByRole('button', { name: /^6 replies\s+Last reply/ }, { timeout: 5_000 });
    await waitFor(() => expect(summary).toHaveAttribute('data-unread', 'true'));
    await expect(summary).toHaveAccessibleName(/Unread replies$/);
    await userEvent.click(summary);
    await expect(await threadFeed(canvasElement, 'Replies to Alice Martin')).toBeVisible();
  },
};

/** 400 replies: one page is loaded and only the rows in view are in the DOM; scroll up for older ones. */
export const LongThread: Story = {
  loaders: [threadLoader({ replies: 400 })],
  play: async ({ canvasElement }) => {
    const feed = await threadFeed(canvasElement);
    await waitFor(() => expect(within(feed).getByText(/^Reply 400:/)).toBeVisible());
    expect(within(feed).getAllByRole('article').length).toBeLessThan(40);
  },
};

/** The root was deleted after it was answered: a tombstone over replies that stay readable, and no input. */
export const DeletedRoot: Story = {
  loaders: [threadLoader({ deleteRoot: true })],
  play: async ({ canvasElement }) => {
    const feed = await threadFeed(canvasElement);
    await expect(await within(feed).findByText('This message was deleted')).toBeVisible();
    await expect(within(feed).getByText(REPLIES[5]!)).toBeVisible();
    await expect(within(canvasElement).getByText(/takes no new replies/)).toBeVisible();
  },
};

/** A reply on its way (a slow network holds it): shown at once as sending, in the thread only. */
export const Sending: Story = {
  loaders: [
    threadLoader({
      // The conversation and the thread are loaded first; then the network slows down.
      then: async ({ server, clients }, rootId) => {
        await clients.alice!.openConversation('launch');
        await clients.alice!.openThread(rootId);
        server.setNetwork({ latencyMs: 60_000 });
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = await canvas.findByRole('textbox', { name: 'Reply in thread' });
    await userEvent.type(field, 'On my way with the slides{Enter}');
    const feed = await threadFeed(canvasElement);
    const row = (await within(feed).findByText('On my way with the slides')).closest('[role="article"]');
    await expect(row).toHaveAttribute('data-status', 'sending');
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  loaders: [threadLoader()],
  play: ThreadOpen.play,
};

/** The Arabic catalog, right to left. */
export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  loaders: [threadLoader({ catalog: ar })],
  play: async ({ canvasElement }) => {
    const feed = await threadFeed(canvasElement, 'الردود على Bob Nguyen');
    await waitFor(() => expect(within(feed).getAllByRole('article')).toHaveLength(REPLIES.length + 1));
    await expect(within(canvasElement).getByRole('heading', { name: 'سلسلة الردود' })).toBeVisible();
  },
};
