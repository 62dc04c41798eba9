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

export const AliceAndBob: Story = {
  loaders: [mockChatLoader({ users: ['alice', 'bob'] })],
  render: (_args, { loaded }) => {
    const { clients } = loaded.chat as MockChat;
    return (
      <div className="demo-panes">
        <ChatApp client={clients.alice!} caption="Alice" initialConversationId="alice-bob" />
        <ChatApp client={clients.bob!} caption="Bob" initialConversationId="alice-bob" />
      </div>
    );
  },
};

/**
 * Bob is online but looking at General: what Alice sends him is delivered,
 * not read, until he opens their conversation.
 */
export const DeliveredThenRead: Story = {
  loaders: [mockChatLoader({ users: ['alice', 'bob'] })],
  render: (_args, { loaded }) => {
    const { clients } = loaded.chat as MockChat;
    return (
      <div className="demo-panes">
        <ChatApp client={clients.alice!} caption="Alice" initialConversationId="alice-bob" />
        <ChatApp client={clients.bob!} caption="Bob" initialConversationId="general" />
      </div>
    );
  },
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

export const GroupChat: Story = {
  loaders: [mockChatLoader({ users: ['alice', 'carol'] })],
  render: (_args, { loaded }) => {
    const { clients } = loaded.chat as MockChat;
    return (
      <div className="demo-panes">
        <ChatApp client={clients.alice!} caption="Alice" initialConversationId="general" />
        <ChatApp client={clients.carol!} caption="Carol" initialConversationId="general" />
      </div>
    );
  },
};

export const WithBot: Story = {
  loaders: [mockChatLoader({ users: ['alice'] })],
  render: (_args, { loaded }) => {
    const { clients } = loaded.chat as MockChat;
    return (
      <div className="demo-panes">
        <ChatApp client={clients.alice!} caption="Alice" initialConversationId="alice-bot" />
      </div>
    );
  },
};
