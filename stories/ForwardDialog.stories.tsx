import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import type { ChatClient, Message } from 'parley/core';
import { ar } from 'parley/locales/ar';
import { ChatProvider, ForwardDialog, MessageList, type Catalog } from 'parley';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createMockChat } from './support/mockChat';

interface Loaded {
  client: ChatClient;
  message: Message;
  catalog?: Catalog;
}

interface ForwardArgs {
  /** What the canvas shows: the dialog over a page, or a conversation holding a forwarded message. */
  view: 'dialog' | 'forwarded';
}

/** Alice, connected, about to forward bob's latest message in Launch; `forward` forwards it to Design reviews first. */
function alice({ catalog, forward = false }: { catalog?: Catalog; forward?: boolean } = {}) {
  return async (): Promise<Loaded> => {
    const { server, clients } = await createMockChat({
      setup: (s) => {
        s.addMessages('launch', [{ authorId: 'bob', text: 'The release notes are live\nPlease read them before Friday', createdAt: Date.now() - 60_000 }]);
      },
    });
    const client = clients.alice!;
    const message = server.messages('launch').at(-1)!;
    if (forward) await client.forwardMessage(message.id, 'design');
    return { client, message, catalog };
  };
}

/** The dialog as a toolbar opens it, with a button to open it again once closed. */
function DialogPage({ message }: { message: Message }) {
  const [open, setOpen] = useState(true);
  return (
    <main style={{ padding: 16 }}>
      <button type="button" className="parley-button" onClick={() => setOpen(true)}>
        Forward
      </button>
      {open && <ForwardDialog message={message} onClose={() => setOpen(false)} />}
    </main>
  );
}

/**
 * Forwarding a message: a modal dialog with the conversations the user is in
 * (the same one too), a filter box, and what became of the forward. Focus
 * stays inside until Escape or Close; the copy carries a "Forwarded from …"
 * label in its new conversation.
 */
const meta = {
  title: 'Components/ForwardDialog',
  parameters: { layout: 'fullscreen' },
  args: { view: 'dialog' },
  render: (args, { loaded }) => {
    const { client, message, catalog } = loaded as Loaded;
    return (
      <ChatProvider client={client} catalog={catalog}>
        {args.view === 'dialog' ? (
          <DialogPage message={message} />
        ) : (
          <div style={{ display: 'flex', flexDirection: 'column', height: '100vh', maxInlineSize: 640 }}>
            <MessageList conversationId="design" style={{ flex: 1, minHeight: 0 }} />
          </div>
        )}
      </ChatProvider>
    );
  },
} satisfies Meta<ForwardArgs>;
export default meta;
type Story = StoryObj<typeof meta>;

const dialog = async () => within(document.body).findByRole('dialog', { name: 'Forward message' });

/** Just opened: the filter has focus, every conversation is listed. */
export const Open: Story = {
  loaders: [alice()],
  play: async () => {
    const box = await dialog();
    await waitFor(() => expect(within(box).getByRole('searchbox', { name: 'Find a conversation' })).toHaveFocus());
    await expect(within(box).getByRole('button', { name: 'Design reviews' })).toBeVisible();
  },
};

/** The filter narrows the list (case and accents aside). */
export const Filtered: Story = {
  loaders: [alice()],
  play: async () => {
    const box = await dialog();
    await userEvent.type(within(box).getByRole('searchbox'), 'des');
    await waitFor(() => expect(within(box).getAllByRole('listitem')).toHaveLength(1));
  },
};

export const NoMatch: Story = {
  loaders: [alice()],
  play: async () => {
    const box = await dialog();
    await userEvent.type(within(box).getByRole('searchbox'), 'nowhere at all');
    await expect(await within(box).findByText('No conversation matches')).toBeVisible();
  },
};

/** Forwarded to one conversation: the dialog says where it went and stays open for another. */
export const Forwarded: Story = {
  loaders: [alice()],
  play: async () => {
    const box = await dialog();
    await userEvent.click(within(box).getByRole('button', { name: 'Design reviews' }));
    await waitFor(() => expect(within(box).getByRole('status')).toHaveTextContent('Forwarded to Design reviews'));
  },
};

/** The copy in Design reviews, labelled with where it came from. */
export const ForwardedMessage: Story = {
  args: { view: 'forwarded' },
  loaders: [alice({ forward: true })],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Launch 🚀')).toBeVisible();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  loaders: [alice()],
  play: async () => {
    await dialog();
  },
};

export const ForwardedMessageDark: Story = {
  args: { view: 'forwarded' },
  globals: { theme: 'dark' },
  loaders: [alice({ forward: true })],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Launch 🚀')).toBeVisible();
  },
};

/** The Arabic catalog, right to left. */
export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  loaders: [alice({ catalog: ar })],
  play: async () => {
    await within(document.body).findByRole('dialog', { name: 'إعادة توجيه الرسالة' });
  },
};

export const ForwardedMessageRightToLeft: Story = {
  args: { view: 'forwarded' },
  globals: { dir: 'rtl' },
  loaders: [alice({ catalog: ar, forward: true })],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Launch 🚀')).toBeVisible();
  },
};
