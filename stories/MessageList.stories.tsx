import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ChatClient } from 'parley/core';
import { ar } from 'parley/locales/ar';
import { ChatProvider, MessageInput, MessageList, type Catalog } from 'parley';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { aliceLoader } from './support/mockChat';
import { sampleFile, sampleImage } from './support/sampleImages';

interface ListArgs {
  conversationId: string;
  /** A message to scroll to, focus and highlight (older pages load until it is there). */
  jumpToMessageId?: string;
}

/**
 * The virtualized message list on the live mock server: history pages in as
 * you scroll up, your place stays still, new messages pin to the bottom.
 */
const meta = {
  title: 'Components/MessageList',
  parameters: { layout: 'fullscreen' },
  args: { conversationId: 'general' },
  render: (args, { loaded }) => {
    const { client, catalog } = loaded as { client: ChatClient; catalog?: Catalog };
    return (
      <ChatProvider client={client} catalog={catalog}>
        <div style={{ display: 'flex', flexDirection: 'column', height: '100vh', maxInlineSize: 640 }}>
          <MessageList
            conversationId={args.conversationId}
            jumpToMessageId={args.jumpToMessageId}
            style={{ flex: 1, minHeight: 0 }}
          />
          <MessageInput conversationId={args.conversationId} />
        </div>
      </ChatProvider>
    );
  },
} satisfies Meta<ListArgs>;
export default meta;
type Story = StoryObj<typeof meta>;


export const Default: Story = {
  loaders: [aliceLoader()],
  play: async ({ canvasElement }) => {
    const feed = await within(canvasElement).findByRole('feed');
    await waitFor(() => expect(within(feed).getAllByRole('article').length).toBeGreaterThan(3));
  },
};

/** A conversation with no messages yet. */
export const Empty: Story = {
  args: { conversationId: 'alice-frank' },
  loaders: [aliceLoader()],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No messages yet. Say hello!')).toBeVisible();
  },
};

/** The first page is on its way (a 60 s network delay keeps it there). */
export const Loading: Story = {
  loaders: [aliceLoader({ ready: ({ server }) => server.setNetwork({ latencyMs: 60_000 }) })],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading messages…')).toBeVisible();
  },
};

