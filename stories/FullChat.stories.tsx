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
