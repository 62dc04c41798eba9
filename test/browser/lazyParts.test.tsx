/**
 * The parts of a row that load on first use (toolbar, editor, reactions, attachments),
 * with their code held back until the test lets it through: what a reader on a slow
 * network sees before and after it arrives.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { userEvent } from 'vitest/browser';
import { createChatClient, createMemoryOutbox } from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import { ChatProvider, MessageList } from 'parley';
import '../../src/theme/styles.css';

const gate = vi.hoisted(() => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
});

// The on-demand chunk arrives only when the test opens the gate.
vi.mock('../../src/react/components/onDemand', async (importOriginal) => {
  await gate.opened;
  return importOriginal();
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const row = (id: string) => document.querySelector<HTMLElement>(`[data-message-id="${id}"]`)!;
const focused = () => document.activeElement as HTMLElement | null;

describe('parts loaded on first use', () => {
  it('Tab waits in a row whose toolbar is on its way and moves on when it arrives; reaction chips then show and the row is measured again', async () => {
    const server = createMockServer({ seed: 'demo' });
    const start = Date.now() - 10 * 60_000;
    server.addMessages(
      'launch',
      [
        { authorId: 'bob', text: 'Message 1' },
        { authorId: 'alice', text: 'Message 2, see https://example.com/notes' },
        { authorId: 'bob', text: 'Message 3' },
      ].map((m, i) => ({ ...m, createdAt: start + i * 60_000 })),
    );
    const ids = server.messages('launch').slice(-3).map((m) => m.id);
    const bob = createChatClient({ transport: server.connect({ userId: 'bob', token: 'bob-token' }), userId: 'bob', outbox: createMemoryOutbox() });
    await bob.connect();
    await bob.openConversation('launch');
    await bob.addReaction(ids[1]!, '🎉');
    bob.disconnect();
    const client = createChatClient({ transport: server.connect({ userId: 'alice', token: 'alice-token' }), userId: 'alice', outbox: createMemoryOutbox() });
    await client.connect();
    cleanups.push(() => {
      client.disconnect();
      server.dispose();
    });
    await render(
      <ChatProvider client={client}>
        <div style={{ height: 500, width: 420, display: 'flex' }}>
          <MessageList conversationId="launch" style={{ flex: 1 }} />
        </div>
        <button type="button">After the list</button>
      </ChatProvider>,
    );
    await expect.poll(() => ids.every((id) => row(id) !== null)).toBe(true);
    // How far the next row starts below alice's: it grows by the reaction chips once they arrive.
    const pitch = () => row(ids[2]!).getBoundingClientRect().top - row(ids[1]!).getBoundingClientRect().top;
    const before = pitch();

    // Into the list, onto the newest row (Bob's): Tab would leave the row, but its
    // toolbar's code is still on the way, so focus waits on the row.
    await userEvent.tab();
    await userEvent.keyboard('{ArrowUp}');
    await expect.poll(() => focused()?.dataset.messageId).toBe(ids[2]);
    expect(row(ids[2]!).querySelector('.parley-message-actions')).toBeNull();
    await userEvent.tab();
    expect(focused()).toBe(row(ids[2]!));
    // A second Tab is not held: the reader can always go on (and come back).
    await userEvent.tab();
    expect(focused()?.textContent).toBe('After the list');
    await userEvent.tab({ shift: true });
    expect(focused()).toBe(row(ids[2]!));

    // Alice's row: Tab reaches the link in its text as usual; from there the next Tab waits.
    await userEvent.keyboard('{ArrowUp}');
    await expect.poll(() => focused()?.dataset.messageId).toBe(ids[1]);
    expect(row(ids[1]!).querySelector('.parley-reactions')).toBeNull();
    await userEvent.tab();
    const link = row(ids[1]!).querySelector('a')!;
    expect(focused()).toBe(link);
    await userEvent.tab();
    expect(focused()).toBe(link);

    // The code arrives: chips and toolbar appear, and focus goes on to what Tab would have reached.
    gate.open();
    await expect.poll(() => row(ids[1]!).querySelector('.parley-message-actions')).not.toBeNull();
    await expect.poll(() => focused()?.getAttribute('aria-label')).toBe('🎉 1, react with 🎉');
    await userEvent.tab();
    expect(focused()?.textContent).toBe('React');

    // The reaction chip arrived with the same chunk; the row grew, was measured again, and
    // the next row moved to make room (pinned to the bottom, the rows above moved up).
    await expect.poll(() => row(ids[1]!).querySelector('.parley-reaction')?.getAttribute('aria-label')).toBe('🎉 1, react with 🎉');
    const chips = row(ids[1]!).querySelector<HTMLElement>('.parley-reactions')!;
    await expect.poll(pitch).toBeGreaterThanOrEqual(before + chips.getBoundingClientRect().height);
    expect(chips.getBoundingClientRect().bottom).toBeLessThanOrEqual(row(ids[2]!).getBoundingClientRect().top + 1);

    // Once here, Tab goes straight on as before.
    await userEvent.tab();
    expect(focused()?.textContent).toBe('Reply');
    expect(focused()?.closest('[data-message-id]')).toBe(row(ids[1]!));
  });
});
