/**
 * examples/plain-dom: a conversation list and a message list rendered with plain
 * DOM from `parley/core` alone, against the demo mock server, in real Chromium.
 * Another member (a second client on the same server) posts; what Alice's page
 * shows follows live: rows, previews, order and unread counts.
 */
import { afterEach, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { mountChat, type MountedChat } from '../../examples/plain-dom/mountChat';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

async function connect(server: MockChatServer, userId: string): Promise<ChatClient> {
  const client = createChatClient({
    transport: server.connect({ userId, token: `${userId}-token` }),
    userId,
    outbox: createMemoryOutbox(),
  });
  await client.connect();
  cleanups.push(() => client.disconnect());
  return client;
}

async function setup(): Promise<{ server: MockChatServer; alice: ChatClient; bob: ChatClient; chat: MountedChat; root: HTMLElement }> {
  const server = createMockServer({ seed: 'demo' });
  cleanups.push(() => server.dispose());
  const alice = await connect(server, 'alice');
  const bob = await connect(server, 'bob');
  const root = document.createElement('div');
  document.body.append(root);
  cleanups.push(() => root.remove());
  const chat = mountChat(alice, root);
  cleanups.push(() => chat.destroy());
  return { server, alice, bob, chat, root };
}

const buttons = (root: HTMLElement) => [...root.querySelectorAll<HTMLButtonElement>('nav button[data-conversation-id]')];
const button = (root: HTMLElement, id: string) => root.querySelector<HTMLButtonElement>(`nav button[data-conversation-id="${id}"]`);
const part = (root: HTMLElement, id: string, name: 'title' | 'preview' | 'unread') => button(root, id)?.querySelector<HTMLElement>(`.${name}`);
const unread = (root: HTMLElement, id: string) => button(root, id)?.dataset.unread;
const rowText = (root: HTMLElement, messageId: string) =>
  root.querySelector(`section li[data-message-id="${CSS.escape(messageId)}"] .text`)?.textContent;

test('lists every conversation, most recent first, with titles, previews and unread counts', async () => {
  const { server, alice, root } = await setup();
  await expect.poll(() => buttons(root).map((b) => b.dataset.conversationId)).toEqual(alice.store.getState().conversationOrder);
  expect(buttons(root).length).toBeGreaterThan(3);
  // Groups by title, direct chats after the other member.
  expect(part(root, 'general', 'title')?.textContent).toBe('General');
  expect(part(root, 'alice-bob', 'title')?.textContent).toBe('Bob Nguyen');
  expect(button(root, 'bob-carol')).toBeNull();
  // The group preview names the author of the last message.
  const last = server.messages('general').at(-1)!;
  const author = last.authorId === 'alice' ? 'You' : server.users().find((u) => u.id === last.authorId)!.name;
  expect(part(root, 'general', 'preview')?.textContent?.startsWith(`${author}: ${last.text.replace(/\s+/g, ' ').trim().slice(0, 40)}`)).toBe(true);
  // The demo seed leaves Alice with unread messages in General.
  const count = alice.store.getState().conversations.general!.unreadCount;
  expect(count).toBeGreaterThan(0);
  expect(part(root, 'general', 'unread')?.textContent).toBe(`${count} unread`);
});

test('opening General shows its messages and reads them; another member’s message appears live', async () => {
  const { server, alice, bob, root } = await setup();
  await expect.poll(() => button(root, 'general')).not.toBeNull();
  await userEvent.click(button(root, 'general')!);
  expect(button(root, 'general')?.getAttribute('aria-current')).toBe('true');
  expect(root.querySelector('section h2')?.textContent).toBe('General');
  const newest = server.messages('general').at(-1)!;
  await expect.poll(() => rowText(root, newest.id)).toBe(newest.text);
  // Rows in the store's display order, each with its author.
  const ids = [...root.querySelectorAll<HTMLElement>('section li[data-message-id]')].map((li) => li.dataset.messageId);
  expect(ids).toEqual(alice.getMessages('general').map((m) => m.id));
  // Open and loaded: read, so the badge goes.
  await expect.poll(() => unread(root, 'general')).toBe('0');
  expect(part(root, 'general', 'unread')?.hidden).toBe(true);

  const sent = await bob.sendMessage('general', { text: 'Lunch at <b>noon</b>?' });
  await expect.poll(() => rowText(root, sent.id)).toBe('Lunch at <b>noon</b>?');
  const row = root.querySelector(`section li[data-message-id="${sent.id}"]`)!;
  expect(row.querySelector('b')).toBeNull(); // text, never HTML
  expect(row.querySelector('.author')?.textContent).toBe('Bob Nguyen');
  expect(part(root, 'general', 'preview')?.textContent).toBe('Bob Nguyen: Lunch at <b>noon</b>?');
  expect(buttons(root)[0]?.dataset.conversationId).toBe('general');
  // Still open, so still read.
  await expect.poll(() => alice.store.getState().conversations.general?.readSeqs.alice).toBe(sent.seq);
  expect(unread(root, 'general')).toBe('0');
});

test('a message in a conversation that is not open raises its unread count and moves it up; opening it reads it', async () => {
  const { alice, bob, chat, root } = await setup();
  chat.open('general');
  await expect.poll(() => unread(root, 'general')).toBe('0');
  const before = Number(unread(root, 'alice-bob'));

  const sent = await bob.sendMessage('alice-bob', { text: 'Are you around?' });
  await expect.poll(() => unread(root, 'alice-bob')).toBe(String(before + 1));
  expect(part(root, 'alice-bob', 'unread')?.textContent).toBe(`${before + 1} unread`);
  // A direct chat's preview does not name the other person.
  expect(part(root, 'alice-bob', 'preview')?.textContent).toBe('Are you around?');
  expect(buttons(root)[0]?.dataset.conversationId).toBe('alice-bob');
  // General is open, not this one: nothing of it in the message list.
  expect(rowText(root, sent.id)).toBeUndefined();

  await userEvent.click(button(root, 'alice-bob')!);
  await expect.poll(() => rowText(root, sent.id)).toBe('Are you around?');
  expect(root.querySelector('section h2')?.textContent).toBe('Bob Nguyen');
  await expect.poll(() => unread(root, 'alice-bob')).toBe('0');
  expect(alice.store.getState().conversations['alice-bob']?.unreadCount).toBe(0);
});

test('own messages show where they stand; who is typing shows under the list', async () => {
  const { bob, chat, root } = await setup();
  chat.open('alice-bob');
  await expect.poll(() => root.querySelector('section .history')?.textContent).toBe('');
  await bob.openConversation('alice-bob');

  const input = root.querySelector('textarea')!;
  expect(input.getAttribute('aria-label')).toBe('Message');
  await userEvent.fill(input, 'See you at noon');
  await userEvent.click(root.querySelector('form button')!);
  const own = () => [...root.querySelectorAll<HTMLElement>('section li[data-own="true"]')].at(-1);
  await expect.poll(() => own()?.querySelector('.text')?.textContent).toBe('See you at noon');
  // Bob's client is connected and has the conversation open: delivered, then read once he reads it.
  await expect.poll(() => own()?.querySelector('.status')?.textContent).toBe('Delivered');
  expect(own()?.dataset.status).toBe('sent');
  bob.markRead('alice-bob');
  await expect.poll(() => own()?.querySelector('.status')?.textContent).toBe('Read');

  bob.setTyping('alice-bob', true);
  await expect.poll(() => root.querySelector('section .typing')?.textContent).toBe('Bob Nguyen is typing…');
  bob.setTyping('alice-bob', false);
  await expect.poll(() => root.querySelector('section .typing')?.textContent).toBe('');
});

test('destroy removes the view and stops following the store', async () => {
  const { alice, bob, chat, root } = await setup();
  await expect.poll(() => buttons(root).length).toBeGreaterThan(0);
  const preview = part(root, 'general', 'preview')!;
  const shown = preview.textContent;
  chat.destroy();
  expect(root.childElementCount).toBe(0);
  const sent = await bob.sendMessage('general', { text: 'anyone?' });
  await expect.poll(() => alice.store.getState().conversations.general?.lastSeq).toBe(sent.seq);
  await Promise.resolve(); // a render would have been queued as a microtask
  expect(preview.textContent).toBe(shown);
});

test('the example imports nothing but parley/core and its own files', () => {
  const sources = import.meta.glob<string>('../../examples/plain-dom/*.ts', { query: '?raw', import: 'default', eager: true });
  const specifiers = Object.entries(sources).flatMap(([file, source]) =>
    [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => ({ file, specifier: m[1] })),
  );
  expect(specifiers.map((s) => s.specifier)).toContain('parley/core');
  for (const { file, specifier } of specifiers) expect(specifier, file).toMatch(/^(parley\/core|\.\/\w+)$/);
});
