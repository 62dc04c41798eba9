import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { createChatClient, type ChatClient } from 'parley/core';
import { ChatProvider, ConversationList, type Catalog } from 'parley';
import { expect, userEvent, within } from 'storybook/test';
import { ar } from 'parley/locales/ar';
import { createScriptedTransport } from './support/scriptedTransport';
import { createMockChat, untilState } from './support/mockChat';

interface Loaded {
  client: ChatClient;
  catalog?: Catalog;
}

/** Keeps the selection in story state, as a host app would. */
function SelectableList({ initialId, ...props }: { initialId?: string } & Parameters<typeof ConversationList>[0]) {
  const [selected, setSelected] = useState(initialId);
  return <ConversationList {...props} selectedId={selected} onSelect={setSelected} />;
}

/**
 * Alice's conversations, most recently active first. Tab into the list, then
 * Up/Down/Home/End move, Enter or Space selects, letters jump by title.
 */
const meta = {
  title: 'Components/ConversationList',
  component: ConversationList,
  parameters: { layout: 'padded' },
  render: (args, { loaded }) => {
    const { client, catalog } = loaded as Loaded;
    return (
      <ChatProvider client={client} catalog={catalog}>
        <div style={{ inlineSize: 360, blockSize: 560, display: 'flex' }}>
          <SelectableList {...args} initialId={args.selectedId} style={{ flex: 1 }} />
        </div>
      </ChatProvider>
    );
  },
} satisfies Meta<typeof ConversationList>;
export default meta;
type Story = StoryObj<typeof meta>;

const connectedAlice = async (): Promise<Loaded> => ({ client: (await createMockChat()).clients.alice! });

/** A client whose conversation list answers with `ack` (empty, or an error). */
async function listAnswering(ack: unknown): Promise<Loaded> {
  const transport = createScriptedTransport({ onConnect: { state: 'connected' }, acks: { 'conversations:list': ack } });
  const client = createChatClient({ transport, userId: 'alice' });
  await client.connect().catch(() => {
    // The error story expects the refusal.
  });
  return { client };
}

export const Default: Story = {
  args: { selectedId: 'general' },
  loaders: [connectedAlice],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('option', { name: /^General/ })).toHaveAttribute('aria-selected', 'true');
    await userEvent.tab();
    await expect(canvas.getByRole('option', { name: /^General/ })).toHaveFocus();
  },
};

/** Live messages from Bob and Carol raise the unread badges. */
export const WithUnread: Story = {
  loaders: [
    async () => {
      const { server, clients } = await createMockChat();
      server.postMessage('alice-bob', { authorId: 'bob', text: 'Are you there?' });
      server.postMessage('alice-bob', { authorId: 'bob', text: 'Lunch at 12?' });
      server.postMessage('alice-carol', { authorId: 'carol', text: 'Sent you the slides 📎' });
      // The pushes reach Alice before the story renders.
      const alice = clients.alice!;
      await untilState(alice, (s) => s.conversations['alice-bob']?.unreadCount === 2 && s.conversations['alice-carol']?.unreadCount === 1);
      return { client: alice };
    },
  ],
  play: async ({ canvasElement }) => {
    const option = within(canvasElement).getByRole('option', { name: /^Bob Nguyen/ });
    await expect(option).toHaveAttribute('data-unread', 'true');
    await expect(option).toHaveAccessibleName(/unread messages?$/);
  },
};

/** Before the list has loaded (the client is not connected yet). */
export const Loading: Story = {
  loaders: [async (): Promise<Loaded> => ({ client: (await createMockChat({ connect: false })).clients.alice! })],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Loading conversations…');
  },
};

export const Empty: Story = {
  loaders: [() => listAnswering({ ok: true, conversations: [], users: [] })],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('No conversations yet');
  },
};

export const LoadError: Story = {
  loaders: [() => listAnswering({ ok: false, error: { code: 'internal', message: 'Database unavailable' } })],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('Could not load conversations');
  },
};

/** The Arabic catalog, laid out right to left. */
export const RightToLeft: Story = {
  args: { selectedId: 'general' },
  globals: { dir: 'rtl' },
  loaders: [async (): Promise<Loaded> => ({ ...(await connectedAlice()), catalog: ar })],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('listbox', { name: 'المحادثات' })).toBeVisible();
  },
};

export const Dark: Story = {
  args: { selectedId: 'general' },
  globals: { theme: 'dark' },
  loaders: [connectedAlice],
};

export const Brand: Story = {
  args: { selectedId: 'general' },
  globals: { theme: 'brand' },
  loaders: [connectedAlice],
};

/** Bob mentions Alice in General and calls @here. */
async function mentionedAlice(): Promise<Loaded> {
  const { clients } = await createMockChat({ users: ['alice', 'bob'] });
  const bob = clients.bob!;
  await bob.sendMessage('general', { text: '@Alice can you review?', mentions: ['alice'] });
  await bob.sendMessage('general', { text: '@here standup in 5', mentions: ['here'] });
  // The pushes reach Alice before the story renders.
  await untilState(clients.alice!, (s) => s.conversations.general?.mentionCount === 2);
  return { client: clients.alice! };
}

/** Bob mentions Alice in General and calls @here: an "@" badge beside the unread count, named "2 mentions". */
export const MentionBadge: Story = {
  loaders: [mentionedAlice],
  play: async ({ canvasElement }) => {
    const option = within(canvasElement).getByRole('option', { name: /^General/ });
    await expect(option).toHaveAttribute('data-mentioned', 'true');
    await expect(option).toHaveAccessibleName(/2 mentions/);
  },
};

export const MentionBadgeDark: Story = { ...MentionBadge, globals: { theme: 'dark' } };

/** Arabic, right to left: the "@" badge beside the unread count at the row's inline end. */
export const MentionBadgeRightToLeft: Story = {
  loaders: [async (): Promise<Loaded> => ({ ...(await mentionedAlice()), catalog: ar })],
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const option = canvasElement.querySelector('[role="option"][data-mentioned="true"]');
    await expect(option).not.toBeNull();
  },
};
