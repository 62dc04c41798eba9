/**
 * Reactions and message actions in real Chromium: toggling a reaction, the
 * React menu by keyboard, editing (Enter saves, Escape cancels), delete with
 * confirmation, and the toolbar existing for one row at a time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { userEvent } from 'vitest/browser';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { ChatProvider, MessageList } from 'parley';
import type { ChatError } from '../../src/core/errors';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** Five new messages at the end of `launch`, the newest alice's own. */
async function setup(): Promise<{ server: MockChatServer; client: ChatClient; errors: ChatError[]; ids: string[] }> {
  const server = createMockServer({ seed: 'demo' });
  const start = Date.now() - 10 * 60_000;
  server.addMessages(
    'launch',
    ['bob', 'carol', 'alice', 'bob', 'alice'].map((authorId, i) => ({ authorId, text: `Message ${i + 1}`, createdAt: start + i * 60_000 })),
  );
  const client = createChatClient({
    transport: server.connect({ userId: 'alice', token: 'alice-token' }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
    requestTimeoutMs: 400,
  });
  const errors: ChatError[] = [];
  client.on('error', (e) => errors.push(e));
  await client.connect();
  await render(
    <ChatProvider client={client}>
      <p data-testid="outside">Outside the list</p>
      <div style={{ height: 500, width: 420, display: 'flex' }}>
        <MessageList conversationId="launch" style={{ flex: 1 }} />
      </div>
    </ChatProvider>,
  );
  cleanups.push(() => {
    client.disconnect();
    server.dispose();
  });
  const ids = server.messages('launch').slice(-5).map((m) => m.id);
  await expect.poll(() => ids.every((id) => document.querySelector(`[data-message-id="${id}"]`) !== null)).toBe(true);
  return { server, client, errors, ids };
}

const row = (id: string) => document.querySelector<HTMLElement>(`[data-message-id="${id}"]`)!;
const focused = () => document.activeElement as HTMLElement | null;
const toolbars = () => [...document.querySelectorAll<HTMLElement>('.parley-message-actions')];
const serverMessage = (server: MockChatServer, id: string) => server.messages('launch').find((m) => m.id === id)!;

/** Tab along the focused row's toolbar to the button `name` (other buttons come and go with features). */
async function tabTo(name: string) {
  for (let i = 0; i < 12 && focused()?.textContent !== name; i++) await userEvent.tab();
  expect(focused()?.textContent).toBe(name);
}

/** Tab into the list and focus the newest row (alice's own message). */
async function focusNewestRow(id: string) {
  await userEvent.tab();
  await userEvent.keyboard('{ArrowUp}');
  await expect.poll(() => focused()?.dataset.messageId).toBe(id);
}

describe('reactions', () => {
  it('shows a chip per emoji and toggles the current user’s reaction by click and by keyboard', async () => {
    const { server, ids } = await setup();
    const id = ids[3]!; // bob's
    expect(row(id).querySelector('.parley-reactions')).toBeNull();
    // Bob reacts: the chip appears, not pressed for alice.
    const bob = createChatClient({ transport: server.connect({ userId: 'bob', token: 'bob-token' }), userId: 'bob', outbox: createMemoryOutbox() });
    await bob.connect();
    await bob.openConversation('launch');
    cleanups.push(() => bob.disconnect());
    await bob.addReaction(id, '👍');
    await expect.poll(() => row(id).querySelector('.parley-reaction')?.getAttribute('aria-label')).toBe('👍 1, react with 👍');
    const chip = () => row(id).querySelector<HTMLButtonElement>('.parley-reaction')!;
    expect(chip().getAttribute('aria-pressed')).toBe('false');

    await userEvent.click(chip());
    await expect.poll(() => serverMessage(server, id).reactions?.['👍']).toEqual(['bob', 'alice']);
    await expect.poll(() => chip().getAttribute('aria-label')).toBe('👍 2, you reacted');
    expect(chip().getAttribute('aria-pressed')).toBe('true');

    chip().focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => serverMessage(server, id).reactions?.['👍']).toEqual(['bob']);
    await expect.poll(() => chip().getAttribute('aria-pressed')).toBe('false');
    chip().focus();
    await userEvent.keyboard(' ');
    await expect.poll(() => serverMessage(server, id).reactions?.['👍']).toEqual(['bob', 'alice']);
  });

  it('reports a failed toggle through the client’s error event, without throwing', async () => {
    const { server, errors, ids } = await setup();
    const id = ids[4]!;
    await focusNewestRow(id);
    server.setOnline('alice', false);
    await userEvent.tab(); // React
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => focused()?.getAttribute('role')).toBe('menuitemcheckbox');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    expect(serverMessage(server, id).reactions ?? {}).toEqual({});
  });
});

