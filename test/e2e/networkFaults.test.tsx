/**
 * Network faults in real Chromium: Alice's page talks to the real Node mock
 * server through a fault proxy (test/support/faultProxy.ts) that drops,
 * refuses and stalls connections. In each case the page is online again soon
 * after the network returns, what was typed meanwhile is stored once, and the
 * UI says what is happening throughout (ConnectionStatus, bubble status,
 * upload state).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { ChatClient } from 'parley/core';
import { uploadOverHttp } from '../../src/transports/httpUpload';
import { canvasPng } from '../support/canvasPng';

/** The page's backoff ceiling is 1 s (fixtures/chatPage.tsx); the rest is margin for a busy machine. */
const BACK_WITHIN_MS = 6_000;

let url = '';
beforeAll(async () => {
  // A 300 ms heartbeat: a stalled link is noticed within a second.
  url = await commands.startLiveServer({ faults: true, pingMs: 300 });
});
afterEach(async () => {
  for (const f of document.querySelectorAll('iframe')) f.remove();
  await commands.networkRefuse(false);
  await commands.networkStall(false);
});
afterAll(async () => {
  await commands.stopLiveServer();
});

async function openPage(): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = "alice's page";
  frame.style.width = '460px';
  frame.style.height = '560px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const src = new URL('./fixtures/chatPage.html', import.meta.url);
  src.search = new URLSearchParams({ user: 'alice', url, conversation: 'alice-bob' }).toString();
  frame.src = src.href;
  document.body.append(frame);
  await loaded;
  return frame;
}

const alice = () => page.frameLocator(page.getByTitle("alice's page"));
const clientOf = (frame: HTMLIFrameElement) => (frame.contentWindow as unknown as { parleyClient: ChatClient }).parleyClient;
const shownState = (frame: HTMLIFrameElement) =>
  frame.contentDocument?.querySelector<HTMLElement>('.parley-connection-status')?.dataset.state;
const rowOf = (text: string) => alice().getByRole('article').filter({ hasText: text });

async function shownOnline(frame: HTMLIFrameElement, timeout = BACK_WITHIN_MS): Promise<number> {
  const started = performance.now();
  await expect.poll(() => shownState(frame), { timeout, interval: 20 }).toBe('online');
  return Math.round(performance.now() - started);
}

async function type(text: string): Promise<void> {
  const input = alice().getByRole('textbox', { name: 'Message' });
  await userEvent.click(input);
  await userEvent.type(input, `${text}{Enter}`);
}

/** Shown as sent in the page, and in the server's log exactly once. */
async function storedOnce(text: string): Promise<void> {
  await expect.element(rowOf(text)).toHaveAttribute('data-status', 'sent');
  const log = await commands.liveServerMessages('alice-bob');
  expect(log.filter((m) => m.text === text)).toHaveLength(1);
}

