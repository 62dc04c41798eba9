import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ChatClient } from 'parley/core';
import { ChatProvider, MessageInput, MessageList } from 'parley';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { CardBubble } from './recipes/CardBubble';
import './recipes/recipes.css';
import { aliceLoader } from './support/mockChat';
import { sampleImage } from './support/sampleImages';

/**
 * `MessageList` with a bubble of another shape (`renderMessage`), built from the
 * exported parts: `MessageText`, `MessageAttachments`, `MessageReactions`,
 * `MessageStatus`, `Avatar`. The list keeps its behaviour and its toolbar.
 */
const meta = {
  title: 'Recipes/Bring your own bubble',
  parameters: { layout: 'fullscreen' },
  args: { conversationId: 'general' },
  render: (args, { loaded }) => {
    const { client } = loaded as { client: ChatClient };
    return (
      <ChatProvider client={client}>
        <div style={{ display: 'flex', flexDirection: 'column', height: '100vh', maxInlineSize: 640 }}>
          <MessageList conversationId={args.conversationId} renderMessage={(props) => <CardBubble {...props} />} style={{ flex: 1, minHeight: 0 }} />
          <MessageInput conversationId={args.conversationId} />
        </div>
      </ChatProvider>
    );
  },
} satisfies Meta<{ conversationId: string }>;
export default meta;
type Story = StoryObj<typeof meta>;


/** The demo's group conversation, as cards. Sending one shows it as a card with its status. */
export const Cards: Story = {
  loaders: [aliceLoader()],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const feed = await canvas.findByRole('feed');
    await waitFor(() => expect(feed.querySelectorAll('.recipe-card').length).toBeGreaterThan(3));
    await userEvent.type(canvas.getByRole('textbox', { name: /message/i }), 'Cards are fine too{Enter}');
    await waitFor(() => expect(within(feed).getByText('Cards are fine too').closest('.recipe-card')).not.toBeNull());
  },
};

/** Files and reactions come from the same parts as in Parley's bubble. */
export const FilesAndReactions: Story = {
  loaders: [
    aliceLoader({
      setup: async (server) => {
        const attachments = [await sampleImage('mockup', 320, 200, 210, 'Mock-up')];
        server.addMessages('general', [{ authorId: 'bob', text: 'Here is the mock-up', createdAt: Date.now() - 60_000, attachments }]);
      },
      ready: async ({ server, clients }) => {
        // A reaction goes to a message the client holds: open the conversation first.
        await clients.alice!.openConversation('general');
        await clients.alice!.addReaction(server.messages('general').at(-1)!.id, '👍');
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    const feed = await within(canvasElement).findByRole('feed');
    await waitFor(() => expect(within(feed).getByRole('img', { name: /.+/ })).toBeVisible());
    await waitFor(() => expect(within(feed).getByRole('button', { name: /👍/ })).toBeVisible());
  },
};
