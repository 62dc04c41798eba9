import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ChatClient } from 'parley/core';
import { ar } from 'parley/locales/ar';
import { ChatProvider, ConversationHeader, MessageList, PinnedMessages, useJumpRequest, type Catalog } from 'parley';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createMockChat } from './support/mockChat';

interface Loaded {
  client: ChatClient;
  catalog?: Catalog;
}

interface PinArgs {
  conversationId: string;
}

/**
 * Alice's view after bob pinned messages of `conversationId`: `pick` chooses
 * which of its user messages (oldest first), pinned in that order.
 */
function pinnedBy(conversationId: string, pick: (count: number) => number[], catalog?: Catalog) {
  return async (): Promise<Loaded> => {
    const { clients } = await createMockChat({
      users: ['alice', 'bob'],
      ready: async ({ server, clients }) => {
        const messages = server.messages(conversationId).filter((m) => m.kind !== 'system' && m.deletedAt === undefined);
        for (const i of pick(messages.length)) await clients.bob!.pinMessage(messages[i]!.id);
      },
    });
    return { client: clients.alice!, catalog };
  };
}

/** The header, the bar and the list as the Chat puts them: the bar's jump goes to the list. */
function Conversation({ conversationId }: { conversationId: string }) {
  const [jumpTo, jump] = useJumpRequest(conversationId);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100vh', maxInlineSize: 640 }}>
      <ConversationHeader conversationId={conversationId} />
      <PinnedMessages conversationId={conversationId} onJump={jump} />
      <MessageList conversationId={conversationId} jumpToMessageId={jumpTo} style={{ flex: 1, minHeight: 0 }} />
    </div>
  );
}

/**
 * The pins of a conversation above its messages: the newest (author and first
 * line), "Pinned 1 of N", arrows to step through them and a list of all; a pin
 * jumps to its message, loading history when it is far back. Pin and Unpin
 * are in each message's toolbar; the server posts a notice for each change.
 */
const meta = {
  title: 'Components/PinnedMessages',
  parameters: { layout: 'fullscreen' },
  args: { conversationId: 'launch' },
  render: (args, { loaded }) => {
    const { client, catalog } = loaded as Loaded;
    return (
      <ChatProvider client={client} catalog={catalog}>
        <Conversation conversationId={args.conversationId} />
      </ChatProvider>
    );
  },
} satisfies Meta<PinArgs>;
export default meta;
type Story = StoryObj<typeof meta>;

const pinnedBar = async (canvasElement: HTMLElement) => within(canvasElement).findByRole('region', { name: 'Pinned messages' });

/** One pin: no arrows, no list; the notice "Bob Nguyen pinned a message" is in the messages. */
export const OnePin: Story = {
  loaders: [pinnedBy('launch', (n) => [n - 2])],
  play: async ({ canvasElement }) => {
    const bar = await pinnedBar(canvasElement);
    await waitFor(() => expect(within(bar).getByText('Pinned 1 of 1')).toBeVisible());
    expect(within(bar).queryByRole('button', { name: 'All pinned messages' })).toBeNull();
    await waitFor(() => expect(within(canvasElement).getAllByText('Bob Nguyen pinned a message').length).toBeGreaterThan(0));
  },
};

/** Five pins: the list of all of them is open. */
export const ManyPins: Story = {
  loaders: [pinnedBy('launch', (n) => [n - 12, n - 9, n - 6, n - 4, n - 2])],
  play: async ({ canvasElement }) => {
    const bar = await pinnedBar(canvasElement);
    await waitFor(() => expect(within(bar).getByText('Pinned 1 of 5')).toBeVisible());
    await userEvent.click(within(bar).getByRole('button', { name: 'Older pinned message' }));
    await expect(within(bar).getByText('Pinned 2 of 5')).toBeVisible();
    await userEvent.click(within(bar).getByRole('button', { name: 'All pinned messages' }));
    const list = within(bar).getByRole('list', { name: 'All pinned messages' });
    await expect(within(list).getAllByRole('button')).toHaveLength(5);
  },
};

/** A pin from long ago in the archive (300 messages back): not loaded until the bar jumps there. */
export const NotLoaded: Story = {
  args: { conversationId: 'archive' },
  loaders: [pinnedBy('archive', (n) => [n - 300])],
  play: async ({ canvasElement }) => {
    const bar = await pinnedBar(canvasElement);
    await expect(await within(bar).findByText('Original not loaded')).toBeVisible();
  },
};

/** After the jump from a far pin: the message is loaded, focused and highlighted. */
export const JumpedToPin: Story = {
  args: { conversationId: 'archive' },
  loaders: [pinnedBy('archive', (n) => [n - 300])],
  play: async ({ canvasElement }) => {
    const bar = await pinnedBar(canvasElement);
    await userEvent.click(await within(bar).findByText('Original not loaded'));
    await waitFor(() => expect(canvasElement.querySelector('[data-highlighted="true"]')).not.toBeNull(), { timeout: 10_000 });
    await waitFor(() => expect(within(bar).queryByText('Original not loaded')).toBeNull());
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  loaders: [pinnedBy('launch', (n) => [n - 6, n - 4, n - 2])],
  play: async ({ canvasElement }) => {
    const bar = await pinnedBar(canvasElement);
    await userEvent.click(await within(bar).findByRole('button', { name: 'All pinned messages' }));
  },
};

/** The Arabic catalog, right to left: the accent bar and the text start at the right. */
export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  loaders: [pinnedBy('launch', (n) => [n - 6, n - 4, n - 2], ar)],
  play: async ({ canvasElement }) => {
    const bar = await within(canvasElement).findByRole('region', { name: 'الرسائل المثبّتة' });
    const one = new Intl.NumberFormat('ar').format(1);
    const three = new Intl.NumberFormat('ar').format(3);
    await waitFor(() => expect(within(bar).getByText(`المثبّتة ${one} من ${three}`)).toBeVisible());
  },
};
