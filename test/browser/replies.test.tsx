/**
 * Quoted replies in real Chromium, on the in-browser mock server: Reply from
 * the toolbar (pointer and keyboard) and the `r` key, the bar above the input
 * (Escape and its button cancel), the send carrying `replyTo` and its quote in
 * the new bubble, quotes of a deleted and of an unloaded original, the bar
 * and quote right to left in Arabic, and the quote (or a pin notice) jumping
 * to an original many pages back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { userEvent } from 'vitest/browser';
import type { ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { memoryClient } from './fixtures/memoryClient';
import { ar } from 'parley/locales/ar';
import { ChatProvider, MessageInput, MessageList, setReplyTarget, Thread, type Catalog } from 'parley';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const connect = (server: MockChatServer, userId: string): ChatClient => memoryClient(server, userId, cleanups);

/**
 * `launch` with `older` numbered messages, then bob's, carol's and alice's own; alice's
 * list and input side by side. `ids` are the last three.
 */
async function setup({ older = 0, onOpenThread, catalog }: { older?: number; onOpenThread?: (rootId: string) => void; catalog?: Catalog } = {}) {
  const server = createMockServer({ seed: 'demo' });
  cleanups.push(() => server.dispose());
  const start = Date.now() - (older + 10) * 60_000;
  server.addMessages('launch', [
    ...Array.from({ length: older }, (_, i) => ({ authorId: i % 2 ? 'dave' : 'frank', text: `Old message ${i + 1}`, createdAt: start + i * 60_000 })),
    { authorId: 'bob', text: 'Can we ship on Friday?\nThe build is green.', createdAt: start + older * 60_000 },
    { authorId: 'frank', text: 'I think so', createdAt: start + (older + 1) * 60_000 },
    { authorId: 'alice', text: 'Let me check', createdAt: start + (older + 2) * 60_000 },
  ]);
  const client = connect(server, 'alice');
  await client.connect();
  await render(
    <ChatProvider client={client} catalog={catalog}>
      <div dir={catalog?.dir} style={{ height: 560, width: 440, display: 'flex', flexDirection: 'column' }}>
        <MessageList conversationId="launch" style={{ flex: 1, minHeight: 0 }} onOpenThread={onOpenThread} />
        <MessageInput conversationId="launch" />
      </div>
    </ChatProvider>,
  );
  const ids = server.messages('launch').slice(-3).map((m) => m.id);
  await expect.poll(() => ids.every((id) => row(id) !== null)).toBe(true);
  return { server, client, ids };
}

const row = (id: string) => document.querySelector<HTMLElement>(`[data-message-id="${id}"]`);
const focused = () => document.activeElement as HTMLElement | null;
const field = () => document.querySelector<HTMLTextAreaElement>('.parley-message-input-field')!;
const bar = () => document.querySelector<HTMLElement>('.parley-reply-bar');
/** What the bar says (its cancel button apart). */
const barText = () => bar()?.querySelector('.parley-reply-bar-target')?.textContent;
const toolbarButton = (id: string, name: string) =>
  [...(row(id)?.querySelectorAll<HTMLButtonElement>('.parley-message-actions button') ?? [])].find((b) => b.textContent === name);
const quoteIn = (id: string) => row(id)?.querySelector<HTMLElement>('.parley-quote') ?? null;

/** Tab into the list and up to the row `steps` above the newest. */
async function focusRow(id: string, steps: number) {
  await userEvent.tab();
  for (let i = 0; i <= steps; i++) await userEvent.keyboard('{ArrowUp}');
  await expect.poll(() => focused()?.dataset.messageId).toBe(id);
}

