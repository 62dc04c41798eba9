import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect } from 'react';
import type { ChatClient } from 'parley/core';
import type { MockChatServer } from 'parley/mock-server';
import { ChatProvider, TypingIndicator } from 'parley';
import { expect, within } from 'storybook/test';
import { createMockChat } from './support/mockChat';
import { sentence } from './support/sentence';

interface Loaded {
  client: ChatClient;
  server: MockChatServer;
}

/** Typing state expires after a few seconds; keep these users "typing" while the story is shown. */
function KeepTyping({ server, userIds }: { server: MockChatServer; userIds: string[] }) {
  useEffect(() => {
    const type = () => userIds.forEach((id) => server.setTyping('general', id, true));
    type();
    const timer = setInterval(type, 2_000);
    return () => clearInterval(timer);
  }, [server, userIds]);
  return null;
}

/**
 * Who is typing in #general. Always a polite live region (present even when
 * empty, so announcements work); the dots stand still with reduced motion.
 */
const meta = {
  title: 'Components/TypingIndicator',
  component: TypingIndicator,
  parameters: { layout: 'padded' },
  args: { conversationId: 'general' },
  render: (args, { loaded, parameters }) => {
    const { client, server } = loaded as Loaded;
    return (
      <ChatProvider client={client}>
        <KeepTyping server={server} userIds={(parameters.typists as string[] | undefined) ?? []} />
        <TypingIndicator {...args} />
      </ChatProvider>
    );
  },
  loaders: [
    async (): Promise<Loaded> => {
      const { server, clients } = await createMockChat();
      return { server, client: clients.alice! };
    },
  ],
} satisfies Meta<typeof TypingIndicator>;
export default meta;
type Story = StoryObj<typeof meta>;

export const OneTyping: Story = {
  parameters: { typists: ['bob'] },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(sentence('Bob Nguyen is typing…'))).toBeVisible();
  },
};

export const TwoTyping: Story = {
  parameters: { typists: ['bob', 'carol'] },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(sentence('Bob Nguyen and Carol Okafor are typing…'))).toBeVisible();
  },
};

export const SeveralTyping: Story = {
  parameters: { typists: ['bob', 'carol', 'dave', 'erin'] },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(sentence('Bob Nguyen and 3 others are typing…'))).toBeVisible();
  },
};

/** Nobody types: the live region is there, empty. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const status = within(canvasElement).getByRole('status');
    await expect(status).toHaveAttribute('data-state', 'idle');
    await expect(status).toBeEmptyDOMElement();
  },
};
