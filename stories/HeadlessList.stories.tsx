import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ChatClient } from 'parley/core';
import { ChatProvider, MessageInput } from 'parley';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { CompactLog } from './recipes/CompactLog';
import './recipes/recipes.css';
import { aliceLoader } from './support/mockChat';

/**
 * A list with markup of its own on `useMessageList` and `MessageListViewport`:
 * one line per message. Scroll up to page through history (the line being read
 * stays still), arrow keys move between lines, hovering a line shows Parley's toolbar.
 */
const meta = {
  title: 'Recipes/Headless list',
  parameters: { layout: 'fullscreen' },
  args: { conversationId: 'general' },
  render: (args, { loaded }) => {
    const { client } = loaded as { client: ChatClient };
    return (
      <ChatProvider client={client}>
        <div style={{ display: 'flex', flexDirection: 'column', height: '100vh', maxInlineSize: 720 }}>
          <div style={{ flex: 1, minHeight: 0 }}>
            <CompactLog conversationId={args.conversationId} />
          </div>
          <MessageInput conversationId={args.conversationId} />
        </div>
      </ChatProvider>
    );
  },
} satisfies Meta<{ conversationId: string }>;
export default meta;
type Story = StoryObj<typeof meta>;


/** The demo's group conversation as a log; a sent line appears at the bottom. */
export const Log: Story = {
  loaders: [aliceLoader()],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const feed = await canvas.findByRole('feed');
    await waitFor(() => expect(within(feed).getAllByRole('article').length).toBeGreaterThan(3));
    await userEvent.type(canvas.getByRole('textbox', { name: /message/i }), 'Logged{Enter}');
    await waitFor(() => expect(within(feed).getByText('Logged').closest('.recipe-log-row')).not.toBeNull());
  },
};

/** 5 000 messages: pages load as you scroll up, as in MessageList. */
export const LongLog: Story = {
  args: { conversationId: 'launch' },
  loaders: [
    aliceLoader({
      setup: (server) => {
        const start = Date.now() - 5_000 * 60_000;
        server.addMessages(
          'launch',
          Array.from({ length: 5_000 }, (_, i) => ({ authorId: ['bob', 'carol', 'alice'][i % 3]!, text: `Log line ${i + 1}`, createdAt: start + i * 60_000 })),
        );
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    const feed = await within(canvasElement).findByRole('feed');
    await waitFor(() => expect(within(feed).getByText('Log line 5000')).toBeVisible());
  },
};