describe('choosing a reply', () => {
  it('by the toolbar with the pointer: the bar names the author and the first line, and the field takes focus', async () => {
    const { ids } = await setup();
    await userEvent.hover(row(ids[0]!)!.querySelector('.parley-bubble')!);
    await expect.poll(() => toolbarButton(ids[0]!, 'Reply')).toBeDefined();
    // React first, then Reply; no "Reply in thread" without a handler.
    expect(toolbarButton(ids[0]!, 'Reply in thread')).toBeUndefined();
    await userEvent.click(toolbarButton(ids[0]!, 'Reply')!);
    await expect.poll(() => barText()).toBe('Replying to Bob Nguyen: Can we ship on Friday?');
    expect(bar()?.getAttribute('data-state')).toBe('text');
    await expect.poll(() => focused()).toBe(field());
    // The field is described by the bar, so focusing it says what is quoted.
    const target = bar()!.querySelector('.parley-reply-bar-target')!;
    expect(field().getAttribute('aria-describedby')?.split(' ')).toContain(target.id);
    // The cancel button has a name, and leaves focus in the field.
    const cancel = bar()!.querySelector<HTMLButtonElement>('button')!;
    expect(cancel.getAttribute('aria-label')).toBe('Cancel reply');
    await userEvent.click(cancel);
    await expect.poll(() => bar()).toBeNull();
    expect(focused()).toBe(field());
  });

  it('by the toolbar from the keyboard, and by `r` on a row; Escape cancels, and means nothing more without a reply', async () => {
    const { ids } = await setup();
    await focusRow(ids[1]!, 1);
    await userEvent.tab(); // React
    await userEvent.tab(); // Reply
    expect(focused()?.textContent).toBe('Reply');
    expect(focused()?.getAttribute('aria-keyshortcuts')).toBe('R');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => barText()).toBe('Replying to Frank Rossi: I think so');
    await expect.poll(() => focused()).toBe(field());

    const outer = vi.fn();
    document.addEventListener('keydown', outer);
    cleanups.push(() => document.removeEventListener('keydown', outer));
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => bar()).toBeNull();
    expect(focused()).toBe(field());
    // That Escape was the reply's; the next one goes on to the page.
    expect(outer).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
    expect(outer).toHaveBeenCalledTimes(1);
    expect(outer.mock.calls[0]![0].defaultPrevented).toBe(false);

    // `r` on a focused row: alice's own message, quoted as "You".
    row(ids[2]!)!.focus();
    await userEvent.keyboard('r');
    await expect.poll(() => barText()).toBe('Replying to You: Let me check');
    await expect.poll(() => focused()).toBe(field());
    // The `r` was not typed into the field.
    expect(field().value).toBe('');
    // Ctrl+R is not a reply (it stays the browser's).
    await userEvent.keyboard('{Escape}');
    row(ids[0]!)!.focus();
    await userEvent.keyboard('{Control>}r{/Control}');
    expect(bar()).toBeNull();
    expect(focused()?.dataset.messageId).toBe(ids[0]);
  });

  it('offers Reply in thread only with a handler, and calls it with the message id', async () => {
    const opened: string[] = [];
    const { ids } = await setup({ onOpenThread: (rootId) => opened.push(rootId) });
    await userEvent.hover(row(ids[0]!)!.querySelector('.parley-bubble')!);
    await expect.poll(() => toolbarButton(ids[0]!, 'Reply in thread')).toBeDefined();
    await userEvent.click(toolbarButton(ids[0]!, 'Reply in thread')!);
    expect(opened).toEqual([ids[0]]);
  });
});

describe('the reply per conversation', () => {
  it('stays with its conversation, and coming back to it shows the bar without taking focus', async () => {
    const { client, ids } = await setup();
    const screen = await render(
      <ChatProvider client={client}>
        <button type="button">Elsewhere</button>
        <MessageInput conversationId="general" />
      </ChatProvider>,
    );
    const inputs = () => [...document.querySelectorAll<HTMLElement>('.parley-message-input')];
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    await userEvent.click(elsewhere);
    setReplyTarget(client, 'launch', ids[1]!);
    // The launch input shows it and takes focus; general's input shows nothing.
    await expect.poll(() => focused()).toBe(inputs()[0]!.querySelector('textarea'));
    expect(inputs()[1]!.querySelector('.parley-reply-bar')).toBeNull();
    await userEvent.click(elsewhere);
    await screen.rerender(
      <ChatProvider client={client}>
        <button type="button">Elsewhere</button>
        <MessageInput conversationId="launch" />
      </ChatProvider>,
    );
    await expect.poll(() => inputs()[1]!.querySelector('.parley-reply-bar-target')?.textContent).toBe('Replying to Frank Rossi: I think so');
    expect(focused()).toBe(elsewhere.element());
  });
});

