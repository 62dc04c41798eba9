import type { Meta, StoryObj } from '@storybook/react-vite';
import { ChatError, type ChatClient, type DisplayMessage } from 'parley/core';
import { ar } from 'parley/locales/ar';
import { ChatProvider, MessageBubble, type Catalog } from 'parley';
import { expect, userEvent, within } from 'storybook/test';
import { createMockChat } from './support/mockChat';
import { sampleFile, sampleImage } from './support/sampleImages';

/** One message in each of its states, rendered by the bubble alone. */
const meta = {
  title: 'Components/MessageBubble',
  component: MessageBubble,
  parameters: { layout: 'padded' },
  loaders: [async () => ({ client: (await createMockChat()).clients.alice })],
  render: (args, { loaded }) => {
    const client = (loaded as { client: ChatClient }).client;
    return (
      <ChatProvider client={client}>
        <div style={{ maxInlineSize: 520 }}>
          <MessageBubble {...args} author={client.store.getState().users[args.message.authorId]} />
        </div>
      </ChatProvider>
    );
  },
} satisfies Meta<typeof MessageBubble>;
export default meta;
type Story = StoryObj<typeof meta>;

const at = Date.UTC(2026, 10, 20, 14, 32);
function message(text: string, extra: Partial<DisplayMessage> = {}): DisplayMessage {
  return {
    id: 'm1',
    clientId: 'c1',
    conversationId: 'general',
    authorId: 'bob',
    seq: 1,
    createdAt: at,
    text,
    attachments: [],
    status: 'sent',
    ...extra,
  } as DisplayMessage;
}

export const FromSomeoneElse: Story = {
  args: { own: false, message: message('Can we fix the mobile nav by Thursday?') },
};

export const Own: Story = {
  args: { own: true, message: message('Yes, I will pick it up after lunch.', { authorId: 'alice' }) },
};

/** Another member's client has it, nobody has read it yet. */
export const Delivered: Story = {
  args: { own: true, receipt: 'delivered', message: message('Sent you the slides.', { authorId: 'alice' }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Delivered')).toBeVisible();
    await expect(canvasElement.querySelector('.parley-message-status')).toHaveAttribute('data-status', 'delivered');
  },
};

export const Read: Story = {
  args: { own: true, receipt: 'read', message: message('Pushed the fix.', { authorId: 'alice' }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Read')).toBeVisible();
  },
};

/** An own message's way, top to bottom: sending, sent, delivered (another client has it), read. */
export const ReceiptStates: Story = {
  args: { own: true, message: message('', { authorId: 'alice' }) },
  render: (_args, { loaded }) => {
    const client = (loaded as { client: ChatClient }).client;
    const alice = client.store.getState().users.alice;
    const pending = { seq: null, id: 'c1', status: 'sending' } as Partial<DisplayMessage>;
    return (
      <ChatProvider client={client}>
        <div style={{ maxInlineSize: 520, display: 'grid', gap: 8 }}>
          <MessageBubble own author={alice} message={message('On its way', { authorId: 'alice', ...pending })} />
          <MessageBubble own author={alice} showAuthor={false} message={message('On the server', { authorId: 'alice' })} />
          <MessageBubble own author={alice} showAuthor={false} receipt="delivered" message={message('On Bob’s device', { authorId: 'alice' })} />
          <MessageBubble own author={alice} showAuthor={false} receipt="read" message={message('Bob has read it', { authorId: 'alice' })} />
        </div>
      </ChatProvider>
    );
  },
  play: async ({ canvasElement }) => {
    const states = [...canvasElement.querySelectorAll('.parley-message-status')].map((s) => s.getAttribute('data-status'));
    await expect(states).toEqual(['sending', 'sent', 'delivered', 'read']);
  },
};

export const Sending: Story = {
  args: {
    own: true,
    message: message('On its way', { authorId: 'alice', seq: null, id: 'c1', status: 'sending' } as Partial<DisplayMessage>),
  },
};

export const Failed: Story = {
  args: {
    own: true,
    message: message('This one did not make it', {
      authorId: 'alice',
      seq: null,
      id: 'c1',
      status: 'failed',
    } as Partial<DisplayMessage>),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Delete' })).toBeVisible();
  },
};

export const Edited: Story = {
  args: { own: false, message: message('Meeting moved to 3 pm (not 2).', { editedAt: at + 60_000 }) },
};

export const Deleted: Story = {
  args: { own: false, message: message('', { deletedAt: at + 60_000 }) },
};

export const EmojiOnly: Story = {
  args: { own: false, message: message('🎉🎉') },
};

export const LongWordsAndLinks: Story = {
  args: {
    own: false,
    message: message(
      'Specs: https://example.com/design/login-screen/v3/final-final-really-final?tab=comments#thread-42 and ' +
        'Supercalifragilisticexpialidocious'.repeat(4) +
        ' — questions to design@example.com',
    ),
  },
  play: async ({ canvasElement }) => {
    const link = within(canvasElement).getByRole('link', { name: /example\.com\/design/ });
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  },
};

/** Markup and script URLs in a message stay text. */
export const HostileText: Story = {
  args: {
    own: false,
    message: message('<img src=x onerror=alert(1)> <b>not bold</b> javascript:alert(1)'),
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.parley-bubble img, .parley-bubble b, .parley-bubble a')).toBeNull();
  },
};

export const WithAttachments: Story = {
  loaders: [
    async () => ({
      client: (await createMockChat()).clients.alice,
      attachments: [await sampleImage('a1', 480, 320, 160, 'Mockup'), sampleFile('a2', 'budget-2026.xlsx', 48_213, 'application/vnd.ms-excel')],
    }),
  ],
  render: (args, { loaded }) => {
    const { client, attachments } = loaded as { client: ChatClient; attachments: DisplayMessage['attachments'] };
    return (
      <ChatProvider client={client}>
        <div style={{ maxInlineSize: 520 }}>
          <MessageBubble {...args} message={{ ...args.message, attachments } as DisplayMessage} author={client.store.getState().users.bob} />
        </div>
      </ChatProvider>
    );
  },
  args: { own: false, message: message('Two files for the review') },
  // The attachments' code loads on first use: wait for them, so the accessibility check sees them.
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('img', { name: 'Mockup.png' })).toBeVisible();
    await expect(canvas.getByText('budget-2026.xlsx')).toBeVisible();
  },
};

