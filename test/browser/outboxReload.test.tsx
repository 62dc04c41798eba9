/**
 * A message typed while offline survives a real page reload (IndexedDB
 * outbox) and is delivered exactly once when the connection returns.
 * The app runs in an iframe that is really reloaded; the mock server lives
 * in this (parent) frame so it outlives the reload, as a real backend would.
 */
import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createIndexedDbOutbox, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';

type ParentWindow = Window & { parleyReloadServer?: MockChatServer };
type AppWindow = Window & { parleyClient?: ChatClient };

const TEXT = 'Typed offline, then the tab reloaded';

let frame: HTMLIFrameElement | null = null;
afterEach(async () => {
  frame?.remove();
  frame = null;
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase('parley-reload-test');
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
});

function loaded(iframe: HTMLIFrameElement): Promise<void> {
  return new Promise((resolve) => iframe.addEventListener('load', () => resolve(), { once: true }));
}

/** Every `message:send` text the server is asked to store: it dedupes resends, this log does not. */
function recordSends(server: MockChatServer): string[] {
  const texts: string[] = [];
  const handle = server.handleRequest.bind(server);
  server.handleRequest = (session, event, payload) => {
    if (event === 'message:send') texts.push(String((payload as { text?: unknown }).text));
    return handle(session, event, payload);
  };
  return texts;
}

// Three real page loads and a reconnect backoff of up to 5 s: about 4 s idle. The limit is the
// sum of the waits' own bounds, so a starved machine fails on the wait that is slow, not here.
it('delivers a message sent offline exactly once after the page reloads', { timeout: 60_000 }, async () => {
  const server = createMockServer({ seed: 'demo' });
  (window as ParentWindow).parleyReloadServer = server;
  const sends = recordSends(server);
  // The page's own database (same origin), read the way the client reads it.
  const stored = createIndexedDbOutbox({ name: 'parley-reload-test' });
  const queued = async () => (await stored.load('alice')).filter((e) => e.text === TEXT);
  frame = document.createElement('iframe');
  frame.style.width = '480px';
  frame.style.height = '480px';
  frame.title = 'Host app';
  const firstLoad = loaded(frame);
  frame.src = new URL('./fixtures/reloadApp.html', import.meta.url).href;
  document.body.append(frame);
  await firstLoad;

  const app = page.frameLocator(page.getByTitle('Host app'));
  const input = app.getByRole('textbox', { name: 'Message' });
  await expect.element(input).toBeVisible();
  await expect.poll(() => server.isConnected('alice')).toBe(true);

  server.setOnline('alice', false);
  await userEvent.click(input);
  await userEvent.type(input, `${TEXT}{Enter}`);
  await expect.element(app.getByText('Sending…')).toBeVisible();

  // The outbox write has committed; only then reload the page for real.
  await expect.poll(async () => (await queued()).map((e) => e.status), { timeout: 5_000 }).toEqual(['sending']);
  const reloaded = loaded(frame);
  frame.contentWindow!.location.reload();
  await reloaded;

  // The reloaded page shows the unsent message again, still waiting.
  await expect.element(app.getByText(TEXT)).toBeVisible();
  expect(server.messages('alice-bob').filter((m) => m.text === TEXT)).toHaveLength(0);

  server.setOnline('alice', true);
  await expect.poll(() => server.messages('alice-bob').filter((m) => m.text === TEXT).length, { timeout: 10_000 }).toBe(1);
  await expect.element(app.getByRole('article').filter({ hasText: TEXT })).toHaveAttribute('data-status', 'sent');
  // Delivered, so its outbox entry goes: a page opened from now on has nothing to resend.
  await expect.poll(async () => (await queued()).length, { timeout: 5_000 }).toBe(0);

  const sendsBefore = sends.length;
  const again = loaded(frame);
  frame.contentWindow!.location.reload();
  await again;
  // Connected with the outbox read (the client reads it before the conversation list):
  // anything restored from it is queued before what is typed next, and sent first.
  await expect
    .poll(() => (frame!.contentWindow as AppWindow).parleyClient?.store.getState().conversationsStatus, { timeout: 10_000 })
    .toBe('ready');
  const input2 = app.getByRole('textbox', { name: 'Message' });
  await userEvent.click(input2);
  await userEvent.type(input2, 'Typed after the second reload{Enter}');
  await expect.poll(() => server.messages('alice-bob').at(-1)?.text, { timeout: 5_000 }).toBe('Typed after the second reload');
  // Not sent again, not even as a resend the server would have deduplicated.
  expect(sends.slice(sendsBefore)).toEqual(['Typed after the second reload']);
  expect(server.messages('alice-bob').filter((m) => m.text === TEXT)).toHaveLength(1);
  await expect.element(app.getByRole('article').filter({ hasText: TEXT })).toHaveAttribute('data-status', 'sent');
  server.dispose();
});
