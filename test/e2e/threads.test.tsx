/**
 * A thread end to end over real socket.io: two pages (Alice and Bob, each its
 * own document and connection) against the real Node mock server. Alice
 * starts a thread on Bob's message; Bob sees the summary's count grow, with
 * the unread mark, opens the thread and answers; Alice sees the answer arrive
 * in her open thread.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { ChatClient } from 'parley/core';

let url = '';
beforeAll(async () => {
  url = await commands.startLiveServer();
  // Two Chats wide enough for the thread beside the conversation, one above the other.
  await page.viewport(1200, 1400);
});
afterAll(async () => {
  for (const f of document.querySelectorAll('iframe')) f.remove();
  await commands.stopLiveServer();
});

async function openPage(user: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = `${user}'s page`;
  frame.style.display = 'block';
  frame.style.width = '1100px';
  frame.style.height = '640px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const src = new URL('./fixtures/threadPage.html', import.meta.url);
  src.search = new URLSearchParams({ user, url, conversation: 'alice-bob' }).toString();
  frame.src = src.href;
  document.body.append(frame);
  await loaded;
  return frame;
}

const clientOf = (frame: HTMLIFrameElement) => (frame.contentWindow as unknown as { parleyClient: ChatClient }).parleyClient;

it('Alice starts a thread on Bob’s message; Bob sees it grow, unread, opens it and answers; Alice sees the answer live', async () => {
  const aliceFrame = await openPage('alice');
  const bobFrame = await openPage('bob');
  const alice = page.frameLocator(page.getByTitle("alice's page"));
  const bob = page.frameLocator(page.getByTitle("bob's page"));
  await expect.element(alice.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await expect.element(bob.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await expect.poll(() => clientOf(aliceFrame).store.getState().connection.state).toBe('online');
  await expect.poll(() => clientOf(bobFrame).store.getState().connection.state).toBe('online');

  // Bob asks in the conversation.
  await userEvent.click(bob.getByRole('textbox', { name: 'Message' }));
  await userEvent.type(bob.getByRole('textbox', { name: 'Message' }), 'Lunch on Friday?{Enter}');
  const aliceRoot = alice.getByRole('feed', { name: /^Messages in/ }).getByRole('article').filter({ hasText: 'Lunch on Friday?' });
  await expect.element(aliceRoot).toBeVisible();

  // Alice answers in a thread, from the message's toolbar.
  await userEvent.hover(aliceRoot);
  await userEvent.click(aliceRoot.getByRole('button', { name: 'Reply in thread' }));
  await expect.element(alice.getByRole('heading', { name: 'Thread', exact: true })).toHaveFocus();
  const aliceReply = alice.getByRole('textbox', { name: 'Reply in thread' });
  await userEvent.click(aliceReply);
  await userEvent.type(aliceReply, 'Yes! Where shall we go?{Enter}');

  // Bob's message shows one reply, unread for him (his message: he takes part in its thread).
  const bobSummary = (count: string) => bob.getByRole('button', { name: new RegExp(`^${count}\\s+Last reply .*Unread replies$`) });
  await expect.element(bobSummary('1 reply')).toBeVisible();
  await userEvent.type(aliceReply, 'How about the noodle place at noon?{Enter}');
  await expect.element(bobSummary('2 replies')).toBeVisible();
  // Nothing of the thread reached the conversation itself.
  const bobConversation = bob.getByRole('feed', { name: /^Messages in/ });
  expect(bobConversation.element().textContent).not.toContain('noodle place');

  // Bob opens it: both replies in order; reading them clears the mark.
  await userEvent.click(bobSummary('2 replies'));
  const bobThread = bob.getByRole('feed', { name: 'Replies to Bob Nguyen' });
  await expect.element(bobThread.getByRole('article').filter({ hasText: 'How about the noodle place at noon?' })).toBeVisible();
  const texts = [...bobThread.element().querySelectorAll<HTMLElement>('[data-message-id]')]
    .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
    .map((row) => row.textContent ?? '');
  expect(texts.map((t) => ['Lunch on Friday?', 'Yes! Where', 'noodle place'].findIndex((s) => t.includes(s)))).toEqual([0, 1, 2]);
  await expect.element(bob.getByRole('button', { name: /^2 replies\s+Last reply [^U]*$/ })).toBeVisible();
  await expect.poll(() => clientOf(bobFrame).store.getState().conversations['alice-bob']?.unreadThreads ?? {}).toEqual({});

  // Bob answers; Alice, with the thread open, sees it arrive.
  const bobReply = bob.getByRole('textbox', { name: 'Reply in thread' });
  await userEvent.click(bobReply);
  await userEvent.type(bobReply, 'Noon works, see you there{Enter}');
  const aliceThread = alice.getByRole('feed', { name: 'Replies to Bob Nguyen' });
  await expect.element(aliceThread.getByRole('article').filter({ hasText: 'Noon works, see you there' })).toBeVisible();
  await expect.element(alice.getByRole('button', { name: /^3 replies\s+Last reply/ })).toBeVisible();
});
