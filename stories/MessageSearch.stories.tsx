import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ChatClient } from 'parley/core';
import type { MockChatServer } from 'parley/mock-server';
import { ar } from 'parley/locales/ar';
import { Chat, ChatProvider, MessageSearch, type Catalog } from 'parley';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { createMockChat } from './support/mockChat';

interface Loaded {
  client: ChatClient;
  catalog?: Catalog;
}

const HOUR = 3_600_000;

/** Messages about the launch in three conversations, one of them with markup in its text (shown as text). */
function launchTalk(server: MockChatServer): void {
  const now = Date.now();
  server.addMessages('general', [
    { authorId: 'carol', text: 'Rollout plan: the rollout starts Monday, staged by region', createdAt: now - 26 * HOUR },
    { authorId: 'dave', text: 'Is the <b>rollout</b> blocked on the migration?', createdAt: now - 5 * HOUR },
  ]);
  server.addMessages('launch', [{ authorId: 'bob', text: 'Rollback steps are in the runbook if the rollout goes wrong', createdAt: now - 3 * HOUR }]);
  server.addMessages('alice-bob', [{ authorId: 'bob', text: 'Rolled out to Europe. Café to celebrate?', createdAt: now - HOUR }]);
}

function arabicTalk(server: MockChatServer): void {
  const now = Date.now();
  server.addMessages('general', [
    { authorId: 'carol', text: 'خطة الإطلاق: يبدأ الإطلاق يوم الاثنين', createdAt: now - 26 * HOUR },
    { authorId: 'dave', text: 'هل الإطلاقُ متوقف على الترحيل؟', createdAt: now - 5 * HOUR },
  ]);
  server.addMessages('launch', [{ authorId: 'bob', text: 'خطوات التراجع في الدليل إن تعثّر الإطلاق', createdAt: now - 3 * HOUR }]);
}

function alice({ history = launchTalk, catalog, ready }: { history?: (server: MockChatServer) => void; catalog?: Catalog; ready?: (server: MockChatServer) => void } = {}) {
  return async (): Promise<Loaded> => {
    const { clients } = await createMockChat({ setup: history, ready: ({ server }) => ready?.(server) });
    return { client: clients.alice!, catalog };
  };
}

/**
 * Search over the server's messages: a search box, results newest first with
 * the matching words marked (as text), ArrowDown/ArrowUp through them from the
 * box, Enter opens one, Escape clears. Everything runs on the mock server.
 */
const meta = {
  title: 'Components/MessageSearch',
  component: MessageSearch,
  parameters: { layout: 'fullscreen' },
  args: { onSelect: fn(), onClose: fn() },
  render: (args, { loaded }) => {
    const { client, catalog } = loaded as Loaded;
    return (
      <ChatProvider client={client} catalog={catalog}>
        <div style={{ display: 'flex', flexDirection: 'column', blockSize: '100vh', maxInlineSize: 480 }}>
          <MessageSearch {...args} />
        </div>
      </ChatProvider>
    );
  },
  loaders: [alice()],
} satisfies Meta<typeof MessageSearch>;
export default meta;
type Story = StoryObj<typeof meta>;

async function search(canvasElement: HTMLElement, query: string, name = 'Search messages') {
  const canvas = within(canvasElement);
  const box = await canvas.findByRole('searchbox', { name });
  await userEvent.type(box, query);
  return { canvas, box };
}

