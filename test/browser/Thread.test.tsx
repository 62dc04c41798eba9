/**
 * Threads in real Chromium: the summary under a root opens the thread beside
 * the conversation; replies in order; a reply sent optimistically, then
 * confirmed; "Also send to the conversation"; older replies paged in with
 * nothing in view moving; a deleted root still readable; a root that cannot
 * be loaded; Escape closes the thread and focus goes back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { memoryClient } from './fixtures/memoryClient';
import { Chat, ChatProvider, Thread } from 'parley';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
  await page.viewport(1280, 800);
});

async function connect(server: MockChatServer, userId: string): Promise<ChatClient> {
  const client = memoryClient(server, userId, cleanups);
  await client.connect();
  return client;
}

/** A group "Threads" with a root (by Bob unless told), and `replies` replies to it from Bob and Carol. */
async function seed(replies: number, rootAuthor = 'bob') {
  const server = createMockServer({ seed: 'demo' });
  cleanups.push(() => server.dispose());
  server.createConversation({ id: 'threads', kind: 'group', title: 'Threads', memberIds: ['alice', 'bob', 'carol'] });
  server.postMessage('threads', { authorId: 'carol', text: 'Morning, everyone' });
  const root = server.postMessage('threads', { authorId: rootAuthor, text: 'Where do we hold the offsite?' });
  server.postMessage('threads', { authorId: 'carol', text: 'Something else entirely' });
  const bob = await connect(server, 'bob');
  const carol = await connect(server, 'carol');
  const texts = Array.from({ length: replies }, (_, i) => `Reply number ${i + 1}${i % 5 === 0 ? ', a longer one that wraps onto a second line in a narrow pane' : ''}`);
  // In order: each waits for the one before, as people answering one another do.
  for (const [i, text] of texts.entries()) await (i % 2 ? carol : bob).sendMessage('threads', { text, parentId: root.id });
  const alice = await connect(server, 'alice');
  return { server, root, bob, carol, alice, texts };
}

async function renderChat(client: ChatClient, width = 1280) {
  await page.viewport(width, 800);
  return render(
    <ChatProvider client={client}>
      <div style={{ width: '100%', height: 700 }}>
        <Chat defaultSelectedId="threads" fileUpload={false} />
      </div>
    </ChatProvider>,
  );
}

