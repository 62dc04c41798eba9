/**
 * A jump 5 000 messages back in the demo seed's `archive` (10 000 messages), in
 * real Chromium: the list pages back to the message and stays there, scrolling
 * up keeps loading older pages, scrolling down reaches every newer message,
 * and "Jump to latest" returns to the newest one. Paging 5 000 messages back is
 * CPU-bound (a hundred pages, each rendered), so these tests name their own bounds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { useState } from 'react';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { ChatProvider, MessageList } from 'parley';
import '../../src/theme/styles.css';

/** Paging back 5 000 messages at the default 50 a page, on a busy machine. */
const JUMP_MS = 30_000;
const TEST_MS = 90_000;
/** The client's page of history (its default). */
const PAGE_SIZE = 50;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

let setJump: (id: string | undefined) => void = () => {};

function Harness({ initial }: { initial: string | undefined }) {
  const [jumpTo, setJumpTo] = useState(initial);
  setJump = setJumpTo;
  return (
    <div style={{ height: 500, width: 400, display: 'flex' }}>
      <MessageList conversationId="archive" style={{ flex: 1 }} jumpToMessageId={jumpTo} />
    </div>
  );
}

async function setup(back: number | undefined, latencyMs = 0) {
  const server: MockChatServer = createMockServer({ seed: 'demo' });
  // With no latency every page answers in a microtask: the whole jump runs before anything else does.
  if (latencyMs > 0) server.setNetwork({ latencyMs });
  const client: ChatClient = createChatClient({
    transport: server.connect({ userId: 'alice', token: 'alice-token' }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
    pageSize: PAGE_SIZE,
  });
  await client.connect();
  cleanups.push(() => {
    client.disconnect();
    server.dispose();
  });
  const log = server.messages('archive');
  const target = back === undefined ? undefined : log[log.length - back]!;
  const screen = await render(
    <ChatProvider client={client}>
      <Harness initial={target?.id} />
    </ChatProvider>,
  );
  const scroller = () => document.querySelector<HTMLElement>('.parley-message-list-scroller')!;
  const row = (id: string) => document.querySelector<HTMLElement>(`[data-message-id="${id}"]`);
  const inView = (id: string) => {
    const box = row(id)?.getBoundingClientRect();
    const view = scroller().getBoundingClientRect();
    return box !== undefined && box.bottom > view.top + 1 && box.top < view.bottom - 1;
  };
  /** Seqs of the rows on screen, top to bottom. */
  const visibleSeqs = () => {
    const view = scroller().getBoundingClientRect();
    const bySeq = new Map(client.getMessages('archive').map((m) => [m.id, m.seq]));
    return [...scroller().querySelectorAll<HTMLElement>('[data-message-id]')]
      .filter((r) => {
        const box = r.getBoundingClientRect();
        return box.bottom > view.top && box.top < view.bottom;
      })
      .map((r) => bySeq.get(r.dataset.messageId!) ?? Number.NaN)
      .sort((a, b) => a - b);
  };
  const oldestLoaded = () => client.getMessages('archive')[0]?.seq ?? Number.POSITIVE_INFINITY;
  return { server, client, screen, log, target, scroller, row, inView, visibleSeqs, oldestLoaded };
}

describe('A jump 5 000 messages back', () => {
  it('lands on the message, highlights and focuses it, and stays there', async () => {
    const { target, row, inView, oldestLoaded } = await setup(5_000);
    await expect.poll(() => row(target!.id)?.dataset.highlighted, { timeout: JUMP_MS }).toBe('true');
    expect(inView(target!.id)).toBe(true);
    expect(document.activeElement).toBe(row(target!.id));
    // The message is near the top of what was loaded: the list reads on upwards by itself…
    await expect.poll(oldestLoaded).toBeLessThan(target!.seq - 10);
    // …and after the highlight has faded (2.5 s) nothing has pulled the view back to the bottom.
    await expect.poll(() => row(target!.id)?.dataset.highlighted ?? 'gone', { timeout: 10_000 }).not.toBe('true');
    expect(inView(target!.id)).toBe(true);
  }, TEST_MS);

  it('keeps loading older pages while scrolling up, the view staying by the messages it showed', async () => {
    const { target, row, scroller, oldestLoaded, visibleSeqs } = await setup(5_000);
    await expect.poll(() => row(target!.id)?.dataset.highlighted, { timeout: JUMP_MS }).toBe('true');
    for (let page = 0; page < 4; page++) {
      const before = oldestLoaded();
      // To the very top of what is loaded: the next older page must come.
      scroller().scrollTop = 0;
      await expect.poll(oldestLoaded, { timeout: 10_000 }).toBeLessThan(before);
      // The rows above are prepended around the view: it still shows messages as old as the top was.
      await expect.poll(() => visibleSeqs()[0] ?? Number.NaN).toBeLessThanOrEqual(before + 12);
    }
    expect(oldestLoaded()).toBeLessThan(target!.seq - 150);
  }, TEST_MS);

  it('reaches every newer message scrolling down, then the newest; "Jump to latest" returns there', async () => {
    const { target, log, row, scroller, inView, visibleSeqs, screen } = await setup(5_000);
    await expect.poll(() => row(target!.id)?.dataset.highlighted, { timeout: JUMP_MS }).toBe('true');
    const newest = log[log.length - 1]!;
    // Down in strides of a few hundred messages: every stride shows later messages than the one before.
    let last = target!.seq - 20;
    for (let stride = 0; stride < 12; stride++) {
      scroller().scrollTop += 20_000;
      await expect.poll(() => visibleSeqs()[0] ?? Number.NaN).toBeGreaterThan(last);
      last = visibleSeqs()[0]!;
    }
    expect(last).toBeGreaterThan(target!.seq + 2_000);
    // Then from the middle of the history, the button goes to the newest message.
    scroller().scrollTop = scroller().scrollHeight / 2;
    await expect.poll(() => inView(newest.id)).toBe(false);
    await screen.getByRole('button', { name: 'Jump to latest messages' }).click();
    await expect.poll(() => inView(newest.id)).toBe(true);
    await expect.poll(() => scroller().dataset.atBottom).toBe('true');
    await expect.element(screen.getByRole('button', { name: 'Jump to latest messages' })).not.toBeInTheDocument();
  }, TEST_MS);

  it('does not follow new messages while reading far back; the button counts them and goes to them', async () => {
    const { server, target, row, inView, screen } = await setup(5_000);
    await expect.poll(() => row(target!.id)?.dataset.highlighted, { timeout: JUMP_MS }).toBe('true');
    server.postMessage('archive', { authorId: 'bob', text: 'A new message while alice reads the archive' });
    const jumpButton = screen.getByRole('button', { name: '1 new message' });
    await expect.element(jumpButton).toBeVisible();
    expect(inView(target!.id)).toBe(true);
    await jumpButton.click();
    const fresh = server.messages('archive').at(-1)!;
    await expect.poll(() => inView(fresh.id)).toBe(true);
  }, TEST_MS);

  it('stops paging back when the target changes to a message nearby', async () => {
    // Pages that take a moment each, as over a network: the reader can act while they come.
    const { client, log, row } = await setup(5_000, 10);
    // The far jump has begun (a few pages in) when the reader chooses a recent message instead.
    await expect.poll(() => client.getMessages('archive').length, { timeout: JUMP_MS }).toBeGreaterThan(300);
    const near = log[log.length - 10]!;
    setJump(near.id);
    await expect.poll(() => row(near.id)?.dataset.highlighted, { timeout: JUMP_MS }).toBe('true');
    const loaded = client.getMessages('archive').length;
    // The far search is over: no more pages come unasked (the view is at the bottom, far from the top).
    await expect.poll(() => row(near.id)?.dataset.highlighted ?? 'gone', { timeout: 10_000 }).not.toBe('true');
    // At most the one page already on its way when the target changed lands after it.
    expect(client.getMessages('archive').length).toBeLessThanOrEqual(loaded + PAGE_SIZE);
    expect(loaded).toBeLessThan(4_000);
  }, TEST_MS);
});
