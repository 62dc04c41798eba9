import type { Meta, StoryObj } from '@storybook/react-vite';
import { createChatClient, type ChatClient } from 'parley/core';
import { ChatProvider, ConnectionStatus } from 'parley';
import { expect, userEvent, within } from 'storybook/test';
import { createScriptedTransport } from './support/scriptedTransport';
import { createMockChat } from './support/mockChat';

/**
 * The connection banner. Online, Offline and Unauthorized run on the mock
 * server; Connecting and Reconnecting use a scripted transport so the state
 * holds still long enough to look at (it still drives the real client).
 */
const meta = {
  title: 'Components/ConnectionStatus',
  component: ConnectionStatus,
  parameters: { layout: 'padded' },
  render: (args, { loaded }) => (
    <ChatProvider client={(loaded as { client: ChatClient }).client}>
      <div style={{ maxInlineSize: 420 }}>
        <ConnectionStatus {...args} />
      </div>
    </ChatProvider>
  ),
} satisfies Meta<typeof ConnectionStatus>;
export default meta;
type Story = StoryObj<typeof meta>;

const RETRY_IN_MS = 30_000;

export const Connecting: Story = {
  loaders: [
    async () => {
      const client = createChatClient({ transport: createScriptedTransport({ onConnect: { state: 'connecting' } }), userId: 'alice' });
      void client.connect();
      return { client };
    },
  ],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Connecting…');
  },
};

export const Online: Story = {
  loaders: [async () => ({ client: (await createMockChat()).clients.alice })],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveAttribute('data-state', 'online');
  },
};

/** While online the banner is gone; "Online" stays for screen readers. */
export const HiddenWhenOnline: Story = {
  ...Online,
  args: { hideWhenOnline: true },
};

export const Offline: Story = {
  loaders: [
    async () => {
      const { clients } = await createMockChat();
      clients.alice!.disconnect();
      return { client: clients.alice };
    },
  ],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Offline');
  },
};

/** Waiting for the next attempt: a countdown, and "Retry now" (which fails again here). */
export const Reconnecting: Story = {
  loaders: [
    async () => {
      const waiting = () => ({ state: 'disconnected', willRetry: true, nextRetryAt: Date.now() + RETRY_IN_MS }) as const;
      const transport = createScriptedTransport({
        onConnect: waiting(),
        onReconnectNow: (t) => {
          t.setStatus({ state: 'connecting' });
          setTimeout(() => t.setStatus(waiting()), 800);
        },
      });
      const client = createChatClient({ transport, userId: 'alice' });
      void client.connect();
      return { client };
    },
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent(/Reconnecting in \d+ s/);
    await userEvent.click(canvas.getByRole('button', { name: 'Retry now' }));
    await expect(await canvas.findByText(/Reconnecting in \d+ s/, {}, { timeout: 3000 })).toBeVisible();
  },
};

/** A refused token: the server's reason is shown, and no retry is offered. */
export const Unauthorized: Story = {
  loaders: [
    async () => {
      // Through createMockChat so the next story disposes this server.
      const { server } = await createMockChat({ users: [], connect: false });
      const client = createChatClient({ transport: server.connect({ userId: 'alice', token: 'expired-token' }), userId: 'alice' });
      await client.connect().catch(() => {
        // Expected: the story shows the refusal.
      });
      return { client };
    },
  ],
  play: async ({ canvasElement }) => {
    const status = within(canvasElement).getByRole('status');
    await expect(status).toHaveAttribute('data-error', 'unauthorized');
    await expect(status).toHaveTextContent(/Sign-in was refused/);
  },
};