describe('network faults in the browser', { timeout: 60_000 }, () => {
  it('a drop: "Reconnecting", the message waits as sending, then Online and sent once', async () => {
    const frame = await openPage();
    await shownOnline(frame);
    await commands.networkRefuse(true);
    await commands.networkDrop();
    await expect.poll(() => shownState(frame)).toBe('reconnecting');
    await expect.element(alice().getByRole('status').filter({ hasText: /Reconnecting/ })).toBeInTheDocument();
    await type('Typed while the network was down');
    await expect.element(rowOf('Typed while the network was down')).toHaveAttribute('data-status', 'sending');
    await commands.networkRefuse(false);
    const back = await shownOnline(frame);
    await storedOnce('Typed while the network was down');
    console.info(`[faults:browser] drop: online ${back} ms after the network returned`);
  });

  it('a stalled link: the heartbeat notices, the page reconnects when the link moves again', async () => {
    const frame = await openPage();
    await shownOnline(frame);
    await commands.networkStall(true);
    await expect.poll(() => shownState(frame), { timeout: BACK_WITHIN_MS }).toBe('reconnecting');
    await type('Typed during the stall');
    await expect.element(rowOf('Typed during the stall')).toHaveAttribute('data-status', 'sending');
    await commands.networkStall(false);
    const back = await shownOnline(frame);
    await storedOnce('Typed during the stall');
    console.info(`[faults:browser] stall: online ${back} ms after the link moved again`);
  });

  it('server unreachable when the page opens: keeps trying, online once reachable', async () => {
    await commands.networkRefuse(true);
    // Nothing left over from earlier pages (the browser keeps idle connections for reuse).
    await commands.networkDrop();
    const before = await commands.networkConnections();
    const frame = await openPage();
    // Several handshakes fail meanwhile, each followed by a new wait; none ends the trying.
    const retries = new Set<number>();
    const unsubscribe = clientOf(frame).store.subscribe((state) => {
      if (state.connection.nextRetryAt !== undefined) retries.add(state.connection.nextRetryAt);
    });
    await expect.poll(() => retries.size, { timeout: BACK_WITHIN_MS }).toBeGreaterThanOrEqual(3);
    unsubscribe();
    expect(await commands.networkConnections()).toBeGreaterThan(before);
    expect(['connecting', 'reconnecting']).toContain(shownState(frame));
    await type('Typed before the first connection');
    await commands.networkRefuse(false);
    const back = await shownOnline(frame);
    await storedOnce('Typed before the first connection');
    console.info(`[faults:browser] unreachable at start: online ${back} ms after it became reachable`);
  });

  it('a drop during an upload: the upload waits, then finishes; one message carries it', async () => {
    const frame = await openPage();
    await shownOnline(frame);
    // Stalled, the upload's request goes nowhere; the drop then breaks it mid-way.
    await commands.networkStall(true);
    const sent = clientOf(frame).uploadFile('alice-bob', await canvasPng('across-the-drop.png', 40, 30));
    const item = alice().getByRole('listitem').filter({ hasText: 'across-the-drop.png' });
    await expect.element(item).toHaveAttribute('data-status', 'uploading');
    await commands.networkRefuse(true);
    await commands.networkDrop();
    await commands.networkStall(false);
    await expect.element(item).toHaveAttribute('data-status', 'waiting');
    await commands.networkRefuse(false);
    const back = await shownOnline(frame);
    const message = await sent;
    await expect.element(alice().getByRole('img', { name: 'across-the-drop.png' })).toBeVisible();
    const log = await commands.liveServerMessages('alice-bob');
    expect(log.filter((m) => m.attachments.some((a) => a.name === 'across-the-drop.png'))).toHaveLength(1);
    expect(message.attachments[0]?.name).toBe('across-the-drop.png');
    console.info(`[faults:browser] drop during an upload: online ${back} ms after the network returned`);
  });

  it('the browser going offline pauses retries; coming online reconnects at once', async () => {
    const frame = await openPage();
    await shownOnline(frame);
    const win = frame.contentWindow as Window & typeof globalThis;
    let onLine = true;
    Object.defineProperty(win.navigator, 'onLine', { configurable: true, get: () => onLine });
    await commands.networkRefuse(true);
    await commands.networkDrop();
    await expect.poll(() => shownState(frame)).toBe('reconnecting');
    onLine = false;
    win.dispatchEvent(new win.Event('offline'));
    // No timer is left running: the status says so, and names the cause.
    await expect.element(alice().getByText('No network. Reconnecting when it is back…')).toBeVisible();
    expect(clientOf(frame).store.getState().connection.nextRetryAt).toBeUndefined();
    await expect.element(alice().getByRole('button', { name: 'Retry now' })).toBeVisible();
    // Paused: from here until the `online` event no attempt may start (it would say 'connecting').
    const states: string[] = [];
    const unsubscribe = clientOf(frame).store.subscribe((s) => states.push(s.connection.state));
    const attempts = await commands.networkConnections();
    await commands.networkRefuse(false);
    await expect.element(alice().getByRole('button', { name: 'Retry now' })).toBeVisible();
    expect(shownState(frame)).toBe('reconnecting');
    unsubscribe();
    expect(states.filter((s) => s !== 'reconnecting')).toEqual([]);
    onLine = true;
    win.dispatchEvent(new win.Event('online'));
    const back = await shownOnline(frame, 2_000);
    expect(await commands.networkConnections()).toBeGreaterThan(attempts);
    console.info(`[faults:browser] offline → online event: online ${back} ms after the event`);
  });

  it('an upload into a link that went silent gives up as disconnected instead of hanging', async () => {
    await commands.networkStall(true);
    const file = await canvasPng('into-the-void.png', 10, 10);
    const started = performance.now();
    const attempt = uploadOverHttp({ baseUrl: url, token: () => 'alice-token', stallTimeoutMs: 400 }, { conversationId: 'alice-bob', file, name: file.name });
    await expect(attempt).rejects.toMatchObject({ code: 'disconnected', message: 'The upload made no progress for 0.4 s' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
  });
});