/** A file link whose URL cannot be had (the server does not answer): the bubble says so by the link. */
export const FileLinkFailed: Story = {
  loaders: [
    async () => ({
      client: (await createMockChat()).clients.alice,
      attachments: [sampleFile('a3', 'minutes.txt', 1_204, 'text/plain')],
    }),
  ],
  render: (args, { loaded }) => {
    const { client, attachments } = loaded as { client: ChatClient; attachments: DisplayMessage['attachments'] };
    const unreachable: ChatClient = {
      ...client,
      attachmentUrl: () => Promise.reject(new ChatError({ code: 'timeout', message: 'No answer to "attachment:url" within 10000 ms' })),
    };
    return (
      <ChatProvider client={unreachable}>
        <div style={{ maxInlineSize: 520 }}>
          <MessageBubble {...args} message={{ ...args.message, attachments } as DisplayMessage} author={client.store.getState().users.alice} />
        </div>
      </ChatProvider>
    );
  },
  args: { own: true, message: message('The minutes', { authorId: 'alice' }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('link', { name: /minutes\.txt/ }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('minutes.txt could not be opened. Try again.');
  },
};

export const SystemNotice: Story = {
  args: { own: false, message: message('Frank joined the conversation', { kind: 'system' }) },
};

/** Reactions under the bubble: a chip per emoji with its count, pressed where the current user (Alice) reacted. */
export const WithReactions: Story = {
  args: {
    own: false,
    message: message('Shipped the new login screen to staging 🚀', { reactions: { '👍': ['bob', 'alice'], '🎉': ['carol'] } }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The chips' code loads on first use.
    await expect(await canvas.findByRole('group', { name: 'Reactions' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: '👍 2, you reacted' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('button', { name: '🎉 1, react with 🎉' })).toHaveAttribute('aria-pressed', 'false');
  },
};

/** A deleted message shows no reactions, even if it had some. */
export const DeletedWithReactions: Story = {
  args: { own: false, message: message('', { deletedAt: at + 60_000, reactions: { '👍': ['bob'] } }) },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.parley-reactions')).toBeNull();
  },
};

/**
 * A reply and what it quotes, from `general` as alice's client has it: Bob's
 * latest message (`original`), or one of hers sent and deleted (`deleted`).
 */
interface QuoteLoaded {
  client: ChatClient;
  catalog?: Catalog;
  original: string;
  deleted: string;
}

function quoteLoader(catalog?: Catalog) {
  return async (): Promise<QuoteLoaded> => {
    const client = (await createMockChat()).clients.alice!;
    await client.openConversation('general');
    const bobs = client.getMessages('general').filter((m) => m.authorId === 'bob' && m.text !== '' && m.deletedAt === undefined);
    const gone = await client.sendMessage('general', { text: 'The numbers, first draft' });
    await client.deleteMessage(gone.id);
    return { client, catalog, original: bobs.at(-1)!.id, deleted: gone.id };
  };
}

/** A reply by alice quoting `quoted` (an id from the loader, or one the store does not have). */
function renderReply(quoted: (loaded: QuoteLoaded) => string) {
  return (args: { own: boolean; message: DisplayMessage }, { loaded }: { loaded: unknown }) => {
    const data = loaded as QuoteLoaded;
    const reply = { ...args.message, replyTo: quoted(data) } as DisplayMessage;
    return (
      <ChatProvider client={data.client} catalog={data.catalog}>
        <div style={{ maxInlineSize: 520, display: 'grid', gap: 8 }}>
          <MessageBubble own={args.own} message={reply} author={data.client.store.getState().users[reply.authorId]} />
        </div>
      </ChatProvider>
    );
  };
}

const replyArgs = { own: true, message: message('Friday works for me.', { authorId: 'alice' }) };

/** A quoted reply: the original's author and first line above the reply's text. */
export const QuotedReply: Story = {
  args: replyArgs,
  loaders: [quoteLoader()],
  render: renderReply((l) => l.original),
  play: async ({ canvasElement }) => {
    // The quote's code loads on first use.
    const quote = await within(canvasElement).findByText('Bob Nguyen');
    await expect(quote).toBeVisible();
    await expect(canvasElement.querySelector('.parley-quote')).toHaveAttribute('data-state', 'text');
  },
};

/** The quoted message was deleted since: the quote says so. */
export const QuoteOfDeletedMessage: Story = {
  args: replyArgs,
  loaders: [quoteLoader()],
  render: renderReply((l) => l.deleted),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Deleted message')).toBeVisible();
  },
};

/** The quoted message is further back than the loaded history (in a list, the quote loads it on the way to it). */
export const QuoteNotLoaded: Story = {
  args: { own: false, message: message('About the old plan: still valid?') },
  loaders: [quoteLoader()],
  render: renderReply(() => 'm_general_not_loaded'),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Original message not loaded')).toBeVisible();
  },
};

export const QuotedReplyDark: Story = {
  ...QuotedReply,
  globals: { theme: 'dark' },
};

/** Another member's reply quoting a deleted message, in the dark theme (the quote on the other bubble colour). */
export const QuoteOfDeletedMessageDark: Story = {
  args: { own: false, message: message('Where did it go?') },
  loaders: [quoteLoader()],
  render: renderReply((l) => l.deleted),
  globals: { theme: 'dark' },
  play: QuoteOfDeletedMessage.play,
};

/** Arabic catalog, right to left: the quote's bar is on the right, names and text in their own direction. */
export const QuotedReplyRightToLeft: Story = {
  args: replyArgs,
  loaders: [quoteLoader(ar)],
  render: renderReply((l) => l.original),
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Bob Nguyen')).toBeVisible();
  },
};

export const QuoteNotLoadedRightToLeft: Story = {
  args: { own: false, message: message('هل ما زالت الخطة القديمة قائمة؟') },
  loaders: [quoteLoader(ar)],
  render: renderReply(() => 'm_general_not_loaded'),
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('الرسالة الأصلية غير محمّلة')).toBeVisible();
  },
};
