import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ChatClient } from 'parley/core';
import { ar } from 'parley/locales/ar';
import { ChatProvider, MessageInput, setReplyTarget, type Catalog } from 'parley';
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
  render: (args, { loaded }) => {
    const { client, catalog } = loaded as { client: ChatClient; catalog?: Catalog };
    return (
      <ChatProvider client={client} catalog={catalog}>
        <div style={{ maxInlineSize: 560 }}>
          <MessageInput {...args} />
        </div>
      </ChatProvider>
    );
  },
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

/**
 * Alice replies to Bob's latest message in `general` (chosen as the list's
 * Reply would): the bar above the field names him and quotes its first line.
 */
function replyingLoader(catalog?: Catalog) {
  return async () => {
    const client = (await createMockChat()).clients.alice!;
    await client.openConversation('general');
    const bobs = client.getMessages('general').filter((m) => m.authorId === 'bob' && m.text !== '' && m.deletedAt === undefined);
    setReplyTarget(client, 'general', bobs.at(-1)!.id);
    return { client, catalog };
  };
}

/** Writing a reply: "Replying to Bob", his first line, and a button to cancel; Escape in the field cancels too. */
export const ReplyComposing: Story = {
  loaders: [replyingLoader()],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The bar's code loads on first use.
    await expect(await canvas.findByText(/Replying to/)).toBeVisible();
    await expect(canvas.getByText('Bob Nguyen')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Cancel reply' })).toBeVisible();
  },
};

/** Escape in the field cancels the reply; the draft stays. */
export const ReplyCancelled: Story = {
  loaders: [replyingLoader()],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('button', { name: 'Cancel reply' });
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'On second thought');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Cancel reply' })).toBeNull());
    await expect(input).toHaveValue('On second thought');
    await expect(input).toHaveFocus();
  },
};

export const ReplyComposingDark: Story = {
  ...ReplyComposing,
  globals: { theme: 'dark' },
};

/** Arabic catalog, right to left: the bar's line starts at the right, the name kept in its own isolate. */
export const ReplyComposingRightToLeft: Story = {
  loaders: [replyingLoader(ar)],
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/الرد على/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'إلغاء الرد' })).toBeVisible();
  },
};

/**
 * Typing @ opens the people of the conversation (@here first in a group), filtered as you
 * type; ↑/↓ move, Enter or Tab picks, Escape closes. The sent message carries the picked ids.
 */
export const MentionPicker: Story = {
  loaders: [
    async () => {
      const { server, clients } = await createMockChat();
      return { client: clients.alice, server };
    },
  ],
  render: (args, { loaded }) => {
    const { client, catalog } = loaded as { client: ChatClient; catalog?: Catalog };
    return (
      <ChatProvider client={client} catalog={catalog}>
        {/* Room above the field: the picker opens upwards, over the messages. */}
        <div style={{ maxInlineSize: 560, paddingBlockStart: 280 }}>
          <MessageInput {...args} />
        </div>
      </ChatProvider>
    );
  },
  play: async ({ canvasElement, loaded }) => {
    const { server } = loaded as { server: Awaited<ReturnType<typeof createMockChat>>['server'] };
    const canvas = within(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, '@bo');
    const listbox = await canvas.findByRole('listbox', { name: 'People to mention' });
    await expect(within(listbox).getByRole('option', { name: '@Bob Nguyen' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    await expect(input).toHaveValue('@Bob Nguyen ');
    await userEvent.keyboard('can you review?{Enter}');
    await waitFor(() => expect(server.messages('general').at(-1)?.mentions).toEqual(['bob']));
    // Open again for the story's picture: every member, @here first.
    await userEvent.type(input, '@');
    await canvas.findByRole('listbox', { name: 'People to mention' });
  },
};

export const MentionPickerDark: Story = { ...MentionPicker, globals: { theme: 'dark' } };

/** Arabic, right to left: the picker opens above the field, names in their own direction. */
export const MentionPickerRightToLeft: Story = {
  ...MentionPicker,
  loaders: [
    async () => {
      const { server, clients } = await createMockChat();
      return { client: clients.alice, server, catalog: ar };
    },
  ],
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox'), '@');
    await expect(await canvas.findByRole('listbox')).toBeVisible();
  },
};
