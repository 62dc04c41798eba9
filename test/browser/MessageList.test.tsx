/** MessageList in real Chromium: where it opens, pinning, prepend anchoring, new-message button, keyboard. */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { userEvent } from 'vitest/browser';
import { createChatClient, createMemoryOutbox } from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import { ChatProvider, MessageList } from 'parley';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function setup(history: number) {
  const server = createMockServer({ seed: 'demo' });
  const start = Date.now() - history * 60_000;
  const authors = ['bob', 'carol', 'alice'];
  server.addMessages(
    'launch',
    Array.from({ length: history }, (_, i) => ({
      authorId: authors[i % 3]!,
      text: `Message number ${i + 1}${i % 4 === 0 ? ' with a longer body that wraps onto a second line in a narrow list' : ''}`,
      createdAt: start + i * 60_000,
    })),
  );
  const client = createChatClient({
    transport: server.connect({ userId: 'alice', token: 'alice-token' }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
  });
  await client.connect();
  const screen = await render(
    <ChatProvider client={client}>
      <div style={{ height: 500, width: 400, display: 'flex' }}>
        <MessageList conversationId="launch" style={{ flex: 1 }} />
      </div>
    </ChatProvider>,
  );
  cleanups.push(() => {
    client.disconnect();
    server.dispose();
  });
  const scroller = () => document.querySelector<HTMLElement>('.parley-message-list-scroller')!;
  const rowTop = (id: string) => {
    const row = document.querySelector<HTMLElement>(`[data-message-id="${id}"]`);
    return row ? row.getBoundingClientRect().top - scroller().getBoundingClientRect().top : null;
  };
  const lastRowVisible = () => {
    const id = server.messages('launch').at(-1)!.id;
    const top = rowTop(id);
    return top !== null && top < scroller().clientHeight && top >= 0;
  };
  await expect.poll(() => client.getMessages('launch').length).toBeGreaterThan(0);
  await expect.poll(lastRowVisible).toBe(true);
  return { server, client, screen, scroller, rowTop, lastRowVisible };
}

const frames = (n = 3) => new Promise<void>((resolve) => {
  const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
  step(n);
});

describe('MessageList', () => {
  it('opens a 20 000-message conversation at its newest message, with one page loaded', async () => {
    const { client, lastRowVisible } = await setup(20_000);
    await frames(10);
    expect(lastRowVisible()).toBe(true);
    expect(client.getMessages('launch').length).toBeLessThanOrEqual(100);
    expect(document.querySelectorAll('[data-message-id]').length).toBeLessThan(40);
  });

  it('measures every row: rows never overlap, whatever their height', async () => {
    const { scroller } = await setup(300);
    await frames(5);
    const rows = [...scroller().querySelectorAll<HTMLElement>('[data-index]')]
      .map((row) => ({ index: Number(row.dataset.index), box: row.getBoundingClientRect() }))
      .sort((a, b) => a.index - b.index);
    expect(rows.length).toBeGreaterThan(5);
    // Rows of two heights (one or two lines of text), laid out edge to edge.
    expect(new Set(rows.map((r) => Math.round(r.box.height))).size).toBeGreaterThan(1);
    for (let i = 1; i < rows.length; i++) {
      expect(Math.abs(rows[i]!.box.top - rows[i - 1]!.box.bottom), `row ${rows[i]!.index}`).toBeLessThanOrEqual(0.5);
    }
  });

  it('stays pinned to the bottom when a message arrives while the reader is there', async () => {
    const { server, lastRowVisible } = await setup(300);
    server.postMessage('launch', { authorId: 'bob', text: 'A fresh message at the bottom' });
    await expect.poll(lastRowVisible).toBe(true);
  });

  it('holds still while scrolled up, offers a new-messages button, and jumps down on click', async () => {
    const { server, scroller, rowTop, lastRowVisible, screen } = await setup(300);
    scroller().scrollTop = scroller().scrollTop - 1500;
    await frames();
    const anchor = document.querySelector<HTMLElement>('[data-message-id]')!.dataset.messageId!;
    const before = rowTop(anchor);
    server.postMessage('launch', { authorId: 'bob', text: 'Arrived while reading history' });
    const button = screen.getByRole('button', { name: '1 new message' });
    await expect.element(button).toBeVisible();
    expect(rowTop(anchor)).toBe(before);
    await userEvent.click(button);
    await expect.poll(lastRowVisible).toBe(true);
  });

  it('keeps the row being read exactly still when an older page is prepended', async () => {
    const { client, scroller, rowTop } = await setup(2_000);
    const loadedBefore = client.getMessages('launch').length;
    // Scroll up in steps, like a reader, until the list asks for the next page.
    const firstId = client.getMessages('launch')[0]!.id;
    scroller().scrollTop = 0;
    await frames();
    const jumps: number[] = [];
    const top = rowTop(firstId);
    expect(top).not.toBeNull();
    await expect.poll(() => client.getMessages('launch').length).toBeGreaterThan(loadedBefore);
    // Read the anchor's position frame by frame while the new rows are measured.
    for (let i = 0; i < 20; i++) {
      await frames(1);
      jumps.push(Math.abs((rowTop(firstId) ?? Number.NaN) - top!));
    }
    expect(Math.max(...jumps)).toBeLessThanOrEqual(1);
  });

  it('keeps script-driven scrolling exact while rows above the view are measured', async () => {
    // Scrolling from a requestAnimationFrame callback (custom smooth scrolling, a
    // reader's app) lands before the list's scroll event; a size correction in
    // that frame must add to the new position, not to the one from the last event.
    const { scroller, rowTop } = await setup(2_000);
    const s = scroller();
    // Jump into history so the rows above the view are not measured yet.
    s.scrollTop -= 2_000;
    await frames(10);
    const top = s.getBoundingClientRect().top;
    const anchor = [...s.querySelectorAll<HTMLElement>('[data-message-id]')].find((r) => r.getBoundingClientRect().top >= top)!;
    const id = anchor.dataset.messageId!;
    const before = rowTop(id)!;
    let scrolled = 0;
    const drift: number[] = [];
    for (let i = 0; i < 90; i++) {
      await frames(1);
      const now = rowTop(id);
      if (now === null) break;
      drift.push(Math.abs(now - before - scrolled));
      const was = s.scrollTop;
      s.scrollTop = was - 7;
      scrolled += was - s.scrollTop;
    }
    expect(scrolled).toBeGreaterThan(300);
    expect(Math.max(...drift)).toBeLessThanOrEqual(1);
  });

  it('is one tab stop with arrow-key navigation between messages', async () => {
    const { client } = await setup(100);
    const messages = client.getMessages('launch');
    await userEvent.tab();
    expect(document.activeElement).toBe(document.querySelector('.parley-message-list-scroller'));
    await userEvent.keyboard('{ArrowUp}');
    await expect.poll(() => (document.activeElement as HTMLElement | null)?.dataset.messageId).toBe(messages.at(-1)!.id);
    await userEvent.keyboard('{ArrowUp}');
    await expect.poll(() => (document.activeElement as HTMLElement | null)?.dataset.messageId).toBe(messages.at(-2)!.id);
    await userEvent.keyboard('{End}');
    await expect.poll(() => (document.activeElement as HTMLElement | null)?.dataset.messageId).toBe(messages.at(-1)!.id);
    // Tab leaves the list: the focused row is its only tab stop.
    expect(document.querySelectorAll('.parley-message-list [tabindex="0"]').length).toBe(1);
  });
});

describe('MessageList: the first page arriving after mount', () => {
  it('paints its first messages already at the newest one, and keeps focus on the list', async () => {
    const server = createMockServer({ seed: 'demo' });
    server.addMessages(
      'launch',
      Array.from({ length: 400 }, (_, i) => ({
        authorId: i % 2 ? 'bob' : 'carol',
        text: `History ${i + 1}${i % 3 === 0 ? ' which is long enough to wrap onto a second line in a list this narrow' : ''}`,
        createdAt: Date.now() - (400 - i) * 60_000,
      })),
    );
    const client = createChatClient({
      transport: server.connect({ userId: 'alice', token: 'alice-token' }),
      userId: 'alice',
      outbox: createMemoryOutbox(),
    });
    await client.connect();
    server.setNetwork({ latencyMs: 150 });
    cleanups.push(() => {
      client.disconnect();
      server.dispose();
    });
    // Record every frame from the mount on: rows in the DOM and distance from the bottom.
    const seen: { rows: number; fromBottom: number; lastVisible: boolean }[] = [];
    let recording = true;
    const lastId = server.messages('launch').at(-1)!.id;
    const record = () => {
      const s = document.querySelector<HTMLElement>('.parley-message-list-scroller');
      if (s) {
        const last = document.querySelector(`[data-message-id="${lastId}"]`);
        const box = s.getBoundingClientRect();
        const r = last?.getBoundingClientRect();
        seen.push({
          rows: s.querySelectorAll('[data-message-id]').length,
          fromBottom: s.scrollHeight - s.scrollTop - s.clientHeight,
          lastVisible: !!r && r.bottom <= box.bottom + 1 && r.top >= box.top - 1,
        });
      }
      if (recording) requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
    await render(
      <ChatProvider client={client}>
        <div style={{ height: 500, width: 400, display: 'flex' }}>
          <MessageList conversationId="launch" style={{ flex: 1 }} />
        </div>
      </ChatProvider>,
    );
    // A keyboard user reaches the list while it is still loading.
    document.querySelector<HTMLElement>('.parley-message-list-scroller')!.focus();
    await expect.poll(() => seen.some((f) => f.rows > 0), { timeout: 10_000 }).toBe(true);
    await frames(3);
    recording = false;
    const first = seen.find((f) => f.rows > 0)!;
    expect(first.lastVisible).toBe(true);
    expect(first.fromBottom).toBeLessThanOrEqual(1);
    expect(document.activeElement?.closest('.parley-message-list')).not.toBeNull();
  });
});

describe('MessageList: jump to a message', () => {
  it('loads older pages until the message is there, scrolls to it, focuses and highlights it', async () => {
    const server = createMockServer({ seed: 'demo' });
    const start = Date.now() - 3_000 * 60_000;
    server.addMessages(
      'launch',
      Array.from({ length: 3_000 }, (_, i) => ({ authorId: i % 2 ? 'bob' : 'carol', text: `Numbered message ${i + 1}`, createdAt: start + i * 60_000 })),
    );
    const target = server.messages('launch').find((m) => m.text === 'Numbered message 120')!;
    const client = createChatClient({
      transport: server.connect({ userId: 'alice', token: 'alice-token' }),
      userId: 'alice',
      outbox: createMemoryOutbox(),
    });
    await client.connect();
    cleanups.push(() => {
      client.disconnect();
      server.dispose();
    });
    const screen = await render(
      <ChatProvider client={client}>
        <div style={{ height: 500, width: 400, display: 'flex' }}>
          <MessageList conversationId="launch" style={{ flex: 1 }} jumpToMessageId={target.id} />
        </div>
      </ChatProvider>,
    );
    const row = screen.getByRole('article').filter({ hasText: 'Numbered message 120' }).first();
    await expect.element(row, { timeout: 10_000 }).toHaveAttribute('data-highlighted', 'true');
    await expect.element(row).toHaveFocus();
    const scroller = document.querySelector<HTMLElement>('.parley-message-list-scroller')!;
    const box = (row.element() as HTMLElement).getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(view.top - 1);
    expect(box.bottom).toBeLessThanOrEqual(view.bottom + 1);
    // The highlight is a moment, not a state.
    await expect.element(row, { timeout: 5_000 }).not.toHaveAttribute('data-highlighted');
  });
});