describe('sending a reply', () => {
  it('carries replyTo, clears the bar, and the new bubble quotes the original', async () => {
    const { server, ids } = await setup();
    await focusRow(ids[0]!, 2);
    await userEvent.keyboard('r');
    await expect.poll(() => focused()).toBe(field());
    await userEvent.keyboard('Friday works{Enter}');
    await expect.poll(() => server.messages('launch').at(-1)?.text).toBe('Friday works');
    const sent = server.messages('launch').at(-1)!;
    expect(sent.replyTo).toBe(ids[0]);
    expect(bar()).toBeNull();
    await expect.poll(() => quoteIn(sent.id)?.textContent).toBe('In reply to Bob Nguyen: Can we ship on Friday?');
    expect(quoteIn(sent.id)?.tagName).toBe('BUTTON');
    expect(quoteIn(sent.id)?.getAttribute('data-state')).toBe('text');
    // The author's name sits in its own isolate.
    expect(quoteIn(sent.id)?.querySelector('bdi')?.textContent).toBe('Bob Nguyen');
  });

  it('a quote of a message deleted since says so', async () => {
    const { server, ids } = await setup();
    const bob = connect(server, 'bob');
    await bob.connect();
    await bob.openConversation('launch');
    const reply = await bob.sendMessage('launch', { text: 'Answering my own question: yes', replyTo: ids[0]! });
    await expect.poll(() => quoteIn(reply.id)?.textContent).toBe('In reply to Bob Nguyen: Can we ship on Friday?');
    await bob.deleteMessage(ids[0]!);
    await expect.poll(() => quoteIn(reply.id)?.getAttribute('data-state')).toBe('deleted');
    expect(quoteIn(reply.id)?.textContent).toBe('In reply to Bob Nguyen: Deleted message');
  });
});

describe('in a thread', () => {
  it('Reply on a thread reply quotes it in the thread’s input, not the conversation’s, and the send stays in the thread', async () => {
    const server = createMockServer({ seed: 'demo' });
    cleanups.push(() => server.dispose());
    const root = server.postMessage('launch', { authorId: 'bob', text: 'Offsite venue?' });
    const bob = connect(server, 'bob');
    await bob.connect();
    const answer = await bob.sendMessage('launch', { text: 'The lake house\nor the city', parentId: root.id });
    const client = connect(server, 'alice');
    await client.connect();
    await render(
      <ChatProvider client={client}>
        <div style={{ display: 'flex', height: 560 }}>
          <div style={{ width: 360, display: 'flex', flexDirection: 'column' }}>
            <MessageList conversationId="launch" style={{ flex: 1, minHeight: 0 }} />
            <MessageInput conversationId="launch" />
          </div>
          <Thread rootId={root.id} conversationId="launch" style={{ width: 360 }} />
        </div>
      </ChatProvider>,
    );
    await expect.poll(() => row(answer.id)).not.toBeNull();
    const [mainInput, threadInput] = [...document.querySelectorAll<HTMLElement>('.parley-message-input')];
    const threadField = threadInput!.querySelector('textarea')!;
    row(answer.id)!.focus();
    await userEvent.keyboard('r');
    await expect.poll(() => threadInput!.querySelector('.parley-reply-bar-target')?.textContent).toBe('Replying to Bob Nguyen: The lake house');
    expect(mainInput!.querySelector('.parley-reply-bar')).toBeNull();
    await expect.poll(() => focused()).toBe(threadField);
    await userEvent.keyboard('The lake house, then{Enter}');
    await expect.poll(() => server.threadMessages(root.id).at(-1)?.text).toBe('The lake house, then');
    const sent = server.threadMessages(root.id).at(-1)!;
    expect(sent.replyTo).toBe(answer.id);
    // The quote finds its original among the thread's replies; no jump there, so no button.
    await expect.poll(() => quoteIn(sent.id)?.textContent).toBe('In reply to Bob Nguyen: The lake house');
    expect(quoteIn(sent.id)?.tagName).toBe('DIV');
  });
});

