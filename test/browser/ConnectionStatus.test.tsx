import { afterEach, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { ChatProvider, ConnectionStatus } from 'parley';
import '../../src/theme/styles.css';

let server: MockChatServer;
let client: ChatClient;

async function setup({ token = 'alice-token', connect = true, hideWhenOnline = false } = {}) {
  server = createMockServer({ seed: 'demo' });
  client = createChatClient({
    transport: server.connect({ userId: 'alice', token }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
  });
  const screen = await render(
    <ChatProvider client={client}>
      <ConnectionStatus hideWhenOnline={hideWhenOnline} />
    </ChatProvider>,
  );
  if (connect) await client.connect();
  return { status: page.getByRole('status'), screen };
}

afterEach(() => {
  client?.disconnect();
  server?.dispose();
});

const countdownSeconds = (el: Element) => Number(el.querySelector('[data-countdown]')?.getAttribute('data-countdown'));

test('connecting, then online', async () => {
  server = createMockServer({ seed: 'demo', network: { latencyMs: 150 } });
  client = createChatClient({ transport: server.connect({ userId: 'alice', token: 'alice-token' }), userId: 'alice' });
  await render(
    <ChatProvider client={client}>
      <ConnectionStatus />
    </ChatProvider>,
  );
  const status = page.getByRole('status');
  await expect.element(status).toHaveAttribute('data-state', 'idle');
  const connected = client.connect();
  await expect.element(status).toHaveAttribute('data-state', 'connecting');
  await expect.element(status).toHaveTextContent('Connecting…');
  await connected;
  await expect.element(status).toHaveAttribute('data-state', 'online');
  await expect.element(status).toHaveTextContent('Online');
});

// Waits for the backoff to grow past 2 s (three or four failed attempts, with jitter), then watches
// a second tick: up to ~20 s on a loaded machine, so the limit is the sum of the waits' own bounds.
test('cut off: reconnecting with a live countdown and "Retry now"; back online after healing', { timeout: 30_000 }, async () => {
  const { status } = await setup();
  server.setOnline('alice', false);
  await expect.element(status).toHaveAttribute('data-state', 'reconnecting');
  // Backoff grows per failed attempt; wait for a wait long enough to watch tick.
  await expect
    .poll(() => countdownSeconds(status.element()), { timeout: 15_000, interval: 50 })
    .toBeGreaterThanOrEqual(2);
  await expect.element(status).toHaveTextContent(/Reconnecting in \d+ s/);
  const first = countdownSeconds(status.element());
  await expect.poll(() => countdownSeconds(status.element()), { timeout: 2_500, interval: 50 }).toBe(first - 1);
  // The countdown itself is not announced every second; the stable sentence is.
  expect(status.element().querySelector('[data-countdown]')!.getAttribute('aria-hidden')).toBe('true');
  await expect.element(status).toHaveTextContent(/Reconnecting…/);

  const retry = page.getByRole('button', { name: 'Retry now' });
  await expect.element(retry).toBeVisible();
  // The link heals as Retry now is pressed, not before: healed earlier, a scheduled attempt may
  // come first on a busy machine, and the button is gone before the click reaches it.
  const reconnectNow = client.reconnectNow;
  client.reconnectNow = () => {
    server.setOnline('alice', true);
    reconnectNow();
  };
  await retry.click();
  await expect.element(status).toHaveAttribute('data-state', 'online');
  await expect.element(retry).not.toBeInTheDocument();
});

test('"Retry now" calls reconnectNow (the attempt happens at once)', { timeout: 30_000 }, async () => {
  const { status } = await setup();
  server.setOnline('alice', false);
  await expect.poll(() => countdownSeconds(status.element()), { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(2);
  let calls = 0;
  const original = client.reconnectNow;
  client.reconnectNow = () => {
    calls++;
    original();
  };
  const waitingUntil = client.store.getState().connection.nextRetryAt;
  await page.getByRole('button', { name: 'Retry now' }).click();
  expect(calls).toBe(1);
  // The attempt is made at once; still cut off, it fails and a new wait (and countdown) begins.
  await expect.poll(() => client.store.getState().connection.nextRetryAt, { timeout: 2_000 }).not.toBe(waitingUntil);
  await expect.element(status).toHaveAttribute('data-state', 'reconnecting');
});

test('a refused token shows the server message and offers no retry', async () => {
  const { status } = await setup({ token: 'wrong-token', connect: false });
  await client.connect().catch(() => {});
  await expect.element(status).toHaveAttribute('data-state', 'offline');
  await expect.element(status).toHaveAttribute('data-error', 'unauthorized');
  await expect.element(status).toHaveTextContent(/^Sign-in was refused: .+/);
  await expect.element(page.getByRole('button', { name: 'Retry now' })).not.toBeInTheDocument();
});

test('signed out while online (token revoked): plain words, no retry', async () => {
  server = createMockServer({ seed: 'demo' });
  const token = server.issueToken('alice');
  client = createChatClient({ transport: server.connect({ userId: 'alice', token }), userId: 'alice', outbox: createMemoryOutbox() });
  await render(
    <ChatProvider client={client}>
      <ConnectionStatus />
    </ChatProvider>,
  );
  await client.connect();
  const status = page.getByRole('status');
  await expect.element(status).toHaveTextContent('Online');
  server.revokeToken('alice', token);
  await expect.element(status).toHaveTextContent('Signed out: your session is no longer valid');
  await expect.element(status).toHaveAttribute('data-error', 'unauthorized');
  await expect.element(page.getByRole('button', { name: 'Retry now' })).not.toBeInTheDocument();
});

test('hideWhenOnline keeps only screen-reader text while online', async () => {
  const { status } = await setup({ hideWhenOnline: true });
  await expect.element(status).toHaveAttribute('data-hidden', 'true');
  await expect.element(status).toHaveTextContent('Online');
  expect(status.element().getBoundingClientRect().height).toBeLessThanOrEqual(1);
  server.setOnline('alice', false);
  await expect.element(status).not.toHaveAttribute('data-hidden');
  expect(status.element().getBoundingClientRect().height).toBeGreaterThan(10);
});
