import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ChatApp } from './support/ChatApp';
import { mockChatLoader, type MockChat } from './support/mockChat';

/**
 * Alice and Bob on the same live mock server, side by side: type in one pane
 * and watch it arrive in the other, with typing indicators and receipts: an
 * own message shows "Delivered" once the other client has it, "Read" once it
 * is on their screen.
 */
const meta = {
  title: 'Demos/Full chat',
  parameters: { layout: 'fullscreen' },
} satisfies Meta;
export default meta;

type Story = StoryObj<typeof meta>;

/** One live client per pane, each a whole chat app opened on its own conversation. */
function panes(...opened: [user: string, caption: string, conversationId: string][]): Story {
  return {
    loaders: [mockChatLoader({ users: opened.map(([user]) => user) })],
    render: (_args, { loaded }) => {
      const { clients } = loaded.chat as MockChat;
      return (
        <div className="demo-panes">
          {opened.map(([user, caption, conversationId]) => (
            <ChatApp key={user} client={clients[user]!} caption={caption} initialConversationId={conversationId} />
          ))}
        </div>
      );
    },
  };
}

export const AliceAndBob: Story = panes(['alice', 'Alice', 'alice-bob'], ['bob', 'Bob', 'alice-bob']);

/**
 * Bob is online but looking at General: what Alice sends him is delivered,
 * not read, until he opens their conversation.
 */
export const DeliveredThenRead: Story = {
  ...panes(['alice', 'Alice', 'alice-bob'], ['bob', 'Bob', 'general']),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alice = within(canvas.getByRole('region', { name: 'Alice' }));
    const bobPane = canvas.getByRole('region', { name: 'Bob' });
    const text = 'Are you there, Bob?';
    await userEvent.type(alice.getByRole('textbox', { name: /message/i }), `${text}{Enter}`);
    const status = async () => (await alice.findByText(text)).closest('[data-message-id]')?.querySelector('.parley-message-status');
    await waitFor(async () => expect(await status()).toHaveAttribute('data-status', 'delivered'));
    await userEvent.click(bobPane.querySelector('[data-conversation-id="alice-bob"]')!);
    await waitFor(async () => expect(await status()).toHaveAttribute('data-status', 'read'));
  },
};

export const GroupChat: Story = panes(['alice', 'Alice', 'general'], ['carol', 'Carol', 'general']);

export const WithBot: Story = panes(['alice', 'Alice', 'alice-bot']);

/**
 * A thread between two: Bob asks, Alice answers in a thread from the
 * message's toolbar, Bob sees "1 reply" with the unread mark under his
 * message, opens the thread and answers, and Alice's open thread shows it.
 */
export const Thread: Story = {
  ...panes(['alice', 'Alice', 'alice-bob'], ['bob', 'Bob', 'alice-bob']),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alice = within(canvas.getByRole('region', { name: 'Alice' }));
    const bob = within(canvas.getByRole('region', { name: 'Bob' }));
    await userEvent.type(bob.getByRole('textbox', { name: /message/i }), 'Lunch on Friday?{Enter}');
    const aliceMessages = within(await alice.findByRole('feed', { name: /^Messages in/ }));
    const root = (await aliceMessages.findByText('Lunch on Friday?')).closest<HTMLElement>('[role="article"]')!;
    await userEvent.hover(root);
    await userEvent.click(await within(root).findByRole('button', { name: 'Reply in thread' }));
    await userEvent.type(await alice.findByRole('textbox', { name: 'Reply in thread' }), 'Yes, noon at the noodle place{Enter}');
    const summary = await bob.findByRole('button', { name: /^1 reply\s+Last reply .*Unread replies$/ }, { timeout: 5_000 });
    await userEvent.click(summary);
    await userEvent.type(await bob.findByRole('textbox', { name: 'Reply in thread' }), 'See you there{Enter}');
    const aliceThread = await alice.findByRole('feed', { name: 'Replies to Bob Nguyen' });
    await waitFor(() => expect(within(aliceThread).getByText('See you there')).toBeVisible());
  },
};

/**
 * Everything with depth between two: Bob asks; Alice quotes him in a reply
 * and pins his question (both see the pinned bar and the notice); Bob
 * forwards Alice's answer to General; Alice searches for it and jumps there.
 */
export const ReplyPinForwardSearch: Story = {
  ...panes(['alice', 'Alice', 'alice-bob'], ['bob', 'Bob', 'alice-bob']),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alice = within(canvas.getByRole('region', { name: 'Alice' }));
    const bob = within(canvas.getByRole('region', { name: 'Bob' }));
    const rowOf = async (pane: typeof alice, text: string) => {
      const feed = within(await pane.findByRole('feed', { name: /^Messages in/ }));
      return (await feed.findByText(text)).closest<HTMLElement>('[role="article"]')!;
    };
    const toolbarButton = async (row: HTMLElement, name: string) => {
      // The list follows the pointer where it moves to; synthetic hovers all sit at (0, 0).
      const box = row.getBoundingClientRect();
      row.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }));
      // The toolbar's code may still be on its way the first time.
      return within(row).findByRole('button', { name }, { timeout: 5_000 });
    };

    await userEvent.type(bob.getByRole('textbox', { name: /message/i }), 'Can you ship the zephyr notes?{Enter}');
    const question = await rowOf(alice, 'Can you ship the zephyr notes?');
    await userEvent.click(await toolbarButton(question, 'Reply'));
    await expect(await alice.findByRole('button', { name: 'Cancel reply' })).toBeVisible();
    await userEvent.keyboard('Shipping them at five{Enter}');
    const answer = await rowOf(bob, 'Shipping them at five');
    await waitFor(() => expect(within(answer).getByRole('button', { name: /In reply to/ })).toBeVisible());

    await userEvent.click(await toolbarButton(question, 'Pin'));
    for (const pane of [alice, bob]) {
      await waitFor(() => expect(pane.getByRole('region', { name: 'Pinned messages' })).toHaveTextContent('Can you ship the zephyr notes?'));
    }
    const bobFeed = within(await bob.findByRole('feed', { name: /^Messages in/ }));
    await expect(await bobFeed.findByText('Alice Martin pinned a message')).toBeVisible();

    await userEvent.click(await toolbarButton(answer, 'Forward'));
    const dialog = within(await bob.findByRole('dialog', { name: 'Forward message' }));
    await userEvent.click(await dialog.findByRole('button', { name: /General/ }));
    await waitFor(() => expect(dialog.getByRole('status')).toHaveTextContent('Forwarded to General'));
    await userEvent.click(dialog.getByRole('button', { name: 'Close' }));

    await userEvent.click(alice.getByRole('button', { name: 'Search messages' }));
    await userEvent.type(await alice.findByRole('searchbox'), 'shipping');
    const results = await alice.findByRole('listbox', { name: 'Search results' });
    await waitFor(() => expect(within(results).getAllByRole('option').length).toBeGreaterThanOrEqual(2));
    await userEvent.keyboard('{ArrowDown}{Enter}');
    // The newest match is the forwarded copy, in General: Alice's list opens there and shows it.
    const forwarded = await rowOf(alice, 'Shipping them at five');
    await waitFor(() => expect(within(forwarded).getByText(/^Forwarded from/)).toBeVisible());
  },
};
