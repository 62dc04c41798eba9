import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { ChatApp } from './support/ChatApp';
import { mockChatLoader, type MockChat } from './support/mockChat';

interface NetworkArgs {
  latencyMs: number;
  jitterMs: number;
  dropRate: number;
  duplicateRate: number;
  reorderRate: number;
  aliceOnline: boolean;
}

/**
 * Alice and Bob on a network you control: add latency, lose, duplicate or
 * reorder frames, cut Alice off, or restart the server. Whatever you do,
 * every message arrives exactly once and in order once the network heals.
 */
const meta = {
  title: 'Demos/Network conditions',
  parameters: { layout: 'fullscreen' },
  args: { latencyMs: 150, jitterMs: 100, dropRate: 0, duplicateRate: 0, reorderRate: 0, aliceOnline: true },
  argTypes: {
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 } },
    jitterMs: { control: { type: 'range', min: 0, max: 1000, step: 10 } },
    dropRate: { control: { type: 'range', min: 0, max: 0.9, step: 0.05 } },
    duplicateRate: { control: { type: 'range', min: 0, max: 0.9, step: 0.05 } },
    reorderRate: { control: { type: 'range', min: 0, max: 0.9, step: 0.05 } },
    aliceOnline: { control: 'boolean', description: "Cut Alice's connection both ways" },
  },
  loaders: [mockChatLoader({ users: ['alice', 'bob'] })],
  render: (args, { loaded }) => <NetworkDemo {...args} chat={loaded.chat as MockChat} />,
} satisfies Meta<NetworkArgs>;
export default meta;

type Story = StoryObj<typeof meta>;

function NetworkDemo({ chat, aliceOnline, ...network }: NetworkArgs & { chat: MockChat }) {
  const { server, clients } = chat;
  const { latencyMs, jitterMs, dropRate, duplicateRate, reorderRate } = network;
  useEffect(() => {
    server.setNetwork({ latencyMs, jitterMs, dropRate, duplicateRate, reorderRate });
  }, [server, latencyMs, jitterMs, dropRate, duplicateRate, reorderRate]);
  useEffect(() => {
    server.setOnline('alice', aliceOnline);
  }, [server, aliceOnline]);
  return (
    <div className="demo-network">
      <div className="demo-toolbar">
        <button type="button" onClick={() => server.restart()}>
          Restart server
        </button>
        <ServerLogSize chat={chat} />
      </div>
      <div className="demo-panes">
        <ChatApp client={clients.alice!} caption="Alice" initialConversationId="alice-bob" />
        <ChatApp client={clients.bob!} caption="Bob" initialConversationId="alice-bob" />
      </div>
    </div>
  );
}

/** A slow but reliable network. */
export const SlowNetwork: Story = {};

/** Frames are lost, duplicated and reordered: retries and dedupe keep the conversation exact. */
export const LossyNetwork: Story = {
  args: { latencyMs: 200, jitterMs: 150, dropRate: 0.2, duplicateRate: 0.1, reorderRate: 0.1 },
};

/** Alice is cut off: what she sends waits in her outbox and goes out when she is back. */
export const AliceOffline: Story = {
  args: { aliceOnline: false, latencyMs: 50, jitterMs: 0 },
};

/** How many messages the server holds, polled: compare with what each pane shows. */
function ServerLogSize({ chat }: { chat: MockChat }) {
  const [size, setSize] = useState(() => chat.server.messages('alice-bob').length);
  useEffect(() => {
    const timer = setInterval(() => setSize(chat.server.messages('alice-bob').length), 500);
    return () => clearInterval(timer);
  }, [chat]);
  return <span>Messages in the server's log: {size}</span>;
}
