/**
 * Receipts end to end in real Chromium: Alice and Bob on one in-page mock
 * server. What Alice sends shows "delivered" once Bob's client has it (even
 * with their conversation closed), "read" once Bob has it on screen, and
 * stays "sent" while Bob is offline.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { userEvent } from 'vitest/browser';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { ChatProvider, MessageInput, MessageList } from 'parley';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function newClient(server: MockChatServer, userId: string): ChatClient {
  const client = createChatClient({
    transport: server.connect({ userId, token: `${userId}-token` }),
    userId,
    outbox: createMemoryOutbox(),
  });
  cleanups.push(() => client.disconnect());
  return client;
}

function newServer(): MockChatServer {
  const server = createMockServer({ seed: 'demo' });
  cleanups.push(() => server.dispose());
  return server;
}

function Pane({ client, label }: { client: ChatClient; label: string }) {
  return (
    <ChatProvider client={client}>
      <section aria-label={label} style={{ display: 'flex', flexDirection: 'column', height: 360, width: 480 }}>
        <MessageList conversationId="alice-bob" style={{ flex: 1, minHeight: 0 }} />
        <MessageInput conversationId="alice-bob" />
      </section>
    </ChatProvider>
  );
}

/**
 * Alice's client re-reads the conversation list, which carries every member's read and
 * delivered positions as the server has them now; returns what it says of `seq` for Bob.
 */
async function bobsReceiptAsAliceSees(alice: ChatClient, seq: number): Promise<'read' | 'delivered' | 'sent'> {
  await alice.loadConversations();
  const c = alice.store.getState().conversations['alice-bob']!;
  return (c.readSeqs.bob ?? 0) >= seq ? 'read' : (c.deliveredSeqs.bob ?? 0) >= seq ? 'delivered' : 'sent';
}

/** Alice types `text` into her pane; returns a getter for that message's status element. */
async function aliceSends(text: string) {
  const alice = document.querySelector('[aria-label="Alice"]') as HTMLElement;
  await userEvent.click(alice.querySelector('textarea')!);
  await userEvent.keyboard(`${text}{Enter}`);
  return () => {
    const row = [...alice.querySelectorAll('[data-message-id]')].find((r) => r.textContent?.includes(text));
    return row?.querySelector('.parley-message-status')?.getAttribute('data-status') ?? null;
  };
}

describe('receipts in a real browser', () => {
  it('shows delivered while Bob is connected with the conversation closed, read once he opens it', async () => {
    const server = newServer();
    const alice = newClient(server, 'alice');
    const bob = newClient(server, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    const screen = await render(
      <div style={{ display: 'flex', gap: 8 }}>
        <Pane client={alice} label="Alice" />
      </div>,
    );
    const status = await aliceSends('Bob, are you there?');
    await expect.poll(status).toBe('delivered');
    expect(bob.store.getState().history['alice-bob']).toBeUndefined(); // Bob never opened it
    const stored = server.messages('alice-bob').at(-1)!;
    expect(server.conversation('alice-bob')!.readSeqs.bob).toBeLessThan(stored.seq);
    // Delivered is not read: it stays so while Bob looks elsewhere. A request of Bob's answered
    // now went out after any read report his client had made…
    await bob.loadConversations();
    expect(server.conversation('alice-bob')!.readSeqs.bob).toBeLessThan(stored.seq);
    // …and Alice's client, up to date with the server, still shows delivered.
    expect(await bobsReceiptAsAliceSees(alice, stored.seq)).toBe('delivered');
    expect(status()).toBe('delivered');

    await screen.rerender(
      <div style={{ display: 'flex', gap: 8 }}>
        <Pane client={alice} label="Alice" />
        <Pane client={bob} label="Bob" />
      </div>,
    );
    await expect.poll(status).toBe('read');
    expect(server.conversation('alice-bob')!.readSeqs.bob).toBe(stored.seq);
  });

  it('stays sent while Bob is offline, and turns delivered when his client connects', async () => {
    const server = newServer();
    const alice = newClient(server, 'alice');
    await alice.connect();
    await render(<Pane client={alice} label="Alice" />);
    const status = await aliceSends('Talk when you are back');
    await expect.poll(status).toBe('sent');
    // Bob has no session, so no client of his can have it: not on the server, not as Alice's client sees it.
    const { seq } = server.messages('alice-bob').at(-1)!;
    expect(server.conversation('alice-bob')!.deliveredSeqs.bob).toBeLessThan(seq);
    expect(await bobsReceiptAsAliceSees(alice, seq)).toBe('sent');
    expect(status()).toBe('sent');

    const bob = newClient(server, 'bob');
    await bob.connect();
    await expect.poll(status).toBe('delivered');
  });

  it('stays sent while Bob’s connection is cut, and turns delivered when it heals', async () => {
    const server = newServer();
    const alice = newClient(server, 'alice');
    const bob = newClient(server, 'bob');
    await Promise.all([alice.connect(), bob.connect()]);
    await render(<Pane client={alice} label="Alice" />);
    server.setOnline('bob', false);
    const status = await aliceSends('Ping while you are cut off');
    await expect.poll(status).toBe('sent');
    // Cut off, Bob's client cannot have it: not on the server, not as Alice's client sees it.
    const { seq } = server.messages('alice-bob').at(-1)!;
    expect(server.conversation('alice-bob')!.deliveredSeqs.bob).toBeLessThan(seq);
    expect(await bobsReceiptAsAliceSees(alice, seq)).toBe('sent');
    expect(status()).toBe('sent');

    server.setOnline('bob', true);
    bob.reconnectNow();
    await expect.poll(status).toBe('delivered');
  });
});
