/**
 * Forwarding in real Chromium, in the Chat: Forward in the message toolbar,
 * the dialog by keyboard (filter, arrows, Enter, Tab kept inside, Escape back
 * to Forward), what it says when a forward went through or failed, and the
 * "Forwarded from …" label in the target conversation, for a reader who is in
 * the source conversation and for one who is not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { userEvent } from 'vitest/browser';
import type { ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { memoryClient } from './fixtures/memoryClient';
import { Chat, ChatProvider, MessageList } from 'parley';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const connect = (server: MockChatServer, userId: string): ChatClient => memoryClient(server, userId, cleanups, { requestTimeoutMs: 400 });

/** Alice's Chat on `launch`, whose newest messages are bob's "Ship it" and alice's own. */
async function setup(): Promise<{ server: MockChatServer; alice: ChatClient; ids: string[] }> {
  const server = createMockServer({ seed: 'demo' });
  cleanups.push(() => server.dispose());
  const start = Date.now() - 10 * 60_000;
  server.addMessages('launch', [
    { authorId: 'bob', text: 'Ship it on Friday\nunless QA objects', createdAt: start },
    { authorId: 'alice', text: 'Agreed', createdAt: start + 60_000 },
  ]);
  const alice = connect(server, 'alice');
  await alice.connect();
  await render(
    <ChatProvider client={alice}>
      <div style={{ height: 600, width: 900 }}>
        <Chat defaultSelectedId="launch" fileUpload={false} />
      </div>
    </ChatProvider>,
  );
  const ids = server.messages('launch').slice(-2).map((m) => m.id);
  await expect.poll(() => ids.every((id) => row(id) !== null)).toBe(true);
  return { server, alice, ids };
}

const row = (id: string) => document.querySelector<HTMLElement>(`[data-message-id="${id}"]`);
const focused = () => document.activeElement as HTMLElement | null;
const dialog = () => document.querySelector<HTMLDialogElement>('dialog.parley-forward-dialog');
const targets = () => [...(dialog()?.querySelectorAll<HTMLButtonElement>('.parley-forward-target') ?? [])].map((b) => b.textContent);
const lastIn = (server: MockChatServer, conversationId: string) => server.messages(conversationId).at(-1)!;

/** Keyboard only: into the list, up to bob's message, then Tab along its toolbar to Forward. */
async function tabToForward(id: string) {
  row(id)!.focus();
  await expect.poll(() => row(id)?.querySelector('.parley-message-actions')).not.toBeNull();
  for (let i = 0; i < 10 && focused()?.textContent !== 'Forward'; i++) await userEvent.tab();
  expect(focused()?.textContent).toBe('Forward');
  expect(focused()?.getAttribute('aria-haspopup')).toBe('dialog');
}

