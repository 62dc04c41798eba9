/**
 * End to end over a real network stack: two pages (Alice and Bob, each its
 * own document with its own socket.io connection) against the real Node mock
 * server. Messages both ways, typing, read receipts, and a server restart
 * mid-conversation after which both resync with nothing lost or duplicated;
 * delivery receipts while the other page shows another conversation.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { ChatClient } from 'parley/core';
import { canvasPng } from '../support/canvasPng';

let url = '';
beforeAll(async () => {
  url = await commands.startLiveServer();
});
afterAll(async () => {
  for (const f of document.querySelectorAll('iframe')) f.remove();
  await commands.stopLiveServer();
});

async function openPage(user: string, conversation = 'alice-bob'): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = `${user}'s page`;
  frame.style.width = '460px';
  frame.style.height = '560px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const src = new URL('./fixtures/chatPage.html', import.meta.url);
  src.search = new URLSearchParams({ user, url, conversation }).toString();
  frame.src = src.href;
  document.body.append(frame);
  await loaded;
  return frame;
}

const clientOf = (frame: HTMLIFrameElement) => (frame.contentWindow as unknown as { parleyClient: ChatClient }).parleyClient;
const confirmedIds = (frame: HTMLIFrameElement) =>
  clientOf(frame)
    .getMessages('alice-bob')
    .filter((m) => m.status === 'sent')
    .map((m) => m.id);

/** Alice's page on their direct conversation and Bob's on `bobConversation`, both online. */
async function openBoth(bobConversation: string) {
  const aliceFrame = await openPage('alice');
  const bobFrame = await openPage('bob', bobConversation);
  const alice = page.frameLocator(page.getByTitle("alice's page"));
  const bob = page.frameLocator(page.getByTitle("bob's page"));
  await expect.element(alice.getByText('Online')).toBeVisible();
  await expect.element(bob.getByText('Online')).toBeVisible();
  return { aliceFrame, bobFrame, alice, bob };
}

it('two pages chat through the real server, and survive its restart', async () => {
  const { aliceFrame, bobFrame, alice, bob } = await openBoth('alice-bob');

  // Alice → Bob, with typing on the way.
  const aliceInput = alice.getByRole('textbox', { name: 'Message' });
  await userEvent.click(aliceInput);
  await userEvent.type(aliceInput, 'Hi Bob, over socket.io');
  await expect.element(bob.getByText('Alice Martin is typing…')).toBeVisible();
  await userEvent.keyboard('{Enter}');
  await expect.element(bob.getByRole('article').filter({ hasText: 'Hi Bob, over socket.io' })).toBeVisible();

  // Bob has it on screen at the bottom, so it is read: Alice sees the receipt.
  const aliceRow = alice.getByRole('article').filter({ hasText: 'Hi Bob, over socket.io' });
  await expect.element(aliceRow.getByText('Read')).toBeVisible();

  // Bob → Alice.
  const bobInput = bob.getByRole('textbox', { name: 'Message' });
  await userEvent.click(bobInput);
  await userEvent.type(bobInput, 'Hello Alice!{Enter}');
  await expect.element(alice.getByRole('article').filter({ hasText: 'Hello Alice!' })).toBeVisible();

  // An upload: streamed to the server over HTTP, checked by content, sent as a message;
  // Bob's page loads the image from a URL the server signed for him: no session token in it.
  // (The picker UI is covered by test/browser/FileUpload.test.tsx; here the HTTP path matters.)
  await clientOf(aliceFrame).uploadFile('alice-bob', await canvasPng('sketch.png', 90, 60));
  const bobImage = bob.getByRole('img', { name: 'sketch.png' });
  await expect.element(bobImage).toBeVisible();
  await expect.poll(() => (bobImage.element() as HTMLImageElement).naturalWidth).toBe(90);
  const bobSrc = new URL((bobImage.element() as HTMLImageElement).src);
  expect(bobSrc.searchParams.get('u')).toBe('bob');
  expect(bobSrc.searchParams.get('sig')).toMatch(/^[0-9a-f]{64}$/);
  expect(bobSrc.search).not.toContain('token');

  // The server restarts mid-conversation; something is said while it is down.
  await commands.restartLiveServer();
  await userEvent.click(aliceInput);
  await userEvent.type(aliceInput, 'Sent across the restart{Enter}');
  await commands.liveServerPost('alice-bob', 'bob', 'Bob, from the restarted server');
  await expect.element(alice.getByText('Online')).toBeVisible();
  await expect.element(bob.getByText('Online')).toBeVisible();
  await expect.element(bob.getByRole('article').filter({ hasText: 'Sent across the restart' })).toBeVisible();
  await expect.element(alice.getByRole('article').filter({ hasText: 'Bob, from the restarted server' })).toBeVisible();

  // Both pages hold exactly the server's log for what they loaded: nothing lost, nothing twice.
  await expect
    .poll(async () => {
      const log = (await commands.liveServerMessages('alice-bob')).map((m) => m.id);
      const a = confirmedIds(aliceFrame);
      const b = confirmedIds(bobFrame);
      return JSON.stringify([a, b]) === JSON.stringify([log.slice(log.length - a.length), log.slice(log.length - b.length)]) && a.length > 0;
    })
    .toBe(true);
  const log = await commands.liveServerMessages('alice-bob');
  expect(log.filter((m) => m.text === 'Sent across the restart')).toHaveLength(1);
  expect(new Set(confirmedIds(aliceFrame)).size).toBe(confirmedIds(aliceFrame).length);
});

it('shows Delivered while Bob’s page is on another conversation', async () => {
  for (const f of document.querySelectorAll('iframe')) f.remove();
  const { alice, bob } = await openBoth('general');

  const aliceInput = alice.getByRole('textbox', { name: 'Message' });
  await userEvent.click(aliceInput);
  await userEvent.type(aliceInput, 'Delivered, not read{Enter}');
  const aliceRow = alice.getByRole('article').filter({ hasText: 'Delivered, not read' });
  await expect.element(aliceRow.getByText('Delivered', { exact: true })).toBeVisible();
  await expect.element(aliceRow.getByText('Read', { exact: true })).not.toBeInTheDocument();
});
