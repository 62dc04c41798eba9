import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ChatClient } from 'parley/core';
import { ChatProvider, MessageInput } from 'parley';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createMockChat } from './support/mockChat';

/**
 * The composer. Enter sends, Shift+Enter adds a line, the field grows with
 * its text; sent messages go to the mock server (see the Full chat demo for
 * them arriving on the other side).
 */
const meta = {
  title: 'Components/MessageInput',
  component: MessageInput,
  parameters: { layout: 'padded' },
  args: { conversationId: 'general' },
  render: (args, { loaded }) => (
    <ChatProvider client={(loaded as { client: ChatClient }).client}>
      <div style={{ maxInlineSize: 560 }}>
        <MessageInput {...args} />
      </div>
    </ChatProvider>
  ),
} satisfies Meta<typeof MessageInput>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  loaders: [async () => ({ client: (await createMockChat()).clients.alice })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'Hello from the story{Enter}');
    await expect(input).toHaveValue('');
    await expect(input).toHaveFocus();
  },
};

export const DirectChat: Story = {
  ...Default,
  args: { conversationId: 'alice-bob' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('textbox')).toHaveAttribute('placeholder', 'Message Bob Nguyen');
  },
};

/** The connection dropped: a note says messages will go out later; sending still works (they queue). */
export const Offline: Story = {
  loaders: [
    async () => {
      const { server, clients } = await createMockChat();
      server.setOnline('alice', false);
      return { client: clients.alice };
    },
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/Messages will be sent when the connection returns/)).toBeVisible();
  },
};

/** Over the length limit: a counter, an announced error, and no sending. */
export const TooLong: Story = {
  loaders: [async () => ({ client: (await createMockChat()).clients.alice })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.click(input);
    await userEvent.paste('Too long! '.repeat(1_001));
    await waitFor(() => expect(canvas.getByText(/Message is too long/)).toBeVisible());
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  loaders: [async () => ({ client: (await createMockChat()).clients.alice })],
};