const conversationFeed = () => page.getByRole('feed', { name: 'Messages in Threads' });
const threadFeed = () => page.getByRole('feed', { name: 'Replies to Bob Nguyen' });
const threadHeading = () => page.getByRole('heading', { name: 'Thread', exact: true });
const summary = (count: number) => page.getByRole('button', { name: new RegExp(`^${count} repl(y|ies)\\s+Last reply`) });
const replyBox = () => page.getByRole('textbox', { name: 'Reply in thread' });
const threadRows = () => [...document.querySelectorAll<HTMLElement>('.parley-thread [data-message-id]')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
const frames = (n = 3) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

describe('Thread', () => {
  it('opens from the summary under its root, beside the conversation, with the root and its replies in order', async () => {
    const { root, texts, alice } = await seed(3);
    await renderChat(alice);
    await expect.element(summary(3)).toBeVisible();
    // Bob's and Carol's faces: the newest repliers.
    const faces = summary(3).element().querySelectorAll('.parley-avatar');
    expect([...faces].map((f) => f.textContent).sort()).toEqual(['BN', 'CO']);

    await userEvent.click(summary(3));
    await expect.element(threadHeading()).toHaveFocus();
    await expect.element(threadFeed()).toBeVisible();
    expect(document.querySelector('.parley-chat')).toHaveAttribute('data-thread', 'beside');
    await expect.poll(() => threadRows().map((r) => r.textContent ?? '')).toHaveLength(4);
    const rows = threadRows();
    expect(rows[0]!.dataset.messageId).toBe(root.id);
    expect(rows[0]!.textContent).toContain('Where do we hold the offsite?');
    expect(rows[0]!.textContent).toContain('3 replies');
    texts.forEach((text, i) => expect(rows[i + 1]!.textContent).toContain(text));
    // The conversation stays on screen and interactive beside it; replies are not in it.
    await expect.element(conversationFeed()).toBeVisible();
    expect(conversationFeed().element().textContent).not.toContain('Reply number 1');
  });

  it('shows a reply at once as sending, then sent, and the root’s count follows', async () => {
    const { server, alice } = await seed(2);
    await renderChat(alice);
    await userEvent.click(summary(2));
    await expect.element(replyBox()).toBeVisible();
    server.setNetwork({ latencyMs: 300 });
    await userEvent.type(replyBox(), 'The lake house, if it is free{Enter}');
    const mine = threadFeed().getByRole('article').filter({ hasText: 'The lake house, if it is free' });
    await expect.element(mine).toHaveAttribute('data-status', 'sending');
    await expect.element(replyBox()).toHaveValue('');
    await expect.element(mine).toHaveAttribute('data-status', 'sent');
    await expect.element(summary(3)).toBeVisible();
    expect(threadRows().at(-1)!.textContent).toContain('The lake house');
  });

  it('with "Also send to the conversation" puts a copy in the conversation, for that reply only', async () => {
    const { alice } = await seed(1);
    await renderChat(alice);
    await userEvent.click(summary(1));
    const also = page.getByRole('checkbox', { name: 'Also send to the conversation' });
    await userEvent.click(also);
    await expect.element(also).toBeChecked();
    await userEvent.type(replyBox(), 'Everyone should see this{Enter}');
    await expect.element(conversationFeed().getByRole('article').filter({ hasText: 'Everyone should see this' })).toBeVisible();
    await expect.element(threadFeed().getByRole('article').filter({ hasText: 'Everyone should see this' })).toBeVisible();
    await expect.element(also).not.toBeChecked();
    await userEvent.type(replyBox(), 'Only in the thread{Enter}');
    await expect.element(threadFeed().getByRole('article').filter({ hasText: 'Only in the thread' })).toHaveAttribute('data-status', 'sent');
    expect(conversationFeed().element().textContent).not.toContain('Only in the thread');
  });

  it('pages older replies in as the reader scrolls up, keeping the reply in view exactly still', async () => {
    const { root, alice } = await seed(160);
    await page.viewport(1280, 800);
    await render(
      <ChatProvider client={alice}>
        <div style={{ width: 400, height: 500, display: 'flex' }}>
          <Thread rootId={root.id} conversationId="threads" />
        </div>
      </ChatProvider>,
    );
    const scroller = () => document.querySelector<HTMLElement>('.parley-thread .parley-message-list-scroller')!;
    // Opens at the newest reply, with one page loaded.
    await expect.poll(() => alice.getThreadMessages(root.id).length).toBe(50);
    await expect.poll(() => threadRows().at(-1)?.textContent ?? '').toContain('Reply number 160');
    const rowTop = (id: string) => {
      const row = document.querySelector<HTMLElement>(`.parley-thread [data-message-id="${id}"]`);
      return row ? row.getBoundingClientRect().top - scroller().getBoundingClientRect().top : null;
    };
    const oldestLoaded = alice.getThreadMessages(root.id)[0]!.id;
    scroller().scrollTop = 0;
    await frames();
    const top = rowTop(oldestLoaded);
    expect(top).not.toBeNull();
    await expect.poll(() => alice.getThreadMessages(root.id).length).toBeGreaterThan(50);
    const jumps: number[] = [];
    for (let i = 0; i < 20; i++) {
      await frames(1);
      jumps.push(Math.abs((rowTop(oldestLoaded) ?? Number.NaN) - top!));
    }
    expect(Math.max(...jumps)).toBeLessThanOrEqual(1);
    // Scrolling on up reaches the root, above the first reply, once every page is in.
    await expect
      .poll(async () => {
        scroller().scrollTop = 0;
        await frames(2);
        return alice.getThreadMessages(root.id).length;
      })
      .toBe(160);
    // The root came in above the first reply, as a page does; up there, it is the first row.
    await expect
      .poll(async () => {
        scroller().scrollTop = 0;
        await frames(2);
        return threadRows()[0]?.dataset.messageId;
      })
      .toBe(root.id);
    expect(threadRows()[1]!.textContent).toContain('Reply number 1,');
  });

  it('marks the summary while replies are unread, and reads them while the thread is open', async () => {
    // Alice's own message: she takes part in its thread, so its replies count as unread for her.
    const { root, carol, alice } = await seed(2, 'alice');
    await renderChat(alice);
    await expect.element(summary(2)).toHaveAttribute('data-unread', 'true');
    await expect.element(summary(2)).toHaveAccessibleName(/Unread replies$/);
    await userEvent.click(summary(2));
    await expect.element(page.getByRole('feed', { name: 'Replies to Alice Martin' })).toBeVisible();
    await expect.element(summary(2)).toHaveAttribute('data-unread', 'false');
    expect(alice.store.getState().conversations['threads']?.unreadThreads).toEqual({});
    // A reply while she has the thread open is read as it arrives.
    await carol.sendMessage('threads', { text: 'Seen live', parentId: root.id });
    await expect.element(page.getByRole('article').filter({ hasText: 'Seen live' })).toBeVisible();
    await expect.element(summary(3)).toHaveAttribute('data-unread', 'false');
    await expect.poll(() => alice.store.getState().conversations['threads']?.unreadThreads).toEqual({});
  });

  it('keeps a thread readable under its deleted root, and takes no new replies there', async () => {
    const { root, bob, alice } = await seed(2);
    await bob.deleteMessage(root.id);
    await renderChat(alice);
    await userEvent.click(summary(2));
    const rootRow = threadFeed().getByRole('article').first();
    await expect.element(rootRow.getByText('This message was deleted')).toBeVisible();
    await expect.element(threadFeed().getByRole('article').filter({ hasText: 'Reply number 2' })).toBeVisible();
    await expect.element(page.getByText('The message was deleted. Its thread can be read but takes no new replies.')).toBeVisible();
    expect(replyBox().query()).toBeNull();
  });

  it('says so when the root cannot be loaded, with a retry', async () => {
    const { alice } = await seed(0);
    await render(
      <ChatProvider client={alice}>
        <div style={{ width: 400, height: 500, display: 'flex' }}>
          <Thread rootId="no-such-message" conversationId="threads" />
        </div>
      </ChatProvider>,
    );
    await expect.element(page.getByText('Could not load this thread')).toBeVisible();
    const retry = page.getByRole('button', { name: 'Try again' });
    await userEvent.click(retry);
    await expect.element(page.getByText('Could not load this thread')).toBeVisible();
    expect(document.querySelector('.parley-thread')).toHaveAttribute('data-root', 'missing');
  });

  it('opens and closes by keyboard: Enter on the summary, Escape back to it', async () => {
    const { alice } = await seed(2);
    await renderChat(alice);
    await expect.element(summary(2)).toBeVisible();
    summary(2).element().closest<HTMLElement>('[role="article"]')!.focus();
    await userEvent.keyboard('{Tab}');
    await expect.element(summary(2)).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(threadHeading()).toHaveFocus();
    // Escape from inside the thread, e.g. its input, closes it.
    await userEvent.click(replyBox());
    await userEvent.keyboard('{Escape}');
    await expect.element(threadHeading()).not.toBeInTheDocument();
    await expect.element(summary(2)).toHaveFocus();
    expect(document.querySelector('.parley-chat')).not.toHaveAttribute('data-thread');
  });

  it('goes over the conversation when narrow, which is inert until the thread closes', async () => {
    const { alice } = await seed(1);
    await renderChat(alice, 420);
    // One pane: the list first, then the conversation.
    await userEvent.click(page.getByRole('option', { name: /^Threads/ }));
    await userEvent.click(summary(1));
    await expect.element(threadHeading()).toHaveFocus();
    expect(document.querySelector('.parley-chat')).toHaveAttribute('data-thread', 'over');
    const pane = document.querySelector<HTMLElement>('.parley-chat-conversation-pane')!;
    expect(pane.inert).toBe(true);
    await userEvent.click(page.getByRole('button', { name: 'Close thread' }));
    await expect.element(threadHeading()).not.toBeInTheDocument();
    expect(pane.inert).toBe(false);
    await expect.element(summary(1)).toHaveFocus();
  });
});
