/**
 * The recipes built from Parley's parts keep the list's guarantees in real
 * Chromium: a custom bubble through `renderMessage` and a headless list on
 * `useMessageList` both hold the row being read still when history is prepended.
 */
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { userEvent } from 'vitest/browser';
import { createChatClient, createMemoryOutbox, type Transport } from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import { ChatProvider, MessageList } from 'parley';
import { CardBubble } from '../../stories/recipes/CardBubble';
import { CompactLog } from '../../stories/recipes/CompactLog';
import '../../src/theme/styles.css';
import '../../stories/recipes/recipes.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const frames = (n = 3) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

async function mount(history: number, list: ReactNode, wrap: (transport: Transport) => Transport = (t) => t) {
  const server = createMockServer({ seed: 'demo' });
  const start = Date.now() - history * 60_000;
  server.addMessages(
    'launch',
    Array.from({ length: history }, (_, i) => ({
      authorId: ['bob', 'carol', 'alice'][i % 3]!,
      text: `Line ${i + 1}${i % 5 === 0 ? ' which is long enough to wrap onto a second line in a list this narrow, and maybe a third one' : ''}`,
      createdAt: start + i * 60_000,
    })),
  );
  const client = createChatClient({ transport: wrap(server.connect({ userId: 'alice', token: 'alice-token' })), userId: 'alice', outbox: createMemoryOutbox() });
  await client.connect();
  cleanups.push(() => {
    client.disconnect();
    server.dispose();
  });
  const screen = await render(
    <ChatProvider client={client}>
      <div style={{ height: 420, width: 380, display: 'flex', flexDirection: 'column' }}>{list}</div>
    </ChatProvider>,
  );
  const scroller = () => document.querySelector<HTMLElement>('.parley-message-list-scroller')!;
  const rowTop = (id: string) => {
    const row = document.querySelector<HTMLElement>(`[data-message-id="${id}"]`);
    return row ? row.getBoundingClientRect().top - scroller().getBoundingClientRect().top : null;
  };
  const lastId = server.messages('launch').at(-1)!.id;
  await expect.poll(() => {
    const top = rowTop(lastId);
    return top !== null && top >= 0 && top < scroller().clientHeight;
  }).toBe(true);
  return { server, client, screen, scroller, rowTop };
}

/**
 * Scrolls up to the first loaded row and records the offset of the row being read frame by frame while the
 * older page comes in: at the top, the first loaded row; `scrollingUp`, the next one, with the first loaded
 * row just above the view and the reader still scrolling up as the page lands.
 * With `releaseOlderPage` (see `holdOlderPages`), the page is held until that offset is read.
 */
async function prependJumps(
  { client, scroller, rowTop }: Awaited<ReturnType<typeof mount>>,
  { releaseOlderPage, scrollingUp = false }: { releaseOlderPage?: () => void; scrollingUp?: boolean } = {},
): Promise<number[]> {
  const loadedBefore = client.getMessages('launch').length;
  const [first, second] = client.getMessages('launch');
  scroller().scrollTop = 0;
  await frames();
  const readId = scrollingUp ? second!.id : first!.id;
  if (scrollingUp) {
    scroller().scrollTop = rowTop(readId)! + 4;
    await frames();
    scroller().scrollTop -= 2;
    await frames(1);
  }
  const top = rowTop(readId);
  expect(top).not.toBeNull();
  if (releaseOlderPage) {
    expect(client.getMessages('launch').length).toBe(loadedBefore);
    releaseOlderPage();
  }
  await expect.poll(() => client.getMessages('launch').length).toBeGreaterThan(loadedBefore);
  const jumps: number[] = [];
  for (let i = 0; i < 20; i++) {
    await frames(1);
    jumps.push(Math.abs((rowTop(readId) ?? Number.NaN) - top!));
  }
  return jumps;
}

/** A request for a page before the oldest loaded message (the first page asks for the newest). */
const isOlderPage = (event: string, payload: unknown) =>
  event === 'messages:before' && typeof payload === 'object' && payload !== null && 'beforeSeq' in payload && payload.beforeSeq !== Number.MAX_SAFE_INTEGER;

/**
 * Holds the client's requests for older pages until `release()`, so a test reads
 * the row's place before the page lands whatever the frame timing.
 */
