/**
 * Render counts, in real Chromium (MessageList is virtualized: jsdom has no layout,
 * so it would render no rows). DESIGN.md "Store shape": a new message in one
 * conversation re-renders nothing that shows another; and within a list only the
 * new row (and at most the one before it, whose grouping may change) renders.
 *
 * Counting: React's <Profiler onRender> around each piece (it fires for every
 * commit that re-renders anything in its subtree, rows included), and for rows
 * the `renderMessage` slot, which MessageRow calls from inside its memoized render.
 * Every "did not re-render" assertion has a positive control in the same test
 * (the other conversation's counter does move when *it* gets a message), so a
 * counter that never moves cannot make a test pass.
 */
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { ChatProvider, FormattedText, MessageBubble, MessageList, TypingIndicator, type RenderMessageProps } from 'parley';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function connect(): Promise<{ server: MockChatServer; client: ChatClient }> {
  const server = createMockServer({ seed: 'demo' });
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
  return { server, client };
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Wait until nothing renders any more: `read()` unchanged over 10 consecutive
 * frames and 150 ms (measuring and pinning to the bottom settle well within that).
 * The last store update a new message causes, its read receipt, is waited for by
 * name first (`readUpTo`), so this covers layout only.
 */
async function settle(read: () => string, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = read();
  let stableFrames = 0;
  let stableSince = performance.now();
  while (stableFrames < 10 || performance.now() - stableSince < 150) {
    if (performance.now() > deadline) throw new Error(`Still rendering after ${timeoutMs} ms: ${read()}`);
    await nextFrame();
    const now = read();
    if (now === last) stableFrames++;
    else {
      last = now;
      stableFrames = 0;
      stableSince = performance.now();
    }
  }
}

/** Each mounted row's attributes (they mirror MessageRow's props: index, setSize, start…). */
function rowAttributes(list: Element | null): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const row of list?.querySelectorAll('[data-message-id]') ?? []) {
    out.set(row.getAttribute('data-message-id')!, Object.fromEntries([...row.attributes].map((a) => [a.name, a.value])));
  }
  return out;
}

function diffAttributes(a: Record<string, string> | undefined, b: Record<string, string> | undefined): string {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  return [...keys]
    .filter((k) => a?.[k] !== b?.[k])
    .map((k) => `${k} ${a?.[k] ?? '∅'} → ${b?.[k] ?? '∅'}`)
    .join(', ');
}

/** Alice's store has her read position at `seq` (the server's read push is back; it moves delivered too). */
const readUpTo = (client: ChatClient, conversationId: string, seq: number) =>
  expect
    .poll(() => client.store.getState().conversations[conversationId]?.readSeqs.alice ?? 0, { timeout: 5_000 })
    .toBeGreaterThanOrEqual(seq);

const rowIn = (container: Element | null, messageId: string) =>
  container?.querySelector(`[data-message-id="${CSS.escape(messageId)}"]`) ?? null;

/**
 * General's MessageList with a `renderMessage` slot that counts renders per message id
 * (it is called from inside the row's render; MessageRow is memoized on the slot).
 */
async function mountCountingList(client: ChatClient) {
  const rowRenders = new Map<string, number>();
  const renderMessage = (props: RenderMessageProps) => {
    rowRenders.set(props.message.id, (rowRenders.get(props.message.id) ?? 0) + 1);
    return <MessageBubble {...props} />;
  };
  await render(
    <ChatProvider client={client}>
      <div style={{ height: 500, width: 400, display: 'flex' }}>
        <MessageList conversationId="general" renderMessage={renderMessage} style={{ flex: 1 }} />
      </div>
    </ChatProvider>,
  );
  const renders = () => JSON.stringify([...rowRenders.entries()].sort());
  return { rowRenders, renders, list: document.querySelector('.parley-message-list') };
}

