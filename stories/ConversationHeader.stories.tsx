import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect } from 'react';
import type { ChatClient } from 'parley/core';
import type { MockChatServer } from 'parley/mock-server';
import { ChatProvider, ConversationHeader, type Catalog } from 'parley';
import { ar } from 'parley/locales/ar';
import { expect, fn, userEvent, within } from 'storybook/test';
import { createMockChat } from './support/mockChat';
import { sentence } from './support/sentence';

interface Loaded {
  client: ChatClient;
  server: MockChatServer;
  catalog?: Catalog;
}

/** Typing state expires after a few seconds; keep these users "typing" while the story is shown. */
function KeepTyping({ server, conversationId, userIds }: { server: MockChatServer; conversationId: string; userIds: string[] }) {
  useEffect(() => {
    const type = () => userIds.forEach((id) => server.setTyping(conversationId, id, true));
    type();
    const timer = setInterval(type, 2_000);
    return () => clearInterval(timer);
  }, [server, conversationId, userIds]);
  return null;
}

/** Alice, connected; `others` are connected too, so they show as online. */
function aliceWith(others: string[] = [], catalog?: Catalog) {
  return async (): Promise<Loaded> => {
    const { server, clients } = await createMockChat({ users: ['alice', ...others] });
    return { server, client: clients.alice!, catalog };
  };
}

/**
 * The open conversation's avatar and title (a heading, level 2 unless told),
 * and under it who is typing, else the other person's presence (direct chats),
 * else the member count (groups). Host buttons go in as children.
 */
const meta = {
  title: 'Components/ConversationHeader',
  component: ConversationHeader,
  parameters: { layout: 'padded' },
  args: { conversationId: 'general' },
  render: (args, { loaded, parameters }) => {
    const { client, server, catalog } = loaded as Loaded;
    return (
      <ChatProvider client={client} catalog={catalog}>
        <KeepTyping server={server} conversationId={args.conversationId} userIds={(parameters.typists as string[] | undefined) ?? []} />
        <div style={{ maxInlineSize: 560 }}>
          <ConversationHeader {...args} />
        </div>
      </ChatProvider>
    );
  },
  loaders: [aliceWith()],
} satisfies Meta<typeof ConversationHeader>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Group: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2, name: 'General' })).toBeVisible();
    await expect(await canvas.findByText('6 members')).toBeVisible();
  },
};

/** Bob is connected: a green dot and "Online". */
export const DirectOnline: Story = {
  args: { conversationId: 'alice-bob' },
  loaders: [aliceWith(['bob'])],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Bob Nguyen' })).toBeVisible();
    await expect(await canvas.findByText('Online')).toBeVisible();
  },
};

/** Nobody has Bob's session open. */
export const DirectOffline: Story = {
  args: { conversationId: 'alice-bob' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Offline')).toBeVisible();
  },
};

export const SomeoneTyping: Story = {
  parameters: { typists: ['carol'] },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(sentence('Carol Okafor is typing…'))).toBeVisible();
  },
};

/** The host's buttons, in a group named "Conversation actions"; a Back button for one-pane layouts. */
export const WithActions: Story = {
  args: {
    conversationId: 'alice-bob',
    onBack: fn(),
    children: (
      <>
        <button type="button" className="parley-button parley-button-small">
          Call
        </button>
        <button type="button" className="parley-button parley-button-small">
          Search
        </button>
      </>
    ),
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const actions = canvas.getByRole('group', { name: 'Conversation actions' });
    await expect(within(actions).getAllByRole('button')).toHaveLength(2);
    await userEvent.click(canvas.getByRole('button', { name: 'Back to conversations' }));
    await expect(args.onBack).toHaveBeenCalled();
  },
};

/** The Arabic catalog, right to left: Back at the right, its arrow pointing right. */
export const RightToLeft: Story = {
  args: { onBack: fn() },
  globals: { dir: 'rtl' },
  parameters: { typists: [] },
  loaders: [aliceWith([], ar)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'العودة إلى المحادثات' })).toBeVisible();
    await expect(await canvas.findByText(`الأعضاء: ${new Intl.NumberFormat('ar').format(6)}`)).toBeVisible();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { typists: ['bob'] },
};
