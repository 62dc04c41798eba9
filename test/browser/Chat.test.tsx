/**
 * The Chat composite in real Chromium: two panes when it is wide, one at a time when it
 * is narrow (by its own width, not the window's), focus across pane switches, the
 * message list still pinned to the newest message, and a message sent end to end.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { useState } from 'react';
import type { ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { memoryClient } from './fixtures/memoryClient';
import { Chat, ChatProvider, type ChatProps } from 'parley';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
  await page.viewport(1024, 768);
});

async function connect(server: MockChatServer, userId: string): Promise<ChatClient> {
  const client = memoryClient(server, userId, cleanups);
  await client.connect();
  return client;
}

/** A Chat in a box of the given width; `setWidth` resizes the box, as a host's sidebar would. */
async function setup({ width, ...props }: ChatProps & { width: number | string }) {
  const server = createMockServer({ seed: 'demo' });
  cleanups.push(() => server.dispose());
  const alice = await connect(server, 'alice');
  let setWidth: (width: number | string) => void = () => {};
  function Host() {
    const [boxWidth, set] = useState(width);
    setWidth = set;
    return (
      <div style={{ width: boxWidth, height: 600 }}>
        <Chat {...props} />
      </div>
    );
  }
  const screen = await render(
    <ChatProvider client={alice}>
      <Host />
    </ChatProvider>,
  );
  const root = () => document.querySelector<HTMLElement>('.parley-chat')!;
  return { server, alice, screen, root, resize: (w: number | string) => setWidth(w) };
}

const list = () => page.getByRole('listbox', { name: 'Conversations' });
const option = (name: RegExp) => page.getByRole('option', { name });
const input = () => page.getByRole('textbox', { name: /message/i });
const back = () => page.getByRole('button', { name: 'Back to conversations' });
const count = (locator: { elements(): Element[] }) => locator.elements().length;

/** True when the newest message of the conversation is inside the message list's viewport. */
function newestVisible(server: MockChatServer, conversationId: string): boolean {
  const scroller = document.querySelector<HTMLElement>('.parley-message-list-scroller');
  const newest = server.messages(conversationId).at(-1);
  const row = newest && document.querySelector<HTMLElement>(`[data-message-id="${newest.id}"]`);
  if (!scroller || !row) return false;
  const view = scroller.getBoundingClientRect();
  const box = row.getBoundingClientRect();
  return box.bottom > view.top && box.top < view.bottom;
}