describe('the forward dialog', () => {
  it('works by keyboard: filter, arrows and Enter forward; Tab stays inside; Escape returns to Forward', async () => {
    const { server, ids } = await setup();
    const id = ids[0]!;
    await tabToForward(id);
    const forward = focused()!;
    await userEvent.keyboard('{Enter}');

    await expect.poll(() => dialog()?.open).toBe(true);
    expect(dialog()!.getAttribute('aria-labelledby')).toBeTruthy();
    expect(document.getElementById(dialog()!.getAttribute('aria-labelledby')!)?.textContent).toBe('Forward message');
    expect(dialog()!.querySelector('.parley-forward-preview')?.textContent).toBe('Ship it on Friday');
    expect(focused()?.getAttribute('aria-label')).toBe('Find a conversation');
    // Every conversation alice is in, this one too.
    expect(targets()).toContain('Launch 🚀');
    expect(targets()).toContain('Design reviews');
    expect(targets().length).toBe(alicesConversations(server));

    await userEvent.keyboard('DESIGN rev');
    expect(targets()).toEqual(['Design reviews']);
    await userEvent.keyboard('{ArrowDown}');
    expect(focused()?.textContent).toBe('Design reviews');
    await userEvent.keyboard('{Enter}');
    const status = () => dialog()?.querySelector('[role="status"]')?.textContent;
    await expect.poll(status).toBe('Forwarded to Design reviews');
    expect(lastIn(server, 'design')).toMatchObject({ authorId: 'alice', text: 'Ship it on Friday\nunless QA objects', forwardedFrom: { conversationId: 'launch', messageId: id, authorId: 'bob' } });

    // Tab and Shift+Tab cycle within the dialog: filter, the one conversation, Close.
    await userEvent.tab();
    expect(focused()?.textContent).toBe('Close');
    await userEvent.tab();
    expect(focused()?.getAttribute('aria-label')).toBe('Find a conversation');
    await userEvent.tab({ shift: true });
    expect(focused()?.textContent).toBe('Close');

    await userEvent.keyboard('{Escape}');
    await expect.poll(dialog).toBeNull();
    expect(focused()).toBe(forward);
    expect(forward.getAttribute('aria-expanded')).toBe('false');
  });

  it('says when a forward failed, and the Close button closes it', async () => {
    const { server, ids } = await setup();
    await tabToForward(ids[0]!);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => dialog()?.open).toBe(true);
    const before = server.messages('design').length;
    server.setOnline('alice', false);
    await userEvent.click(dialog()!.querySelector<HTMLButtonElement>('.parley-forward-target:not([data-state])')!);
    const alert = () => dialog()?.querySelector('[role="alert"]')?.textContent;
    await expect.poll(alert).toMatch(/^Could not forward to /);
    expect(server.messages('design').length).toBe(before);

    await userEvent.click(dialog()!.querySelector<HTMLButtonElement>('.parley-forward-buttons button')!);
    await expect.poll(dialog).toBeNull();
    expect(focused()?.textContent).toBe('Forward');
  });

  it('says so when no conversation matches', async () => {
    const { ids } = await setup();
    await tabToForward(ids[0]!);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => dialog()?.open).toBe(true);
    await userEvent.keyboard('zzz nothing');
    expect(targets()).toEqual([]);
    expect(dialog()!.querySelector('.parley-forward-empty')?.textContent).toBe('No conversation matches');
  });
});

describe('a forwarded message', () => {
  it('shows "Forwarded from" the source conversation to its members, and the author to others', async () => {
    const { server, ids } = await setup();
    await userEvent.hover(row(ids[0]!)!.querySelector('.parley-bubble')!);
    await expect.poll(() => row(ids[0]!)?.querySelector('[data-action="forward"]')).not.toBeNull();
    await userEvent.click(row(ids[0]!)!.querySelector<HTMLButtonElement>('[data-action="forward"]')!);
    await expect.poll(() => dialog()?.open).toBe(true);
    const design = [...dialog()!.querySelectorAll<HTMLButtonElement>('.parley-forward-target')].find((b) => b.textContent === 'Design reviews')!;
    await userEvent.click(design);
    await expect.poll(() => design.dataset.state).toBe('done');
    await userEvent.keyboard('{Escape}');
    await expect.poll(dialog).toBeNull();
    const copy = lastIn(server, 'design');

    // Alice opens Design reviews: she is in Launch, so the label names it.
    const item = [...document.querySelectorAll<HTMLElement>('.parley-conversation-item')].find((el) => el.textContent?.includes('Design reviews'))!;
    await userEvent.click(item);
    await expect.poll(() => row(copy.id)?.querySelector('.parley-forwarded-label')?.textContent).toBe('↪ Forwarded from Launch 🚀');
    expect(row(copy.id)?.querySelector('.parley-message-text')?.textContent).toBe('Ship it on Friday\nunless QA objects');
    // An unforwarded message has no label.
    const plain = server.messages('design').at(-2)!;
    await expect.poll(() => row(plain.id)).not.toBeNull();
    expect(row(plain.id)!.querySelector('.parley-forwarded-label')).toBeNull();

    // Erin is in Design reviews but not in Launch: the label names the original author.
    const erin = connect(server, 'erin');
    await erin.connect();
    const view = document.createElement('div');
    document.body.append(view);
    cleanups.push(() => view.remove());
    await render(
      <ChatProvider client={erin}>
        <div data-testid="erin" style={{ height: 400, width: 420, display: 'flex' }}>
          <MessageList conversationId="design" style={{ flex: 1 }} />
        </div>
      </ChatProvider>,
      { container: view },
    );
    const erinsRow = () => view.querySelector<HTMLElement>(`[data-message-id="${copy.id}"]`);
    await expect.poll(() => erinsRow()?.querySelector('.parley-forwarded-label')?.textContent).toBe('↪ Forwarded from Bob Nguyen');
  });
});

function alicesConversations(server: MockChatServer): number {
  return server.conversations('alice').length;
}
