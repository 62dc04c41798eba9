/**
 * Pinned messages in real Chromium, in the Chat: Pin and Unpin in the message
 * toolbar, the bar above the messages and the server's notices, a refused
 * unpin said to the user, the bar's jump to a pin far back in history, stepping
 * through pins and their list by keyboard, and pins kept right across reconnects.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { userEvent } from 'vitest/browser';
import { LIMITS, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { memoryClient } from './fixtures/memoryClient';
import { Chat, ChatProvider } from 'parley';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const connect = (server: MockChatServer, userId: string): ChatClient => memoryClient(server, userId, cleanups, { requestTimeoutMs: 400 });

/**
 * Alice's Chat on `launch` (members dave, the admin, alice, bob, frank) with
 * `older` plain messages and then five new ones; bob connected beside her.
 */
async function setup(older = 0): Promise<{ server: MockChatServer; alice: ChatClient; bob: ChatClient; ids: string[]; first: string }> {
  const server = createMockServer({ seed: 'demo' });
  cleanups.push(() => server.dispose());
  const start = Date.now() - (older + 10) * 60_000;
  const { firstSeq } = server.addMessages('launch', [
    ...Array.from({ length: older }, (_, i) => ({ authorId: 'dave', text: `Old news ${i + 1}\nsecond line`, createdAt: start + i * 60_000 })),
    ...['bob', 'dave', 'alice', 'bob', 'alice'].map((authorId, i) => ({ authorId, text: `Message ${i + 1}`, createdAt: start + (older + i) * 60_000 })),
  ]);
  const alice = connect(server, 'alice');
  const bob = connect(server, 'bob');
  await Promise.all([alice.connect(), bob.connect()]);
  await render(
    <ChatProvider client={alice}>
      <div style={{ height: 600, width: 900 }}>
        <Chat defaultSelectedId="launch" fileUpload={false} />
      </div>
    </ChatProvider>,
  );
  const ids = server.messages('launch').slice(-5).map((m) => m.id);
  const first = server.messages('launch').find((m) => m.seq === firstSeq)!.id;
  await expect.poll(() => ids.every((id) => row(id) !== null)).toBe(true);
  return { server, alice, bob, ids, first };
}

const row = (id: string) => document.querySelector<HTMLElement>(`[data-message-id="${id}"]`);
const bar = () => document.querySelector<HTMLElement>('.parley-pinned');
const barText = () => bar()?.querySelector('.parley-pinned-current')?.textContent ?? null;
const focused = () => document.activeElement as HTMLElement | null;
const toolbarButton = (id: string, name: string) =>
  [...(row(id)?.querySelectorAll<HTMLButtonElement>('.parley-message-actions button') ?? [])].find((b) => b.textContent === name);
const notices = () => [...document.querySelectorAll('.parley-message[data-kind="system"]')].map((n) => n.querySelector('.parley-message-text')?.textContent);

async function hover(id: string) {
  await userEvent.hover(row(id)!.querySelector('.parley-bubble')!);
}

describe('pinning from the toolbar', () => {
  it('Pin shows the bar and the notice; Unpin takes the bar away', async () => {
    const { server, ids } = await setup();
    const id = ids[3]!; // bob's "Message 4"
    expect(bar()).toBeNull();
    await hover(id);
    await expect.poll(() => toolbarButton(id, 'Pin')).toBeDefined();
    await userEvent.click(toolbarButton(id, 'Pin')!);

    await expect.poll(barText).toBe('Pinned 1 of 1Bob Nguyen: Message 4');
    expect(bar()?.getAttribute('aria-label')).toBe('Pinned messages');
    expect(server.conversation('launch')?.pinnedIds).toEqual([id]);
    // The server's notice, drawn as a notice: no avatar, no author line, no toolbar of its own.
    await expect.poll(notices).toContain('Alice Martin pinned a message');
    const lastNotice = () => [...document.querySelectorAll<HTMLElement>('.parley-message[data-kind="system"]')].at(-1)!;
    expect(lastNotice().querySelector('.parley-message-avatar, .parley-message-author')).toBeNull();
    // The pointer onto the notice, as the list sees it (a pointer move there), without waiting on
    // an element the list may re-render meanwhile.
    const box = lastNotice().getBoundingClientRect();
    lastNotice().dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: box.x + 5, clientY: box.y + box.height / 2 }));
    // The hovered row is the one with the toolbar: the notice's shows none, so none is left.
    await expect.poll(() => document.querySelectorAll('.parley-message-actions').length).toBe(0);

    await hover(id);
    await expect.poll(() => toolbarButton(id, 'Unpin')).toBeDefined();
    await userEvent.click(toolbarButton(id, 'Unpin')!);
    await expect.poll(bar).toBeNull();
    await expect.poll(notices).toContain('Alice Martin unpinned a message');
    expect(server.conversation('launch')?.pinnedIds).toEqual([]);
  });

  it('says why an unpin was refused: only the pinner, the author or an admin may', async () => {
    const { server, bob, ids } = await setup();
    const id = ids[1]!; // dave's, pinned by bob: alice is neither
    await bob.openConversation('launch');
    await bob.pinMessage(id);
    await expect.poll(barText).toBe('Pinned 1 of 1Dave Kowalski: Message 2');

    await hover(id);
    await expect.poll(() => toolbarButton(id, 'Unpin')).toBeDefined();
    await userEvent.click(toolbarButton(id, 'Unpin')!);
    const alert = () => row(id)?.querySelector('.parley-message-actions [role="alert"]')?.textContent;
    await expect.poll(alert).toBe('Only who pinned it, its author or an admin can unpin this message');
    expect(server.conversation('launch')?.pinnedIds).toEqual([id]);
    expect(barText()).toBe('Pinned 1 of 1Dave Kowalski: Message 2');
  });

  it('says so when the conversation holds as many pins as it may', async () => {
    const { server, bob } = await setup(LIMITS.maxPins);
    const older = server.messages('launch').filter((m) => m.text.startsWith('Old news'));
    for (const m of older) await bob.pinMessage(m.id);
    await expect.poll(barText).toBe(`Pinned 1 of ${LIMITS.maxPins}Dave Kowalski: Old news ${LIMITS.maxPins}`);

    // A message after the pins' notices, so it is in view.
    const { id } = server.postMessage('launch', { authorId: 'bob', text: 'One more to pin' });
    await expect.poll(() => row(id)).not.toBeNull();
    await hover(id);
    await expect.poll(() => toolbarButton(id, 'Pin')).toBeDefined();
    await userEvent.click(toolbarButton(id, 'Pin')!);
    const alert = () => row(id)?.querySelector('.parley-message-actions [role="alert"]')?.textContent;
    await expect.poll(alert).toBe('Too many pinned messages here. Unpin one first.');
    expect(server.conversation('launch')?.pinnedIds).not.toContain(id);
    expect(toolbarButton(id, 'Pin')).toBeDefined();
  }, 30_000); // fifty pins, each a request and a notice

  it('is not offered on system notices', async () => {
    const { server } = await setup();
    const notice = server.postSystemMessage('launch', 'Frank Rossi joined');
    await expect.poll(() => row(notice.id)).not.toBeNull();
    await userEvent.hover(row(notice.id)!);
    expect(row(notice.id)!.querySelector('.parley-message-actions')).toBeNull();
  });
});