describe('Chat', () => {
  it('at 1280 px shows the list and the open conversation side by side', async () => {
    await page.viewport(1280, 800);
    const { root } = await setup({ width: '100%', defaultSelectedId: 'general' });
    await expect.element(list()).toBeVisible();
    await expect.element(page.getByRole('heading', { level: 2, name: 'General' })).toBeVisible();
    await expect.element(input()).toBeVisible();
    expect(root()).toHaveAttribute('data-layout', 'split');
    expect(count(back())).toBe(0);
    const listBox = list().element().getBoundingClientRect();
    const inputBox = input().element().getBoundingClientRect();
    expect(inputBox.left).toBeGreaterThan(listBox.right - 1);
  });

  it('at 1280 px, choosing a conversation opens it beside the list and keeps focus in the list', async () => {
    await page.viewport(1280, 800);
    const onSelect = vi.fn();
    await setup({ width: '100%', onSelect });
    await expect.element(page.getByText('Choose a conversation')).toBeVisible();
    await userEvent.click(option(/^Bob Nguyen/));
    await expect.element(page.getByRole('heading', { name: 'Bob Nguyen' })).toBeVisible();
    expect(onSelect).toHaveBeenCalledWith('alice-bob');
    await expect.element(option(/^Bob Nguyen/)).toHaveFocus();
    await expect.element(list()).toBeVisible();
  });

  it('at 360 px shows one pane: the list, then the conversation with Back, then the list with focus on it', async () => {
    await page.viewport(360, 640);
    const { root, server } = await setup({ width: '100%' });
    await expect.element(list()).toBeVisible();
    expect(root()).toHaveAttribute('data-layout', 'single');
    expect(count(input())).toBe(0);

    await userEvent.click(option(/^Bob Nguyen/));
    await expect.element(page.getByRole('heading', { name: 'Bob Nguyen' })).toHaveFocus();
    expect(count(list())).toBe(0);
    await expect.poll(() => newestVisible(server, 'alice-bob')).toBe(true);
    await expect.element(back()).toBeVisible();
    // The pane fits the narrow screen: nothing sticks out sideways.
    expect(root().scrollWidth).toBeLessThanOrEqual(root().clientWidth);

    await userEvent.click(back());
    await expect.element(option(/^Bob Nguyen/)).toHaveFocus();
    await expect.element(option(/^Bob Nguyen/)).toHaveAttribute('aria-selected', 'true');
    expect(count(input())).toBe(0);
    expect(count(back())).toBe(0);
  });

  it('at 360 px works from the keyboard alone', async () => {
    await page.viewport(360, 640);
    await setup({ width: '100%' });
    await expect.element(list()).toBeVisible();
    await userEvent.tab();
    await expect.element(page.getByRole('option').first()).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    const chosen = document.activeElement as HTMLElement;
    const chosenId = chosen.dataset.conversationId!;
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('heading', { level: 2 })).toHaveFocus();
    // Back is the control before the title.
    await userEvent.tab({ shift: true });
    await expect.element(back()).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => (document.activeElement as HTMLElement | null)?.dataset.conversationId).toBe(chosenId);
  });

  it('uses its own width: embedded in a 360 px sidebar of a wide page it shows one pane', async () => {
    await page.viewport(1280, 800);
    const { root } = await setup({ width: 360, defaultSelectedId: 'general' });
    await expect.element(list()).toBeVisible();
    expect(root()).toHaveAttribute('data-layout', 'single');
    expect(count(input())).toBe(0);
  });

  it('keeps the conversation, focus and the newest message in view when the Chat narrows and widens', async () => {
    await page.viewport(1280, 800);
    const { root, resize, server } = await setup({ width: 1000, defaultSelectedId: 'general' });
    await userEvent.click(input());
    await userEvent.keyboard('half a thought');
    await expect.poll(() => newestVisible(server, 'general')).toBe(true);

    resize(360);
    await expect.poll(() => root().dataset.layout).toBe('single');
    expect(count(list())).toBe(0);
    await expect.element(back()).toBeVisible();
    await expect.element(input()).toHaveFocus();
    await expect.element(input()).toHaveValue('half a thought');
    await expect.poll(() => newestVisible(server, 'general')).toBe(true);

    server.postMessage('general', { authorId: 'bob', text: 'A reply that arrives in the narrow pane' });
    await expect.element(page.getByRole('article').filter({ hasText: 'A reply that arrives in the narrow pane' })).toBeVisible();
    await expect.poll(() => newestVisible(server, 'general')).toBe(true);

    resize(1000);
    await expect.poll(() => root().dataset.layout).toBe('split');
    await expect.element(list()).toBeVisible();
    expect(count(back())).toBe(0);
    await expect.element(input()).toHaveFocus();
  });

  it('opens a conversation again at its newest message after going back to the list', async () => {
    await page.viewport(360, 640);
    const { server } = await setup({ width: '100%' });
    await userEvent.click(option(/^General/));
    await expect.poll(() => newestVisible(server, 'general')).toBe(true);
    await userEvent.click(back());
    server.postMessage('general', { authorId: 'carol', text: 'Posted while Alice was on the list' });
    await expect.element(option(/^General/)).toHaveTextContent(/Posted while Alice was on the list/);
    await userEvent.click(option(/^General/));
    await expect.element(page.getByRole('article').filter({ hasText: 'Posted while Alice was on the list' })).toBeVisible();
    await expect.poll(() => newestVisible(server, 'general')).toBe(true);
  });

  it('sends a message end to end, and another member gets it', async () => {
    await page.viewport(360, 640);
    const { server } = await setup({ width: '100%' });
    const bob = await connect(server, 'bob');
    await userEvent.click(option(/^Bob Nguyen/));
    await userEvent.click(input());
    await userEvent.keyboard('Sent from the one-line Chat{Enter}');
    const row = page.getByRole('article').filter({ hasText: 'Sent from the one-line Chat' });
    await expect.element(row).toBeVisible();
    await expect.poll(() => row.element().closest('[data-status]')?.getAttribute('data-status')).toMatch(/^(sent|delivered|read)$/);
    await expect.poll(() => server.messages('alice-bob').filter((m) => m.text === 'Sent from the one-line Chat').length).toBe(1);
    await expect.poll(() => bob.getMessages('alice-bob').some((m) => m.text === 'Sent from the one-line Chat')).toBe(true);
    await expect.element(input()).toHaveValue('');
  });

  it.each([
    [1280, 'split'],
    [360, 'single'],
  ])('at %i px follows a controlled selection the host changes', async (width, layout) => {
    await page.viewport(width, 800);
    function Controlled() {
      const [selected, setSelected] = useState('general');
      return (
        <>
          <button type="button" onClick={() => setSelected('launch')}>
            Open launch
          </button>
          <div style={{ height: 600 }}>
            <Chat selectedId={selected} onSelect={setSelected} />
          </div>
        </>
      );
    }
    const server = createMockServer({ seed: 'demo' });
    cleanups.push(() => server.dispose());
    const alice = await connect(server, 'alice');
    await render(
      <ChatProvider client={alice}>
        <Controlled />
      </ChatProvider>,
    );
    await expect.poll(() => document.querySelector('.parley-chat')?.getAttribute('data-layout')).toBe(layout);
    // One pane starts on the list even with a conversation selected; two show it at once.
    expect(count(page.getByRole('heading', { name: 'General' }))).toBe(layout === 'split' ? 1 : 0);
    await userEvent.click(page.getByRole('button', { name: 'Open launch' }));
    await expect.element(page.getByRole('heading', { name: 'Launch 🚀' })).toBeVisible();
    if (layout === 'split') await expect.element(option(/^Launch/)).toHaveAttribute('aria-selected', 'true');
    else await expect.element(back()).toBeVisible();
  });
});