/** Results from every conversation, newest first; the active one moved to with ArrowDown. */
export const Results: Story = {
  play: async ({ canvasElement, args }) => {
    const { canvas } = await search(canvasElement, 'rollout');
    const list = await canvas.findByRole('listbox', { name: 'Search results' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(3));
    await expect(canvas.getByRole('status')).toHaveTextContent('3 messages found');
    // The markup in Dave's message is its text; only the match is marked.
    const daves = within(list).getByRole('option', { name: /<b>rollout<\/b>/ });
    await expect(daves.querySelector('b')).toBeNull();
    await expect(within(daves).getByText('rollout', { selector: 'mark' })).toBeVisible();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect(within(list).getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    await expect(args.onSelect).toHaveBeenCalledTimes(1);
  },
};

export const ResultsDark: Story = {
  ...Results,
  globals: { theme: 'dark' },
};

/** The Arabic catalog, right to left; Arabic words matched with their vowel marks aside. */
export const ResultsRightToLeft: Story = {
  loaders: [alice({ history: arabicTalk, catalog: ar })],
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const { canvas } = await search(canvasElement, 'الإطلاق', 'البحث في الرسائل');
    const list = await canvas.findByRole('listbox', { name: 'نتائج البحث' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(3));
    await userEvent.keyboard('{ArrowDown}');
    await expect(within(list).getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');
  },
};

/** Nothing matches: said in the status, no list. */
export const NoResults: Story = {
  play: async ({ canvasElement }) => {
    const { canvas } = await search(canvasElement, 'zeppelin');
    await expect(await canvas.findByText('No messages match “zeppelin”')).toBeVisible();
    await expect(canvas.queryByRole('listbox')).toBeNull();
  },
};

export const NoResultsDark: Story = {
  ...NoResults,
  globals: { theme: 'dark' },
};

/** The answer is on its way (a 60 s network delay keeps it there). */
export const Searching: Story = {
  loaders: [alice({ ready: (server) => server.setNetwork({ latencyMs: 60_000 }) })],
  play: async ({ canvasElement }) => {
    const { canvas } = await search(canvasElement, 'rollout');
    await expect(await canvas.findByText('Searching…')).toBeVisible();
  },
};

/** The search failed (alice's connection is cut): said, with Try again. */
export const SearchFailed: Story = {
  loaders: [alice({ ready: (server) => server.setOnline('alice', false) })],
  play: async ({ canvasElement }) => {
    const { canvas } = await search(canvasElement, 'rollout');
    await expect(await canvas.findByText('The search failed', {}, { timeout: 15_000 })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

export const SearchFailedRightToLeft: Story = {
  loaders: [alice({ history: arabicTalk, catalog: ar, ready: (server) => server.setOnline('alice', false) })],
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const { canvas } = await search(canvasElement, 'الإطلاق', 'البحث في الرسائل');
    await expect(await canvas.findByText('تعذّر البحث', {}, { timeout: 15_000 })).toBeVisible();
  },
};

/** Over the server's length limit: said, and nothing is sent. */
export const QueryTooLong: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const box = await canvas.findByRole('searchbox', { name: 'Search messages' });
    await userEvent.click(box);
    await userEvent.paste('rollout '.repeat(26));
    await expect(await canvas.findByText(/The search is too long/)).toBeVisible();
    await expect(box).toHaveAttribute('aria-invalid', 'true');
  },
};

/** A thousand messages back in General, with a word to find at their start. */
function farBack(server: MockChatServer): void {
  const start = Date.now() - 40 * 24 * HOUR;
  server.addMessages(
    'general',
    Array.from({ length: 1_200 }, (_, i) => ({
      authorId: ['bob', 'carol', 'dave'][i % 3]!,
      text: i === 10 ? 'The quarterly zeppelin review is on Thursday' : `Standup note ${i + 1}`,
      createdAt: start + i * 30 * 60_000,
    })),
  );
}

function inChat(args: unknown, loaded: Loaded) {
  return (
    <ChatProvider client={loaded.client} catalog={loaded.catalog}>
      <div style={{ blockSize: '100vh' }}>
        <Chat defaultSelectedId="general" />
      </div>
    </ChatProvider>
  );
}

/** In the Chat: the header's search button, a result 1 200 messages back; Enter pages the list back to it and lights it up. */
export const JumpFromSearch: Story = {
  loaders: [alice({ history: farBack })],
  render: (args, { loaded }) => inChat(args, loaded as Loaded),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Search messages' }));
    const box = await canvas.findByRole('searchbox', { name: 'Search messages' });
    await userEvent.type(box, 'zeppelin');
    await canvas.findByRole('option', { name: /zeppelin/ });
    await userEvent.keyboard('{ArrowDown}{Enter}');
    const feed = await canvas.findByRole('feed');
    await waitFor(
      () => expect(within(feed).getByText('The quarterly zeppelin review is on Thursday').closest('[data-highlighted]')).toHaveAttribute('data-highlighted', 'true'),
      { timeout: 20_000 },
    );
  },
};

export const JumpFromSearchRightToLeft: Story = {
  loaders: [alice({ history: farBack, catalog: ar })],
  globals: { dir: 'rtl' },
  render: (args, { loaded }) => inChat(args, loaded as Loaded),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'البحث في الرسائل' }));
    await userEvent.type(await canvas.findByRole('searchbox', { name: 'البحث في الرسائل' }), 'zeppelin');
    await canvas.findByRole('option', { name: /zeppelin/ });
    await userEvent.keyboard('{ArrowDown}{Enter}');
    const feed = await canvas.findByRole('feed');
    await waitFor(
      () => expect(within(feed).getByText('The quarterly zeppelin review is on Thursday').closest('[data-highlighted]')).toHaveAttribute('data-highlighted', 'true'),
      { timeout: 20_000 },
    );
  },
};