describe('right to left', () => {
  it('puts the bar and the quote on the right, names isolated, in Arabic', async () => {
    const { server, ids } = await setup({ catalog: ar });
    await focusRow(ids[0]!, 2);
    await userEvent.keyboard('r');
    await expect.poll(() => barText()).toBe('الرد على Bob Nguyen: Can we ship on Friday?');
    expect(bar()!.querySelector('.parley-reply-bar-title bdi')?.textContent).toBe('Bob Nguyen');
    expect(bar()!.querySelector('button')?.getAttribute('aria-label')).toBe('إلغاء الرد');
    // The bar's edge is on the inline start: the right.
    expect(getComputedStyle(bar()!).borderRightWidth).toBe('3px');
    expect(getComputedStyle(bar()!).borderLeftWidth).toBe('0px');
    await userEvent.keyboard('نعم{Enter}');
    await expect.poll(() => server.messages('launch').at(-1)?.text).toBe('نعم');
    const sent = server.messages('launch').at(-1)!;
    await expect.poll(() => quoteIn(sent.id)?.textContent).toBe('ردًا على Bob Nguyen: Can we ship on Friday?');
    const quote = quoteIn(sent.id)!;
    expect(getComputedStyle(quote).borderRightWidth).toBe('3px');
    // Inside its bubble, which in RTL sits at the left for one's own messages.
    const bubble = quote.closest('.parley-bubble')!.getBoundingClientRect();
    expect(quote.getBoundingClientRect().right).toBeLessThanOrEqual(bubble.right + 0.5);
    expect(quote.getBoundingClientRect().left).toBeGreaterThanOrEqual(bubble.left - 0.5);
  });
});

describe('jumping to the original', () => {
  it('from a quote of a message several pages back: says it is not loaded, loads history, highlights and focuses it', async () => {
    const { server, client } = await setup({ older: 300 });
    const original = server.messages('launch').find((m) => m.text === 'Old message 3')!;
    const bob = connect(server, 'bob');
    await bob.connect();
    await bob.openConversation('launch');
    const reply = await bob.sendMessage('launch', { text: 'About that old one', replyTo: original.id });
    await expect.poll(() => quoteIn(reply.id)?.getAttribute('data-state')).toBe('missing');
    expect(quoteIn(reply.id)?.textContent).toBe('In reply to Original message not loaded');
    expect(client.getMessages('launch').some((m) => m.id === original.id)).toBe(false);

    // Enter on the quote (a button in the row) jumps.
    quoteIn(reply.id)!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => row(original.id)?.getAttribute('data-highlighted'), { timeout: 10_000 }).toBe('true');
    expect(focused()).toBe(row(original.id));
    const box = row(original.id)!.getBoundingClientRect();
    const view = document.querySelector('.parley-message-list-scroller')!.getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(view.top - 1);
    expect(box.bottom).toBeLessThanOrEqual(view.bottom + 1);
    // Loaded now: the quote, far below and not rendered, would name it.
    expect(client.getMessages('launch').some((m) => m.id === original.id)).toBe(true);
  });

  it('from a pin notice: its button goes to the pinned message, as often as it is used', async () => {
    const { server, ids } = await setup({ older: 120 });
    const original = server.messages('launch').find((m) => m.text === 'Old message 2')!;
    const bob = connect(server, 'bob');
    await bob.connect();
    await bob.openConversation('launch');
    await bob.pinMessage(original.id);
    await expect.poll(() => server.messages('launch').at(-1)?.kind).toBe('system');
    const notice = server.messages('launch').at(-1)!;
    expect(notice.replyTo).toBe(original.id);
    await expect.poll(() => quoteIn(notice.id)?.tagName).toBe('BUTTON');
    expect(quoteIn(notice.id)?.getAttribute('data-kind')).toBe('system');
    expect(row(notice.id)?.textContent).toContain('pinned a message');
    await userEvent.click(quoteIn(notice.id)!);
    await expect.poll(() => row(original.id)?.getAttribute('data-highlighted'), { timeout: 10_000 }).toBe('true');
    await expect.poll(() => row(original.id)?.getAttribute('data-highlighted'), { timeout: 5_000 }).toBeNull();

    // Back at the bottom, the same notice jumps again to the same message.
    document.querySelector<HTMLElement>('.parley-message-list-scroller')!.scrollTop = 1e9;
    await expect.poll(() => quoteIn(notice.id)).not.toBeNull();
    await expect.poll(() => row(original.id)).toBeNull();
    await userEvent.click(quoteIn(notice.id)!);
    await expect.poll(() => row(original.id)?.getAttribute('data-highlighted'), { timeout: 10_000 }).toBe('true');
    expect(row(ids[0]!)).toBeNull();
  });
});