describe('render counts', () => {
  it('a new message in one conversation re-renders nothing that shows another', async () => {
    const { server, client } = await connect();
    const commits = new Map<string, number>();
    const onRender: ProfilerOnRenderCallback = (id) => commits.set(id, (commits.get(id) ?? 0) + 1);
    const count = (id: string) => commits.get(id) ?? 0;
    const counts = () => JSON.stringify([...commits.entries()].sort());

    await render(
      <ChatProvider client={client}>
        <div style={{ display: 'flex', gap: 8, height: 500, width: 840 }}>
          <div data-testid="general" style={{ width: 400, display: 'flex' }}>
            <Profiler id="list:general" onRender={onRender}>
              <MessageList conversationId="general" style={{ flex: 1 }} />
            </Profiler>
          </div>
          <div data-testid="alice-bob" style={{ width: 400, display: 'flex', flexDirection: 'column' }}>
            <Profiler id="list:alice-bob" onRender={onRender}>
              <MessageList conversationId="alice-bob" style={{ flex: 1, minHeight: 0 }} />
            </Profiler>
            <Profiler id="typing:alice-bob" onRender={onRender}>
              <TypingIndicator conversationId="alice-bob" />
            </Profiler>
          </div>
        </div>
      </ChatProvider>,
    );
    const general = document.querySelector('[data-testid="general"]');
    const aliceBob = document.querySelector('[data-testid="alice-bob"]');
    const lastOf = (id: string) => server.messages(id).at(-1)!.id;
    await expect.poll(() => rowIn(general, lastOf('general'))).not.toBeNull();
    await expect.poll(() => rowIn(aliceBob, lastOf('alice-bob'))).not.toBeNull();
    await readUpTo(client, 'general', server.messages('general').at(-1)!.seq);
    await readUpTo(client, 'alice-bob', server.messages('alice-bob').at(-1)!.seq);
    // Rows grow when the formatter's chunk or the emoji font arrives, and the list measures them
    // again: both in before counting, so what is counted is the new message alone.
    await FormattedText.preload();
    await document.fonts.ready;
    await settle(counts);

    const before = new Map(commits);
    const hi = server.postMessage('general', { authorId: 'bob', text: 'hi' });
    await expect.poll(() => rowIn(general, hi.id)).not.toBeNull();
    await readUpTo(client, 'general', hi.seq);
    await settle(counts);

    // The list that shows 'general' did render (so the counters work)…
    expect(count('list:general')).toBeGreaterThan(before.get('list:general') ?? 0);
    // …and nothing that shows 'alice-bob' did.
    expect(count('list:alice-bob'), 'MessageList "alice-bob" re-rendered for a message in "general"').toBe(
      before.get('list:alice-bob'),
    );
    expect(count('typing:alice-bob'), 'TypingIndicator "alice-bob" re-rendered for a message in "general"').toBe(
      before.get('typing:alice-bob'),
    );

    // Positive controls: the 'alice-bob' counters do move for 'alice-bob' itself.
    const afterGeneral = new Map(commits);
    const reply = server.postMessage('alice-bob', { authorId: 'bob', text: 'and hi to you' });
    await expect.poll(() => rowIn(aliceBob, reply.id)).not.toBeNull();
    server.setTyping('alice-bob', 'bob', true);
    await expect.poll(() => aliceBob?.querySelector('[role="status"]')?.getAttribute('data-state')).toBe('typing');
    await settle(counts);
    expect(count('list:alice-bob')).toBeGreaterThan(afterGeneral.get('list:alice-bob') ?? 0);
    expect(count('typing:alice-bob')).toBeGreaterThan(afterGeneral.get('typing:alice-bob') ?? 0);
    server.setTyping('alice-bob', 'bob', false);
  });

  it('a new message renders only its own row (and at most the one before it)', async () => {
    const { server, client } = await connect();
    const { rowRenders, renders, list } = await mountCountingList(client);
    const mountedIds = () => [...(list?.querySelectorAll('[data-message-id]') ?? [])].map((row) => row.getAttribute('data-message-id')!);
    const previousLast = server.messages('general').at(-1)!.id;
    await expect.poll(() => rowIn(list, previousLast)).not.toBeNull();
    await settle(renders);

    const before = new Map(rowRenders);
    const mountedBefore = mountedIds();
    const attrsBefore = rowAttributes(list);
    expect(mountedBefore.length).toBeGreaterThan(3);

    const hi = server.postMessage('general', { authorId: 'bob', text: 'hi' });
    await expect.poll(() => rowIn(list, hi.id)).not.toBeNull();
    await readUpTo(client, 'general', hi.seq);
    await settle(renders);

    // The new row rendered (so the counter works)…
    expect(rowRenders.get(hi.id) ?? 0).toBeGreaterThan(0);
    // …and of the rows that were on screen before and still are, only the previous
    // last one may have rendered again (its grouping with the new one may change).
    const stillMounted = new Set(mountedIds());
    const rerendered = mountedBefore.filter(
      (id) => stillMounted.has(id) && id !== previousLast && (rowRenders.get(id) ?? 0) > (before.get(id) ?? 0),
    );
    // On failure, say which row attributes (= MessageRow props) changed, to point at the cause.
    const attrsAfter = rowAttributes(list);
    const changed = rerendered.map((id) => `${id}: ${diffAttributes(attrsBefore.get(id), attrsAfter.get(id)) || 'no attribute changed'}`);
    expect(rerendered, `rows re-rendered by one new message (${mountedBefore.length} were mounted)\n${changed.join('\n')}`).toEqual([]);
  });
  it('a delivered or read receipt re-renders only the rows whose receipt changes', async () => {
    const { server, client } = await connect();
    const { rowRenders, renders, list } = await mountCountingList(client);
    const first = await client.sendMessage('general', { text: 'first of two' });
    const second = await client.sendMessage('general', { text: 'second of two' });
    const statusOf = (id: string) => rowIn(list, id)?.querySelector('.parley-message-status')?.getAttribute('data-status');
    await expect.poll(() => statusOf(second.id)).toBe('sent');
    await settle(renders);
    const mounted = () => [...(list?.querySelectorAll('[data-message-id]') ?? [])].map((row) => row.getAttribute('data-message-id')!);
    expect(mounted().length).toBeGreaterThan(3);

    // Bob's client reports both messages delivered, straight through the server core.
    const bob = server.attach({ userId: 'bob', token: 'bob-token' }, { deliver: () => undefined, drop: () => undefined });
    if (!bob.ok) throw new Error(bob.error.message);
    const rerenderedBy = async (change: () => void): Promise<string[]> => {
      const before = new Map(rowRenders);
      const onScreen = mounted();
      change();
      await settle(renders);
      return onScreen.filter((id) => (rowRenders.get(id) ?? 0) > (before.get(id) ?? 0)).sort();
    };
    const delivered = await rerenderedBy(() => server.handleRequest(bob.session, 'delivered', { conversationId: 'general', seq: second.seq }));
    expect(statusOf(first.id)).toBe('delivered');
    expect(statusOf(second.id)).toBe('delivered');
    expect(delivered, 'rows re-rendered by a delivered receipt').toEqual([first.id, second.id].sort());

    // Reading the first one changes its receipt only.
    const read = await rerenderedBy(() => server.handleRequest(bob.session, 'read', { conversationId: 'general', seq: first.seq }));
    expect(statusOf(first.id)).toBe('read');
    expect(statusOf(second.id)).toBe('delivered');
    expect(read, 'rows re-rendered by a read receipt').toEqual([first.id]);
  });

  it('hovering another row re-renders only the row that gets the toolbar and the one that loses it', async () => {
    const { server, client } = await connect();
    const { rowRenders, renders, list } = await mountCountingList(client);
    const ids = server.messages('general').slice(-3).map((m) => m.id);
    await expect.poll(() => ids.every((id) => rowIn(list, id) !== null)).toBe(true);
    const mountedIds = () => [...(list?.querySelectorAll('[data-message-id]') ?? [])].map((row) => row.getAttribute('data-message-id')!);
    const toolbarRows = () =>
      [...(list?.querySelectorAll('.parley-message-actions') ?? [])].map((t) => t.closest('[data-message-id]')?.getAttribute('data-message-id'));

    await userEvent.hover(rowIn(list, ids[0]!)!.querySelector('.parley-bubble')!);
    await expect.poll(toolbarRows).toEqual([ids[0]]);
    await settle(renders);

    const before = new Map(rowRenders);
    await userEvent.hover(rowIn(list, ids[2]!)!.querySelector('.parley-bubble')!);
    await expect.poll(toolbarRows).toEqual([ids[2]]);
    await settle(renders);

    // The rows that gained and lost the toolbar rendered (so the counter works)…
    expect(rowRenders.get(ids[2]!)).toBeGreaterThan(before.get(ids[2]!) ?? 0);
    expect(rowRenders.get(ids[0]!)).toBeGreaterThan(before.get(ids[0]!) ?? 0);
    // …and no other row did, the one between them included.
    const rerendered = mountedIds().filter((id) => id !== ids[0] && id !== ids[2] && (rowRenders.get(id) ?? 0) > (before.get(id) ?? 0));
    expect(rerendered).toEqual([]);
  });
});
