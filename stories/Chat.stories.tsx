import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ChatClient } from 'parley/core';
import { Chat, ChatProvider, type Catalog } from 'parley';
import { ar } from 'parley/locales/ar';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createMockChat } from './support/mockChat';

interface Loaded {
  client: ChatClient;
  catalog?: Catalog;
}

/** Alice, with Bob connected too (so he shows as online). */
function alice(catalog?: Catalog) {
  return async (): Promise<Loaded> => {
    const { clients } = await createMockChat({ users: ['alice', 'bob'] });
    return { client: clients.alice!, catalog };
  };
}

/**
 * The whole chat in one line, `<Chat />` inside `ChatProvider`: conversations
 * beside the open one when there is room, one pane at a time (with Back) when
 * the Chat itself is narrower than 640 px, wherever it is embedded.
 */
const meta = {
  title: 'Components/Chat',
  component: Chat,
  parameters: { layout: 'fullscreen' },
  args: { defaultSelectedId: 'general' },
  render: (args, { loaded, parameters }) => {
    const { client, catalog } = loaded as Loaded;
    return (
      <ChatProvider client={client} catalog={catalog}>
        <div style={{ blockSize: '100vh', inlineSize: (parameters.chatWidth as string | undefined) ?? '100%', marginInline: 'auto' }}>
          <Chat {...args} />
        </div>
      </ChatProvider>
    );
  },
  loaders: [alice()],
} satisfies Meta<typeof Chat>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The full app at desktop width: type a message and it is sent. */
export const Desktop: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('listbox', { name: 'Conversations' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'General' })).toBeVisible();
    await userEvent.type(canvas.getByRole('textbox', { name: /message/i }), 'Hello from the one-line Chat{Enter}');
    const row = async () => (await canvas.findByText('Hello from the one-line Chat')).closest('[data-status]');
    await waitFor(async () => expect(await row()).toHaveAttribute('data-status', expect.stringMatching(/^(sent|delivered|read)$/)));
  },
};

/** 360 px wide (a phone, or a narrow sidebar): the list first; a conversation opens over it, Back returns. */
export const Narrow: Story = {
  args: { defaultSelectedId: undefined },
  parameters: { chatWidth: '360px' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('option', { name: /^Bob Nguyen/ }));
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Bob Nguyen' })).toHaveFocus());
    await expect(canvas.queryByRole('listbox')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Back to conversations' }));
    await waitFor(() => expect(canvas.getByRole('option', { name: /^Bob Nguyen/ })).toHaveFocus());
  },
};

/** Host buttons in the open conversation's header. */
export const WithHeaderActions: Story = {
  args: {
    renderHeaderActions: (conversationId) => (
      <button type="button" className="parley-button parley-button-small" onClick={() => console.info('call', conversationId)}>
        Call
      </button>
    ),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Call' })).toBeVisible();
  },
};

/** Nothing open yet: the conversation pane says what to do. */
export const NothingOpen: Story = {
  args: { defaultSelectedId: undefined },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Choose a conversation')).toBeVisible();
  },
};

export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  loaders: [alice(ar)],
};

export const NarrowRightToLeft: Story = {
  args: { defaultSelectedId: undefined },
  globals: { dir: 'rtl' },
  parameters: { chatWidth: '360px' },
  loaders: [alice(ar)],
};

export const Dark: Story = {
  globals: { theme: 'dark' },
};
