/**
 * MessageSearch in real Chromium: typing searches the server, results come
 * newest first with the matching words marked (as text), the arrow keys move
 * through them from the box, Enter opens one; no results, a failure with
 * Try again, a query too long, Load more; and in the Chat, a result opens its
 * conversation and the list jumps to the message and highlights it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { userEvent } from 'vitest/browser';
import { createChatClient, createMemoryOutbox, LIMITS, type Message, type Transport } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { Chat, ChatProvider, MessageSearch } from 'parley';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const HOUR = 3_600_000;

const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

/** Alice's client, its search requests failing while `failing.on`; `history` is added before it connects. */
async function setup({ latencyMs = 0, history }: { latencyMs?: number; history?: (server: MockChatServer) => void } = {}) {
  const server = createMockServer({ seed: 'demo' });
  if (latencyMs > 0) server.setNetwork({ latencyMs });
  const now = Date.now();
  server.addMessages('launch', [
    { authorId: 'bob', text: 'The quokkä opens at nine', createdAt: now - 5 * HOUR },
    { authorId: 'carol', text: '<b>Quokka</b> notes: bring <script>alert(1)</script>', createdAt: now - 4 * HOUR },
    { authorId: 'dave', text: 'Nothing to see here', createdAt: now - 3 * HOUR },
    { authorId: 'bob', text: 'QUOKKÄLAND closed today, quokkä next door', createdAt: now - 2 * HOUR },
  ]);
  server.addMessages('alice-bob', [{ authorId: 'bob', text: 'Meet at the quokka?', createdAt: now - HOUR }]);
  history?.(server);
  const failing = { on: false };
  const wrap = (transport: Transport): Transport => {
    const request: Transport['request'] = async (event, payload, timeoutMs) =>
      event === 'messages:search' && failing.on
        ? { ok: false, error: { code: 'internal', message: 'the search index is on fire' } }
        : transport.request(event, payload, timeoutMs);
    return new Proxy(transport, {
      get: (target, prop) => {
        if (prop === 'request') return request;
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  const client = createChatClient({
    transport: wrap(server.connect({ userId: 'alice', token: 'alice-token' })),
    userId: 'alice',
    outbox: createMemoryOutbox(),
  });
  await client.connect();
  cleanups.push(() => {
    client.disconnect();
    server.dispose();
  });
  return { server, client, failing };
}

async function mountSearch(props: { conversationId?: string; pageSize?: number } = {}) {
  const ctx = await setup();
  const onSelect = vi.fn<(message: Message) => void>();
  const onClose = vi.fn<() => void>();
  const screen = await render(
    <ChatProvider client={ctx.client}>
      <div style={{ width: 420, height: 600, display: 'flex', flexDirection: 'column' }}>
        <MessageSearch onSelect={onSelect} onClose={onClose} debounceMs={50} {...props} />
      </div>
    </ChatProvider>,
  );
  const box = screen.getByRole('searchbox', { name: props.conversationId ? /^Search messages in/ : 'Search messages' });
  await expect.element(box).toHaveFocus();
  const options = () => [...document.querySelectorAll<HTMLElement>('[role="option"]')];
  const marks = (option: HTMLElement) => [...option.querySelectorAll('mark')].map((m) => m.textContent);
  return { ...ctx, screen, box, onSelect, onClose, options, marks };
}

describe('MessageSearch', () => {
  it('searches as you type and lists every conversation’s results newest first, matches marked', async () => {
    const { box, screen, options, marks } = await mountSearch();
    await userEvent.fill(box, 'quokka');
    await expect.element(screen.getByRole('listbox', { name: 'Search results' })).toBeVisible();
    await expect.element(screen.getByRole('status')).toHaveTextContent('4 messages found');
    const texts = options().map((o) => o.querySelector('.parley-search-result-text')!.textContent);
    expect(texts).toEqual([
      'Meet at the quokka?',
      'QUOKKÄLAND closed today, quokkä next door',
      '<b>Quokka</b> notes: bring <script>alert(1)</script>',
      'The quokkä opens at nine',
    ]);
    // Accents and case aside, by word beginnings: "QUOKKÄ" of QUOKKÄLAND, and quokkä.
    expect(marks(options()[1]!)).toEqual(['QUOKKÄ', 'quokkä']);
    expect(marks(options()[3]!)).toEqual(['quokkä']);
    // Each result says who wrote it and where (searching everywhere).
    expect(options()[0]!.textContent).toContain('in Bob Nguyen');
    expect(options()[1]!.textContent).toContain('in Launch');
    // Markup in a message is its text: no <b> or <script> element, only the mark.
    const third = options()[2]!.querySelector('.parley-search-result-text')!;
    expect(third.querySelector('b, script')).toBeNull();
    expect([...third.children].map((c) => c.tagName)).toEqual(['MARK']);
    expect(marks(options()[2]!)).toEqual(['Quokka']);
  });

  it('moves through the results with the arrow keys from the box, and Enter opens the active one', async () => {
    const { box, options, onSelect } = await mountSearch();
    // The whole query at once: typed a key at a time on a busy machine, each prefix is searched
    // and its results replace the list (and its active result) while the keys below land.
    await userEvent.fill(box, 'quokka');
    await expect.poll(() => options().length).toBe(4);
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(box).toHaveAttribute('aria-activedescendant', options()[0]!.id);
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    await expect.element(box).toHaveAttribute('aria-activedescendant', options()[1]!.id);
    expect(options().filter((o) => o.getAttribute('aria-selected') === 'true')).toEqual([options()[1]]);
    // Focus never left the box: typing goes on refining.
    await expect.element(box).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect.mock.calls[0]![0].text).toBe('QUOKKÄLAND closed today, quokkä next door');
    // Up from the first result is the box itself, with no result active.
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    await expect.element(box).not.toHaveAttribute('aria-activedescendant');
  });

  it('opens a result on click, without taking focus from the box', async () => {
    const { box, options, onSelect, screen } = await mountSearch();
    await userEvent.fill(box, 'quokka');
    await expect.poll(() => options().length).toBe(4);
    await screen.getByRole('option', { name: /The quokkä opens at nine/ }).click();
    expect(onSelect.mock.calls[0]![0].text).toBe('The quokkä opens at nine');
  });

  it('Escape clears the box, and in an empty box closes', async () => {
    const { box, options, onClose } = await mountSearch();
    await userEvent.fill(box, 'quokka');
    await expect.poll(() => options().length).toBe(4);
    await userEvent.keyboard('{Escape}');
    await expect.element(box).toHaveValue('');
    expect(options()).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('searches one conversation when given one', async () => {
    const { box, options } = await mountSearch({ conversationId: 'launch' });
    await userEvent.fill(box, 'quokka');
    await expect.poll(() => options().length).toBe(3);
    expect(options().every((o) => o.dataset.conversationId === 'launch')).toBe(true);
    expect(options()[0]!.textContent).not.toContain('in Launch');
  });

  it('says so when nothing matches', async () => {
    const { box, screen, options } = await mountSearch();
    await userEvent.fill(box, 'zebra');
    await expect.element(screen.getByRole('status')).toHaveTextContent('No messages match “zebra”');
    expect(options()).toHaveLength(0);
    expect(document.querySelector('.parley-message-search')).toHaveAttribute('data-state', 'empty');
  });

  it('says so when the search fails, and Try again searches again', async () => {
    const { box, screen, options, failing } = await mountSearch();
    failing.on = true;
    await userEvent.fill(box, 'quokka');
    await expect.element(screen.getByRole('status')).toHaveTextContent('The search failed');
    failing.on = false;
    await screen.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => options().length).toBe(4);
  });

  it('does not send a query over the length limit, and says why', async () => {
    const { box, screen, client } = await mountSearch();
    const search = vi.spyOn(client, 'searchMessages');
    box.element().focus();
    await userEvent.fill(box, 'x'.repeat(LIMITS.maxQueryLength + 1));
    await expect.element(screen.getByRole('status')).toHaveTextContent(`The search is too long (${LIMITS.maxQueryLength + 1} of ${LIMITS.maxQueryLength} characters)`);
    await expect.element(box).toHaveAttribute('aria-invalid', 'true');
    expect(search).not.toHaveBeenCalled();
  });

  it('loads more results by cursor', async () => {
    const { server, box, screen, options } = await mountSearch({ pageSize: 20 });
    const start = Date.now() - 100 * HOUR;
    server.addMessages('general', Array.from({ length: 45 }, (_, i) => ({ authorId: 'carol', text: `Deploy step ${i + 1}`, createdAt: start + i * 60_000 })));
    await userEvent.fill(box, 'deploy step');
    await expect.poll(() => options().length).toBe(20);
    await expect.element(screen.getByRole('status')).toHaveTextContent('20 messages found so far');
    await screen.getByRole('button', { name: 'Load more results' }).click();
    await expect.poll(() => options().length).toBe(40);
    await screen.getByRole('button', { name: 'Load more results' }).click();
    await expect.poll(() => options().length).toBe(45);
    await expect.element(screen.getByRole('button', { name: 'Load more results' })).not.toBeInTheDocument();
    expect(options().at(-1)!.textContent).toContain('Deploy step 1');
    await expect.element(screen.getByRole('status')).toHaveTextContent('45 messages found');
  });
});

describe('MessageSearch in the Chat', () => {
  async function mountChat(options: Parameters<typeof setup>[0] = {}) {
    const ctx = await setup(options);
    const screen = await render(
      <ChatProvider client={ctx.client}>
        <div style={{ width: 900, height: 640 }}>
          <Chat defaultSelectedId="general" />
        </div>
      </ChatProvider>,
    );
    await expect.element(screen.getByRole('heading', { name: 'General' })).toBeVisible();
    return { ...ctx, screen };
  }

  it('opens from the header; Enter on a result opens its conversation and the list jumps to the message', async () => {
    const { screen } = await mountChat();
    const open = screen.getByRole('button', { name: 'Search messages' });
    await open.click();
    const box = screen.getByRole('searchbox', { name: 'Search messages' });
    await expect.element(box).toHaveFocus();
    // Over the messages, not above them: the list keeps its size and stays at the newest message.
    await userEvent.fill(box, 'quokka');
    await expect.poll(() => document.querySelectorAll('[role="option"][data-message-id]').length).toBe(4);
    // After the list has had frames to react to any change of its size.
    await frames(5);
    expect(document.querySelector('.parley-message-list-scroller')).toHaveAttribute('data-at-bottom', 'true');
    await expect.element(screen.getByRole('button', { name: 'Jump to latest messages' })).not.toBeInTheDocument();
    await userEvent.clear(box);
    await userEvent.fill(box, 'opens nine');
    await expect.poll(() => document.querySelectorAll('[role="option"][data-message-id]').length).toBe(1);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await expect.element(screen.getByRole('heading', { name: /^Launch/ })).toBeVisible();
    const row = screen.getByRole('article').filter({ hasText: 'The quokkä opens at nine' });
    await expect.element(row).toHaveAttribute('data-highlighted', 'true');
    await expect.element(row).toHaveFocus();
    // The search closed to make room; its button opens it again with the query kept.
    await expect.element(box).not.toBeInTheDocument();
    await expect.element(open).toHaveAttribute('aria-expanded', 'false');
    await open.click();
    await expect.element(screen.getByRole('searchbox', { name: 'Search messages' })).toHaveValue('opens nine');
    await expect.element(screen.getByRole('searchbox', { name: 'Search messages' })).toHaveFocus();
    // Escape twice: cleared, then closed with focus back on the button.
    await userEvent.keyboard('{Escape}{Escape}');
    await expect.element(open).toHaveFocus();
  });

  it('shows "Loading…" while the list pages back to a result far up, then lands on it', async () => {
    // 1 500 messages after the seeded ones; the one to find is near their start.
    const start = Date.now() - 30 * 24 * HOUR;
    const { screen } = await mountChat({
      latencyMs: 10,
      history: (server) =>
        server.addMessages(
          'general',
          Array.from({ length: 1_500 }, (_, i) => ({ authorId: i % 2 ? 'bob' : 'carol', text: i === 20 ? 'The quarterly zeppelin report' : `Filler ${i}`, createdAt: start + i * 60_000 })),
        ),
    });
    await screen.getByRole('button', { name: 'Search messages' }).click();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search messages' }), 'zeppelin');

    await expect.poll(() => document.querySelectorAll('[role="option"][data-message-id]').length).toBe(1);
    const status = document.querySelector<HTMLElement>('.parley-chat-jump-status')!;
    // Recorded as it changes (pages may come faster than a poll looks).
    const said: string[] = [];
    new MutationObserver(() => said.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    await userEvent.keyboard('{ArrowDown}{Enter}');
    const row = screen.getByRole('article').filter({ hasText: 'The quarterly zeppelin report' });
    await expect.element(row, { timeout: 30_000 }).toHaveAttribute('data-highlighted', 'true');
    await expect.element(row).toHaveFocus();
    expect(said).toContain('Loading…');
    expect(status.textContent).toBe('');
  }, 60_000);
});
