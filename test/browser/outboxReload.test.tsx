/**
 * A message typed while offline survives a real page reload (IndexedDB
 * outbox) and is delivered exactly once when the connection returns.
 * The app runs in an iframe that is really reloaded; the mock server lives
 * in this (parent) frame so it outlives the reload, as a real backend would.
 */
import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createMockServer, type MockChatServer } from 'parley/mock-server';

type ParentWindow = Window & { parleyReloadServer?: MockChatServer };

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

it('delivers a message sent offline exactly once after the page reloads', async () => {
  const server = createMockServer({ seed: 'demo' });
  (window as ParentWindow).parleyReloadServer = server;
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
  await userEvent.type(input, 'Typed offline, then the tab reloaded{Enter}');
  await expect.element(app.getByText('Sending…')).toBeVisible();

  // Let the outbox write land, then reload the page for real.
  await new Promise((r) => setTimeout(r, 100));
  const reloaded = loaded(frame);
  frame.contentWindow!.location.reload();
  await reloaded;

  // The reloaded page shows the unsent message again, still waiting.
  await expect.element(app.getByText('Typed offline, then the tab reloaded')).toBeVisible();
  expect(server.messages('alice-bob').filter((m) => m.text === 'Typed offline, then the tab reloaded')).toHaveLength(0);

  server.setOnline('alice', true);
  await expect
    .poll(() => server.messages('alice-bob').filter((m) => m.text === 'Typed offline, then the tab reloaded').length, { timeout: 10_000 })
    .toBe(1);
  await expect.element(app.getByRole('article').filter({ hasText: 'Typed offline, then the tab reloaded' })).toHaveAttribute('data-status', 'sent');
  // A second reload must not send it again: the outbox entry is gone.
  const again = loaded(frame);
  frame.contentWindow!.location.reload();
  await again;
  await expect.element(app.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await new Promise((r) => setTimeout(r, 500));
  expect(server.messages('alice-bob').filter((m) => m.text === 'Typed offline, then the tab reloaded')).toHaveLength(1);
  server.dispose();
});
