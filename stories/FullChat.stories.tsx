import type { Meta, StoryObj } from '@storybook/react-vite';
import { ChatApp } from './support/ChatApp';
import { mockChatLoader, type MockChat } from './support/mockChat';

/**
 * Alice and Bob on the same live mock server, side by side: type in one pane
 * and watch it arrive in the other, with typing indicators and read receipts.
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