describe('the React menu', () => {
  it('opens from the keyboard, moves with arrows, closes on Escape returning focus, and reacts', async () => {
    const { server, ids } = await setup();
    const id = ids[4]!;
    await focusNewestRow(id);
    await userEvent.tab();
    expect(focused()?.textContent).toBe('React');
    expect(focused()?.getAttribute('aria-expanded')).toBe('false');
    await userEvent.keyboard('{Enter}');
    const menu = () => document.querySelector<HTMLElement>('[role="menu"]');
    await expect.poll(() => focused()?.getAttribute('aria-label')).toBe('React with 👍');
    expect(menu()?.querySelectorAll('[role="menuitemcheckbox"]').length).toBe(6);
    await userEvent.keyboard('{ArrowRight}');
    expect(focused()?.getAttribute('aria-label')).toBe('React with ❤️');
    await userEvent.keyboard('{End}');
    expect(focused()?.getAttribute('aria-label')).toBe('React with 😢');
    await userEvent.keyboard('{ArrowRight}');
    expect(focused()?.getAttribute('aria-label')).toBe('React with 👍');
    await userEvent.keyboard('{Escape}');
    expect(menu()).toBeNull();
    await expect.poll(() => focused()?.textContent).toBe('React');
    // Escape closed only the menu: focus is still in the row's toolbar.
    expect(focused()?.closest('[data-message-id]')?.getAttribute('data-message-id')).toBe(id);

    await userEvent.keyboard('{Enter}');
    await expect.poll(() => focused()?.getAttribute('aria-label')).toBe('React with 👍');
    await userEvent.keyboard('{ArrowLeft}'); // wraps to the last
    await userEvent.keyboard('{ArrowLeft}');
    expect(focused()?.getAttribute('aria-label')).toBe('React with 😮');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => serverMessage(server, id).reactions).toEqual({ '😮': ['alice'] });
    expect(menu()).toBeNull();
    await expect.poll(() => focused()?.textContent).toBe('React');
    await expect.poll(() => row(id).querySelector('.parley-reaction[aria-pressed="true"]')?.textContent).toBe('😮 1');
  });
});

describe('editing', () => {
  it('Enter saves, Shift+Enter is a new line, Escape cancels; focus returns to the row', async () => {
    const { server, ids } = await setup();
    const id = ids[4]!;
    await focusNewestRow(id);
    await tabTo('Edit');
    await userEvent.keyboard('{Enter}');
    const field = () => row(id).querySelector<HTMLTextAreaElement>('textarea');
    await expect.poll(() => focused()).toBe(field());
    expect(field()!.value).toBe('Message 5');
    expect(field()!.getAttribute('aria-label')).toBe('Edit message');

    await userEvent.keyboard(' changed{Shift>}{Enter}{/Shift}second line');
    expect(field()!.value).toBe('Message 5 changed\nsecond line');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => serverMessage(server, id).text).toBe('Message 5 changed\nsecond line');
    expect(serverMessage(server, id).editedAt).toBeTypeOf('number');
    await expect.poll(() => field()).toBeNull();
    expect(focused()).toBe(row(id));
    await expect.poll(() => row(id).querySelector('.parley-message-text')?.textContent).toBe('Message 5 changed\nsecond line');
    expect(row(id).querySelector('.parley-message-edited')).not.toBeNull();

    // Again, then Escape: nothing is sent, the text is back, focus on the row.
    await tabTo('Edit');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => focused()).toBe(field());
    await userEvent.keyboard(' discarded');
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => field()).toBeNull();
    expect(focused()).toBe(row(id));
    expect(serverMessage(server, id).text).toBe('Message 5 changed\nsecond line');
    expect(row(id).querySelector('.parley-message-text')?.textContent).toBe('Message 5 changed\nsecond line');
  });

  it('does not save an empty text, and keeps the edited text when saving fails', async () => {
    const { server, errors, ids } = await setup();
    const id = ids[4]!;
    await focusNewestRow(id);
    await tabTo('Edit');
    await userEvent.keyboard('{Enter}');
    const field = () => row(id).querySelector<HTMLTextAreaElement>('textarea');
    await expect.poll(() => focused()).toBe(field());
    await userEvent.clear(field()!);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => row(id).querySelector('[role="alert"]')?.textContent).toBe('A message cannot be empty');
    expect(field()!.getAttribute('aria-invalid')).toBe('true');
    expect(serverMessage(server, id).text).toBe('Message 5');

    server.setOnline('alice', false);
    await userEvent.type(field()!, 'Offline edit');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => row(id).querySelector('[role="alert"]')?.textContent, { timeout: 10_000 }).toBe('The change could not be saved');
    expect(field()!.value).toBe('Offline edit');
    expect(errors.length).toBeGreaterThan(0);
    expect(serverMessage(server, id).text).toBe('Message 5');
  });
});