function holdOlderPages() {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const wrap = (transport: Transport): Transport => {
    const request: Transport['request'] = async (event, payload, timeoutMs) => {
      if (isOlderPage(event, payload)) await released;
      return transport.request(event, payload, timeoutMs);
    };
    return new Proxy(transport, {
      get: (target, prop) => {
        if (prop === 'request') return request;
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  return { wrap, release: () => release() };
}

/** `prependJumps` on a list of 2,000 messages whose older page is held until the row's place is read. */
async function heldPrependJumps(list: ReactNode, { scrollingUp = false } = {}): Promise<number[]> {
  const hold = holdOlderPages();
  return prependJumps(await mount(2_000, list, hold.wrap), { releaseOlderPage: hold.release, scrollingUp });
}

/** The prepend checks, named for what the list calls a row. */
function itKeepsTheReadRowStill(list: ReactNode, row: 'row' | 'line') {
  it(`keeps the ${row} being read still when an older page is prepended`, async () => {
    const jumps = await prependJumps(await mount(2_000, list));
    expect(Math.max(...jumps)).toBeLessThanOrEqual(1);
  });

  // Rows of the older page land in the header's room above the row being read, at their
  // estimated height (CompactLog's 24 px, where a one-line row is shorter).
  it(`keeps the ${row} being read still when the older page lands after the top was reached`, async () => {
    const jumps = await heldPrependJumps(list);
    expect(Math.max(...jumps)).toBeLessThanOrEqual(1);
  });

  // The first loaded row, just above the view, loses its date separator to the older page.
  it(`keeps the ${row} being read still when the older page lands while the reader scrolls up`, async () => {
    const jumps = await heldPrependJumps(list, { scrollingUp: true });
    expect(Math.max(...jumps)).toBeLessThanOrEqual(1);
  });
}

describe('Bring your own bubble (renderMessage with the exported parts)', () => {
  const list = <MessageList conversationId="launch" renderMessage={(props) => <CardBubble {...props} />} style={{ flex: 1, minHeight: 0 }} />;

  it('draws every message as a card, in Parley rows', async () => {
    await mount(500, list);
    const rows = [...document.querySelectorAll('[role="feed"] > [role="article"]')];
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((row) => row.querySelector('.recipe-card') && !row.querySelector('.parley-message'))).toBe(true);
  });

  itKeepsTheReadRowStill(list, 'row');
});

describe('Headless list (useMessageList with markup of its own)', () => {
  const list = <CompactLog conversationId="launch" />;

  it('renders its own lines as feed articles, one tab stop, arrows move between lines', async () => {
    const { client } = await mount(500, list);
    const rows = [...document.querySelectorAll<HTMLElement>('[role="feed"] > .recipe-log-row')];
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((row) => row.getAttribute('role') === 'article')).toBe(true);
    document.querySelector<HTMLElement>('.parley-message-list-scroller')!.focus();
    await userEvent.keyboard('{ArrowUp}');
    const last = () => document.activeElement?.getAttribute('data-index');
    const newest = client.getMessages('launch').length - 1;
    await expect.poll(last).toBe(String(newest));
    await userEvent.keyboard('{ArrowUp}');
    await expect.poll(last).toBe(String(newest - 1));
  });

  itKeepsTheReadRowStill(list, 'line');

  it('stays pinned when a message arrives, and counts arrivals while scrolled up', async () => {
    const { server, scroller, screen } = await mount(500, list);
    // In the scroller's visible box, not only in the DOM.
    const inView = (text: string) => {
      const line = [...document.querySelectorAll('.recipe-log-row')].find((row) => row.textContent?.includes(text));
      if (!line) return false;
      const box = scroller().getBoundingClientRect();
      const r = line.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    };
    server.postMessage('launch', { authorId: 'bob', text: 'Pinned arrival' });
    await expect.poll(() => inView('Pinned arrival')).toBe(true);
    scroller().scrollTop -= 1500;
    await frames();
    server.postMessage('launch', { authorId: 'bob', text: 'While away' });
    const jump = screen.getByRole('button', { name: '1 new message' });
    await expect.element(jump).toBeVisible();
    expect(inView('While away')).toBe(false);
    await userEvent.click(jump);
    await expect.poll(() => inView('While away')).toBe(true);
  });
});
