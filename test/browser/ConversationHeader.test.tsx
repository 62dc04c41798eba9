/** ConversationHeader in real Chromium, live from the mock server: title, member count, presence, typing, actions, RTL. */
import { afterEach, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { memoryClient } from './fixtures/memoryClient';
import { ChatProvider, ConversationHeader, type ConversationHeaderProps } from 'parley';
import { ar } from 'parley/locales/ar';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function connect(server: MockChatServer, userId: string): Promise<ChatClient> {
  const client = memoryClient(server, userId, cleanups);
  await client.connect();
  return client;
}

async function setup(props: ConversationHeaderProps, { bobOnline = false, rtl = false } = {}) {
  const server = createMockServer({ seed: 'demo' });
  cleanups.push(() => server.dispose());
  const bob = bobOnline ? await connect(server, 'bob') : undefined;
  const alice = await connect(server, 'alice');
  const screen = await render(
    <ChatProvider client={alice} catalog={rtl ? ar : undefined}>
      <div dir={rtl ? 'rtl' : 'ltr'} style={{ width: 480 }}>
        <ConversationHeader {...props} />
      </div>
    </ChatProvider>,
  );
  const header = () => document.querySelector<HTMLElement>('.parley-conversation-header')!;
  const subtitle = () => header().querySelector('.parley-conversation-header-subtitle')?.textContent ?? '';
  return { server, alice, bob, screen, header, subtitle };
}

test('a group: its title as a heading and its member count, which follows the server', async () => {
  const { server, header, subtitle } = await setup({ conversationId: 'general' });
  await expect.element(page.getByRole('heading', { level: 2, name: 'General' })).toBeVisible();
  await expect.poll(subtitle).toBe('6 members');
  expect(header()).toHaveAttribute('data-kind', 'group');
  expect(header()).not.toHaveAttribute('data-presence');
  server.removeMember('general', 'frank');
  await expect.poll(subtitle).toBe('5 members');
});

test('the heading level fits the host page', async () => {
  await setup({ conversationId: 'general', headingLevel: 3 });
  await expect.element(page.getByRole('heading', { level: 3, name: 'General' })).toBeVisible();
  expect(page.getByRole('heading', { level: 2 }).elements()).toHaveLength(0);
});

test('a direct chat is titled after the other person and shows them going offline and back', async () => {
  const { bob, server, header, subtitle } = await setup({ conversationId: 'alice-bob' }, { bobOnline: true });
  await expect.element(page.getByRole('heading', { name: 'Bob Nguyen' })).toBeVisible();
  await expect.poll(subtitle).toBe('Online');
  expect(header()).toHaveAttribute('data-presence', 'online');
  expect(header().querySelector('.parley-avatar')).toHaveAttribute('data-presence', 'online');
  server.setOnline('bob', false);
  await expect.poll(subtitle).toBe('Offline');
  expect(header()).toHaveAttribute('data-presence', 'offline');
  server.setOnline('bob', true);
  await expect.poll(subtitle).toBe('Online');
  bob!.disconnect();
  await expect.poll(subtitle).toBe('Offline');
});

test('who is typing replaces the subtitle while they type', async () => {
  const { server, header, subtitle } = await setup({ conversationId: 'general' });
  await expect.poll(subtitle).toBe('6 members');
  server.setTyping('general', 'bob', true);
  await expect.poll(subtitle).toBe('Bob Nguyen is typing…');
  expect(header()).toHaveAttribute('data-typing', 'true');
  server.setTyping('general', 'carol', true);
  await expect.poll(subtitle).toBe('Bob Nguyen and Carol Okafor are typing…');
  server.setTyping('general', 'bob', false);
  server.setTyping('general', 'carol', false);
  await expect.poll(subtitle).toBe('6 members');
  expect(header()).toHaveAttribute('data-typing', 'false');
});

test('showTyping={false} leaves typing to a TypingIndicator', async () => {
  const { alice, server, subtitle } = await setup({ conversationId: 'general', showTyping: false });
  server.setTyping('general', 'bob', true);
  await expect.poll(() => alice.store.getState().typing.general?.bob).toBeDefined();
  expect(subtitle()).toBe('6 members');
});

test("the host's actions sit in a named group; the Back button calls onBack", async () => {
  const onBack = vi.fn();
  const onCall = vi.fn();
  await setup({
    conversationId: 'alice-bob',
    onBack,
    children: (
      <button type="button" onClick={onCall}>
        Call
      </button>
    ),
  });
  const actions = page.getByRole('group', { name: 'Conversation actions' });
  await userEvent.click(actions.getByRole('button', { name: 'Call' }));
  expect(onCall).toHaveBeenCalledTimes(1);
  await userEvent.click(page.getByRole('button', { name: 'Back to conversations' }));
  expect(onBack).toHaveBeenCalledTimes(1);
});

test('without actions or onBack there is no empty group and no Back button', async () => {
  await setup({ conversationId: 'general' });
  await expect.element(page.getByRole('heading', { name: 'General' })).toBeVisible();
  expect(page.getByRole('group').elements()).toHaveLength(0);
  expect(page.getByRole('button').elements()).toHaveLength(0);
});

test('right to left: Arabic strings, Back at the right edge, its arrow pointing right', async () => {
  const { header, subtitle } = await setup({ conversationId: 'general', onBack: () => {} }, { rtl: true });
  await expect.poll(subtitle).toBe(`الأعضاء: ${new Intl.NumberFormat('ar').format(6)}`);
  const back = page.getByRole('button', { name: 'العودة إلى المحادثات' });
  await expect.element(back).toBeVisible();
  const box = header().getBoundingClientRect();
  const backBox = back.element().getBoundingClientRect();
  const heading = page.getByRole('heading', { name: 'General' }).element();
  const titleBox = heading.getBoundingClientRect();
  expect(box.right - backBox.right).toBeLessThan(box.width / 4);
  expect(backBox.left).toBeGreaterThan(titleBox.right);
  // A Latin name keeps its own direction but starts at the right, next to the avatar.
  const name = heading.querySelector('bdi')!.getBoundingClientRect();
  expect(titleBox.right - name.right).toBeLessThan(1);
  expect(name.left - titleBox.left).toBeGreaterThan(titleBox.width / 2);
  const icon = back.element().querySelector('svg')!;
  expect(getComputedStyle(icon).transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
});