describe('editing with the mouse', () => {
  it('Save and Cancel buttons work and hand focus back to the row', async () => {
    const { server, ids } = await setup();
    const id = ids[4]!;
    const field = () => row(id).querySelector<HTMLTextAreaElement>('textarea');
    const button = (name: string) => [...row(id).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === name)!;
    await userEvent.hover(row(id).querySelector('.parley-bubble')!);
    await expect.poll(() => row(id).querySelector('.parley-message-actions')).not.toBeNull();
    await userEvent.click(button('Edit'));
    await expect.poll(() => focused()).toBe(field());
    await userEvent.keyboard(' (not kept)');
    await userEvent.click(button('Cancel'));
    await expect.poll(() => field()).toBeNull();
    expect(focused()).toBe(row(id));
    expect(serverMessage(server, id).text).toBe('Message 5');

    await userEvent.click(button('Edit'));
    await expect.poll(() => focused()).toBe(field());
    // The draft from before was discarded with Cancel.
    expect(field()!.value).toBe('Message 5');
    await userEvent.keyboard(' (kept)');
    await userEvent.click(button('Save'));
    await expect.poll(() => serverMessage(server, id).text).toBe('Message 5 (kept)');
    await expect.poll(() => field()).toBeNull();
    expect(focused()).toBe(row(id));
  });
});

describe('deleting', () => {
  it('asks for confirmation; No / Escape keep the message, Yes leaves a tombstone', async () => {
    const { server, ids } = await setup();
    const id = ids[4]!;
    await focusNewestRow(id);
    await tabTo('Delete');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => focused()?.textContent).toBe('No');
    const question = row(id).querySelector('.parley-message-actions-question')!;
    expect(question.textContent).toBe('Delete this message?');
    expect(focused()?.getAttribute('aria-describedby')).toBe(question.id);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => focused()?.textContent).toBe('Delete');
    expect(serverMessage(server, id).deletedAt).toBeUndefined();

    await userEvent.keyboard('{Enter}');
    await expect.poll(() => focused()?.textContent).toBe('No');
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(focused()?.textContent).toBe('Yes');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => serverMessage(server, id).deletedAt).toBeTypeOf('number');
    await expect.poll(() => row(id).querySelector('[data-deleted="true"]')).not.toBeNull();
    expect(row(id).textContent).toContain('This message was deleted');
    // No actions on a tombstone, and focus stayed on the row.
    expect(row(id).querySelector('.parley-message-actions')).toBeNull();
    expect(focused()).toBe(row(id));
  });
});

describe('the toolbar', () => {
  it('exists for one row only: the hovered or focused one, Edit/Delete only on own messages', async () => {
    const { ids } = await setup();
    expect(toolbars()).toHaveLength(0);
    await userEvent.hover(row(ids[0]!).querySelector('.parley-bubble')!);
    await expect.poll(() => toolbars().map((t) => t.closest('[data-message-id]')?.getAttribute('data-message-id'))).toEqual([ids[0]]);
    const names = () => [...toolbars()[0]!.querySelectorAll('button')].map((b) => b.textContent);
    expect(names()[0]).toBe('React');
    expect(names()).not.toContain('Edit');
    expect(names()).not.toContain('Delete');
    await userEvent.hover(row(ids[2]!).querySelector('.parley-bubble')!);
    await expect.poll(() => toolbars().map((t) => t.closest('[data-message-id]')?.getAttribute('data-message-id'))).toEqual([ids[2]]);
    expect(names()[0]).toBe('React');
    expect(names().slice(-2)).toEqual(['Edit', 'Delete']);
    await userEvent.hover(document.querySelector('[data-testid="outside"]')!);
    await expect.poll(() => toolbars()).toHaveLength(0);

    // Keyboard: the focused row has it, and arrow keys move it with the focus.
    await focusNewestRow(ids[4]!);
    expect(toolbars().map((t) => t.closest('[data-message-id]')?.getAttribute('data-message-id'))).toEqual([ids[4]]);
    await userEvent.keyboard('{ArrowUp}');
    await expect.poll(() => focused()?.dataset.messageId).toBe(ids[3]);
    await expect.poll(() => toolbars().map((t) => t.closest('[data-message-id]')?.getAttribute('data-message-id'))).toEqual([ids[3]]);
    // Tab reaches the toolbar of the focused row; the list is still one tab stop.
    await userEvent.tab();
    expect(focused()?.closest('[data-message-id]')?.getAttribute('data-message-id')).toBe(ids[3]);
    expect(document.querySelectorAll('.parley-message-list [tabindex="0"]').length).toBe(1);
  });
});
