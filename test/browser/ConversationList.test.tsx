import { useState } from 'react';
import { afterEach, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { ChatProvider, ConversationList } from 'parley';
import '../../src/theme/styles.css';

let server: MockChatServer;
let client: ChatClient;

async function setup(options: { connect?: boolean; selectedId?: string } = {}) {
  server = createMockServer({ seed: 'demo' });
  client = createChatClient({
    transport: server.connect({ userId: 'alice', token: 'alice-token' }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
  });
  if (options.connect !== false) await client.connect();
  const onSelect = vi.fn();
  function Host() {
    const [selected, setSelected] = useState(options.selectedId);
    return (
      <ChatProvider client={client}>
        <button type="button">before</button>
        <ConversationList
          selectedId={selected}
          onSelect={(id) => {
            setSelected(id);
            onSelect(id);
          }}
        />
        <button type="button">after</button>
      </ChatProvider>
    );
  }
  await render(<Host />);
  return { onSelect };
}

afterEach(() => {
  client?.disconnect();
  server?.dispose();
});

const options = () => page.getByRole('option').elements();
const idOf = (el: Element | null) => el?.getAttribute('data-conversation-id');
const order = () => client.store.getState().conversationOrder;

test('lists every conversation, most recent first, as one listbox', async () => {
  await setup();
  await expect.element(page.getByRole('listbox', { name: 'Conversations' })).toBeVisible();
  expect(options().map(idOf)).toEqual(order());
  // Direct chats are named after the other person; groups by title.
  await expect.element(page.getByRole('option', { name: /^Bob Nguyen/ })).toBeVisible();
  await expect.element(page.getByRole('option', { name: /^General/ })).toBeVisible();
});

test('the list is one tab stop; arrows, Home and End move focus; Enter and Space select', async () => {
  const { onSelect } = await setup();
  await page.getByRole('button', { name: 'before' }).click();
  await userEvent.tab();
  expect(idOf(document.activeElement)).toBe(order()[0]);
  await userEvent.keyboard('{ArrowDown}');
  expect(idOf(document.activeElement)).toBe(order()[1]);
  await userEvent.keyboard('{ArrowDown}');
  expect(idOf(document.activeElement)).toBe(order()[2]);
  await userEvent.keyboard('{ArrowUp}');
  expect(idOf(document.activeElement)).toBe(order()[1]);
  await userEvent.keyboard('{Enter}');
  expect(onSelect).toHaveBeenLastCalledWith(order()[1]);
  await expect.element(page.getByRole('option', { selected: true })).toHaveAttribute('data-conversation-id', order()[1]!);
  await userEvent.keyboard('{End}');
  expect(idOf(document.activeElement)).toBe(order().at(-1));
  await userEvent.keyboard(' ');
  expect(onSelect).toHaveBeenLastCalledWith(order().at(-1));
  await userEvent.keyboard('{Home}');
  expect(idOf(document.activeElement)).toBe(order()[0]);
  // Tab leaves the list: it is a single stop.
  await userEvent.tab();
  await expect.element(page.getByRole('button', { name: 'after' })).toHaveFocus();
  // Coming back lands on the selected conversation.
  await userEvent.tab({ shift: true });
  expect(idOf(document.activeElement)).toBe(order().at(-1));
});

test('clicking selects', async () => {
  const { onSelect } = await setup({ selectedId: 'general' });
  await expect.element(page.getByRole('option', { name: /^General/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('option', { name: /^Bob Nguyen/ }).click();
  expect(onSelect).toHaveBeenCalledWith('alice-bob');
  await expect.element(page.getByRole('option', { name: /^Bob Nguyen/ })).toHaveAttribute('data-selected', 'true');
  await expect.element(page.getByRole('option', { name: /^General/ })).toHaveAttribute('aria-selected', 'false');
});

test('unread badge with accessible text, updated live', async () => {
  await setup();
  const general = page.getByRole('option', { name: /^General/ });
  const before = client.store.getState().conversations.general!.unreadCount;
  expect(before).toBeGreaterThan(0);
  await expect.element(general).toHaveAttribute('data-unread', 'true');
  await expect.element(general).toHaveAccessibleName(new RegExp(`${before} unread messages$`));
  server.postMessage('general', { authorId: 'bob', text: 'One more thing' });
  server.postMessage('general', { authorId: 'carol', text: 'And another' });
  await expect.element(general).toHaveAccessibleName(new RegExp(`${before + 2} unread messages$`));
  await expect.element(general.getByText(`${before + 2} unread messages`)).toBeInTheDocument();
  await expect.element(general.getByText('Carol Okafor: And another')).toBeVisible();
});

test('a new message moves its conversation to the top; focus stays on it', async () => {
  await setup();
  const last = order().at(-1)!;
  await page.getByRole('button', { name: 'before' }).click();
  await userEvent.tab();
  await userEvent.keyboard('{End}');
  expect(idOf(document.activeElement)).toBe(last);
  const author = server.conversation(last)!.memberIds.find((id) => id !== 'alice')!;
  server.postMessage(last, { authorId: author, text: 'Bump' });
  await expect.poll(() => idOf(options()[0] ?? null)).toBe(last);
  expect(idOf(document.activeElement)).toBe(last);
  expect(options().filter((o) => o.getAttribute('tabindex') === '0').map(idOf)).toEqual([last]);
});

test('own last message reads "You: …"', async () => {
  await setup();
  await client.sendMessage('alice-bob', { text: 'See you at noon' });
  await expect.element(page.getByRole('option', { name: /^Bob Nguyen/ }).getByText('You: See you at noon')).toBeVisible();
});

test('direct chats say whether the other person is online', async () => {
  await setup();
  const bob = page.getByRole('option', { name: /^Bob Nguyen/ });
  await expect.element(bob).toHaveAccessibleName(/^Bob Nguyen Offline/);
  const bobClient = createChatClient({ transport: server.connect({ userId: 'bob', token: 'bob-token' }), userId: 'bob' });
  await bobClient.connect();
  await expect.element(bob).toHaveAccessibleName(/^Bob Nguyen Online/);
  await expect.element(bob).toHaveAttribute('data-presence', 'online');
  bobClient.disconnect();
});

test('a loading row with role=status until the list arrives', async () => {
  await setup({ connect: false });
  await expect.element(page.getByRole('status')).toHaveTextContent('Loading conversations…');
  await client.connect();
  await expect.element(page.getByRole('listbox', { name: 'Conversations' })).toBeVisible();
});