describe('the pinned bar', () => {
  it('jumps to a pin far back in history, loading it, and says what it is once loaded', async () => {
    const { bob, first } = await setup(300);
    expect(row(first)).toBeNull();
    await bob.pinMessage(first);
    await expect.poll(barText).toBe('Pinned 1 of 1Original not loaded');

    await userEvent.click(bar()!.querySelector('.parley-pinned-current')!);
    await expect.poll(() => focused()?.dataset.messageId, { timeout: 10_000 }).toBe(first);
    expect(row(first)?.dataset.highlighted).toBe('true');
    await expect.poll(barText).toBe('Pinned 1 of 1Dave Kowalski: Old news 1');

    // Away and back again: the same pin jumps a second time.
    await userEvent.keyboard('{End}');
    await expect.poll(() => row(first)).toBeNull();
    await userEvent.click(bar()!.querySelector('.parley-pinned-current')!);
    await expect.poll(() => focused()?.dataset.messageId, { timeout: 10_000 }).toBe(first);
  });

  it('steps through the pins, newest first, and lists them all (arrows, Enter, Escape)', async () => {
    const { bob, ids } = await setup();
    await bob.openConversation('launch');
    for (const id of [ids[0]!, ids[1]!, ids[2]!]) await bob.pinMessage(id);
    await expect.poll(barText).toBe('Pinned 1 of 3You: Message 3');

    const older = bar()!.querySelector<HTMLButtonElement>('[aria-label="Older pinned message"]')!;
    await userEvent.click(older);
    expect(barText()).toBe('Pinned 2 of 3Dave Kowalski: Message 2');
    await userEvent.click(bar()!.querySelector<HTMLButtonElement>('[aria-label="Newer pinned message"]')!);
    expect(barText()).toBe('Pinned 1 of 3You: Message 3');

    const toggle = bar()!.querySelector<HTMLButtonElement>('[aria-label="All pinned messages"]')!;
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const items = () => [...document.querySelectorAll<HTMLButtonElement>('.parley-pinned-item')].map((b) => b.textContent);
    expect(items()).toEqual(['You: Message 3', 'Dave Kowalski: Message 2', 'Bob Nguyen: Message 1']);
    expect(focused()?.textContent).toBe('You: Message 3');
    await userEvent.keyboard('{Escape}');
    expect(items()).toEqual([]);
    expect(focused()).toBe(toggle);

    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{End}');
    expect(focused()?.textContent).toBe('Bob Nguyen: Message 1');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => focused()?.dataset.messageId).toBe(ids[0]);
    expect(items()).toEqual([]);
    expect(barText()).toBe('Pinned 3 of 3Bob Nguyen: Message 1');

    // A new pin shows itself.
    await bob.pinMessage(ids[3]!);
    await expect.poll(barText).toBe('Pinned 1 of 4Bob Nguyen: Message 4');
  });

  it('stays right across reconnects: a server restart, and pins changed while offline', async () => {
    const { server, alice, bob, ids } = await setup();
    await bob.openConversation('launch');
    await bob.pinMessage(ids[0]!);
    await expect.poll(barText).toBe('Pinned 1 of 1Bob Nguyen: Message 1');

    server.restart();
    await expect.poll(() => alice.store.getState().connection.state).not.toBe('online');
    await expect.poll(() => alice.store.getState().connection.state, { timeout: 10_000 }).toBe('online');
    expect(barText()).toBe('Pinned 1 of 1Bob Nguyen: Message 1');

    // Alice away while bob pins another and unpins the first: her bar catches up when she is back.
    await expect.poll(() => bob.store.getState().connection.state, { timeout: 10_000 }).toBe('online');
    server.setOnline('alice', false);
    await expect.poll(() => alice.store.getState().connection.state).not.toBe('online');
    await bob.pinMessage(ids[3]!);
    await bob.unpinMessage(ids[0]!);
    expect(barText()).toBe('Pinned 1 of 1Bob Nguyen: Message 1');
    server.setOnline('alice', true);
    alice.reconnectNow();
    await expect.poll(barText, { timeout: 10_000 }).toBe('Pinned 1 of 1Bob Nguyen: Message 4');
  });
});