/** 100 000 messages: only the rows in view are in the DOM; scroll up to page through history. */
export const LongConversation: Story = {
  args: { conversationId: 'launch' },
  loaders: [
    aliceLoader({
      setup: (server) => {
        const start = Date.now() - 100_000 * 60_000;
        const authors = ['alice', 'bob', 'carol', 'dave'];
        const words = 'the release notes are live and the login screen is next so please pull before you test anything today'.split(' ');
        server.addMessages(
          'launch',
          Array.from({ length: 100_000 }, (_, i) => ({
            authorId: authors[(i * 7) % 4]!,
            text: `#${i + 1} ${words.slice(0, 3 + ((i * 13) % (words.length - 3))).join(' ')}`,
            createdAt: start + i * 60_000,
          })),
        );
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    const feed = await within(canvasElement).findByRole('feed');
    await waitFor(() => expect(within(feed).getAllByRole('article').length).toBeGreaterThan(3));
    expect(canvasElement.querySelectorAll('[data-message-id]').length).toBeLessThan(60);
  },
};

/** Image thumbnails keep their size from the attachment metadata; files show name and size. */
export const Images: Story = {
  args: { conversationId: 'alice-bob' },
  loaders: [
    aliceLoader({
      setup: async (server) => {
        const now = Date.now();
        server.addMessages('alice-bob', [
          { authorId: 'bob', text: 'The new onboarding illustrations:', createdAt: now - 120_000, attachments: [await sampleImage('img1', 640, 400, 210, 'Onboarding')] },
          { authorId: 'bob', text: '', createdAt: now - 110_000, attachments: [await sampleImage('img2', 300, 500, 20, 'Portrait')] },
          { authorId: 'alice', text: 'Specs attached', createdAt: now - 60_000, attachments: [sampleFile('f1', 'login-spec-v3.pdf', 2_480_000, 'application/pdf')] },
        ]);
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    const image = await within(canvasElement).findByAltText('Onboarding.png');
    // The reserved box is there before the image has loaded.
    expect(image.getAttribute('width')).toBe('240');
    expect(image.getAttribute('height')).toBe('150');
  },
};

/** A send that ran out of retries: Retry delivers it, Delete drops it. */
export const FailedSends: Story = {
  args: { conversationId: 'alice-bob' },
  loaders: [
    aliceLoader({
      clientOptions: { requestTimeoutMs: 200, retry: { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 100 } },
      ready: async ({ server, clients }) => {
        server.setNetwork({ dropRate: 1 });
        await clients.alice!.sendMessage('alice-bob', { text: 'This one did not make it' }).catch(() => undefined);
        server.setNetwork({ dropRate: 0 });
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Not sent')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

/** Messages on their way: the network is slow, so they stay "Sending…" for a while. */
export const Sending: Story = {
  args: { conversationId: 'alice-bob' },
  loaders: [
    aliceLoader({
      ready: ({ server, clients }) => {
        server.setNetwork({ latencyMs: 60_000 });
        void clients.alice!.sendMessage('alice-bob', { text: 'On its way…' }).catch(() => undefined);
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Sending…')).toBeVisible();
  },
};

/**
 * Alice lost her connection after opening the conversation: what is loaded stays readable,
 * what she writes waits in the outbox as "Sending…" and goes out, once, when she is back.
 */
export const Offline: Story = {
  args: { conversationId: 'alice-bob' },
  loaders: [
    aliceLoader({
      ready: async ({ server, clients }) => {
        const alice = clients.alice!;
        await alice.openConversation('alice-bob');
        server.setOnline('alice', false);
        void alice.sendMessage('alice-bob', { text: 'Written on the train, no signal' }).catch(() => undefined);
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const row = (await canvas.findByText('Written on the train, no signal')).closest('[data-message-id]')!;
    await expect(row).toHaveAttribute('data-status', 'sending');
    await expect(within(canvasElement.querySelector('.parley-message-list')!).getAllByRole('article').length).toBeGreaterThan(3);
  },
};

/** Alice has unread messages here: a "New" separator marks where they start. */
export const UnreadSeparator: Story = {
  args: { conversationId: 'design' },
  loaders: [aliceLoader()],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('New')).toBeVisible();
  },
};

/** Arabic catalog, right-to-left layout. */
export const RightToLeft: Story = {
  loaders: [async () => ({ ...(await aliceLoader()()), catalog: ar })],
  globals: { dir: 'rtl' },
};

export const Dark: Story = {
  loaders: [aliceLoader()],
  globals: { theme: 'dark' },
};

/** Jump to a message 200 back in the 10 000-message archive: pages load, it scrolls there and lights up. */
export const JumpToMessage: Story = {
  args: { conversationId: 'archive', jumpToMessageId: 'm_archive_9800' },
  loaders: [aliceLoader()],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-message-id="m_archive_9800"]')).toHaveAttribute('data-highlighted', 'true'), {
      timeout: 10_000,
    });
  },
};

/** Bob's question and Alice's answer in `alice-bob`, with reactions from both. */
const withReactions = aliceLoader({
  users: ['alice', 'bob'],
  ready: async ({ server, clients }) => {
    const alice = clients.alice!;
    const bob = clients.bob!;
    await Promise.all([alice.openConversation('alice-bob'), bob.openConversation('alice-bob')]);
    const question = server.postMessage('alice-bob', { authorId: 'bob', text: 'Shipped the new login screen to staging 🚀' });
    const answer = await alice.sendMessage('alice-bob', { text: 'Looks great, I will test it after lunch.' });
    await bob.addReaction(question.id, '🎉');
    await bob.addReaction(question.id, '👍');
    await alice.addReaction(question.id, '👍');
    await bob.addReaction(answer.id, '❤️');
  },
});

const newestRow = (canvasElement: HTMLElement, text: string) =>
  within(canvasElement).findByText(text).then((el) => el.closest<HTMLElement>('[data-message-id]')!);

/** Reactions under the bubbles: a chip per emoji with its count; pressed where Alice reacted. Click toggles hers. */
export const Reactions: Story = {
  args: { conversationId: 'alice-bob' },
  loaders: [withReactions],
  play: async ({ canvasElement }) => {
    const row = await newestRow(canvasElement, 'Shipped the new login screen to staging 🚀');
    const mine = await within(row).findByRole('button', { name: '👍 2, you reacted' });
    await expect(mine).toHaveAttribute('aria-pressed', 'true');
    const party = within(row).getByRole('button', { name: '🎉 1, react with 🎉' });
    await expect(party).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(party);
    await waitFor(() => expect(within(row).getByRole('button', { name: '🎉 2, you reacted' })).toHaveAttribute('aria-pressed', 'true'));
  },
};

/** The toolbar of the focused (or hovered) row: React, Reply, Pin, Forward, and on Alice's own message Edit and Delete. */
export const MessageActions: Story = {
  args: { conversationId: 'alice-bob' },
  loaders: [withReactions],
  play: async ({ canvasElement }) => {
    const row = await newestRow(canvasElement, 'Looks great, I will test it after lunch.');
    row.focus();
    const toolbar = await within(row).findByRole('group', { name: 'Message actions' });
    await expect(within(toolbar).getAllByRole('button').map((b) => b.textContent)).toEqual(['React', 'Reply', 'Pin', 'Forward', 'Edit', 'Delete']);
    // Only this row has a toolbar.
    await expect(canvasElement.querySelectorAll('.parley-message-actions')).toHaveLength(1);
    // Tab goes through the row's content (Bob's ❤️ chip) to its actions.
    await userEvent.tab();
    await expect(within(row).getByRole('button', { name: '❤️ 1, react with ❤️' })).toHaveFocus();
    await userEvent.tab();
    await expect(within(toolbar).getByRole('button', { name: 'React' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const menu = await within(row).findByRole('menu', { name: 'React' });
    await waitFor(() => expect(within(menu).getByRole('menuitemcheckbox', { name: 'React with 👍' })).toHaveFocus());
    await userEvent.keyboard('{ArrowRight}');
    await expect(within(menu).getByRole('menuitemcheckbox', { name: 'React with ❤️' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(within(row).getByRole('button', { name: '❤️ 2, you reacted' })).toBeVisible());
    await expect(within(row).getByRole('button', { name: 'React' })).toHaveFocus();
  },
};

/** Editing Alice's message in place: Enter saves, Shift+Enter is a new line, Escape cancels. */
export const Editing: Story = {
  args: { conversationId: 'alice-bob' },
  loaders: [withReactions],
  play: async ({ canvasElement }) => {
    const row = await newestRow(canvasElement, 'Looks great, I will test it after lunch.');
    row.focus();
    await userEvent.click(await within(row).findByRole('button', { name: 'Edit' }));
    const field = await within(row).findByRole('textbox', { name: 'Edit message' });
    await waitFor(() => expect(field).toHaveFocus());
    await expect(field).toHaveValue('Looks great, I will test it after lunch.');
    await userEvent.type(field, ' And on mobile.');
    await expect(field).toHaveValue('Looks great, I will test it after lunch. And on mobile.');
  },
};

/** Delete asks first, inline; focus starts on "No". */
export const DeleteConfirmation: Story = {
  args: { conversationId: 'alice-bob' },
  loaders: [withReactions],
  play: async ({ canvasElement }) => {
    const row = await newestRow(canvasElement, 'Looks great, I will test it after lunch.');
    row.focus();
    await userEvent.click(await within(row).findByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(row).getByRole('button', { name: 'No' })).toHaveFocus());
    await expect(within(row).getByText('Delete this message?')).toBeVisible();
    await expect(within(row).getByRole('button', { name: 'Yes' })).toHaveAccessibleDescription('Delete this message?');
  },
};

/** The same in Arabic, right to left: the toolbar sits at the row's inline end, the React menu opens toward the bubble. */
export const ActionsRightToLeft: Story = {
  args: { conversationId: 'alice-bob' },
  loaders: [async () => ({ ...(await withReactions()), catalog: ar })],
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const row = await newestRow(canvasElement, 'Shipped the new login screen to staging 🚀');
    await within(row).findByRole('button', { name: '👍 2، لقد تفاعلت' });
    row.focus();
    await userEvent.click(await within(row).findByRole('button', { name: 'تفاعل' }));
    await waitFor(() => expect(within(row).getByRole('menuitemcheckbox', { name: 'تفاعل بـ 👍' })).toHaveFocus());
    // In RTL the "next" item is to the left.
    await userEvent.keyboard('{ArrowLeft}');
    await expect(within(row).getByRole('menuitemcheckbox', { name: 'تفاعل بـ ❤️' })).toHaveFocus();
  },
};

/** Link previews made by the mock server's fixture unfurler: Bob's article with its image, Alice's docs link (hers to remove). */
const withPreviews = aliceLoader({
  ready: async ({ server, clients }) => {
    server.postMessage('alice-bob', { authorId: 'bob', text: 'Worth a read: https://example.com/article' });
    await clients.alice!.sendMessage('alice-bob', { text: 'And the docs are at https://example.org/docs' });
  },
});

export const LinkPreview: Story = {
  args: { conversationId: 'alice-bob' },
  loaders: [withPreviews],
  play: async ({ canvasElement }) => {
    const row = await newestRow(canvasElement, 'Getting started');
    await expect(within(row).getByRole('button', { name: 'Remove preview' })).toBeVisible();
    await expect(await within(canvasElement).findByText('How we cut our build time in half')).toBeVisible();
  },
};

export const LinkPreviewDark: Story = { ...LinkPreview, globals: { theme: 'dark' } };

/** Arabic, right to left: the card under the text, its image box reserved, Remove in Arabic. */
export const LinkPreviewRightToLeft: Story = {
  args: { conversationId: 'alice-bob' },
  loaders: [async () => ({ ...(await withPreviews()), catalog: ar })],
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const row = await newestRow(canvasElement, 'Getting started');
    await expect(within(row).getByRole('button', { name: 'إزالة المعاينة' })).toBeVisible();
  },
};

/** Alice removed the preview of her own message: the link stays in the text, the card is gone for good. */
export const RemovedPreview: Story = {
  args: { conversationId: 'alice-bob' },
  loaders: [withPreviews],
  play: async ({ canvasElement }) => {
    const row = await newestRow(canvasElement, 'Getting started');
    await userEvent.click(within(row).getByRole('button', { name: 'Remove preview' }));
    await waitFor(() => expect(row.querySelector('.parley-link-preview')).toBeNull());
    await expect(row).toHaveTextContent('https://example.org/docs');
  },
};
