/**
 * The walking skeleton end to end in real Chromium: two people on one mock
 * server, each in their own chat UI; what Alice types arrives in Bob's pane.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { userEvent } from 'vitest/browser';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import { ChatProvider, MessageInput, MessageList, TypingIndicator } from 'parley';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function setup() {
  const server = createMockServer({ seed: 'demo' });
  const connect = async (userId: string) => {
    const client = createChatClient({
      transport: server.connect({ userId, token: `${userId}-token` }),
      userId,
      outbox: createMemoryOutbox(),
    });
    await client.connect();
    return client;
  };
  const alice = await connect('alice');
  const bob = await connect('bob');
  cleanups.push(() => {
    alice.disconnect();
    bob.disconnect();
    server.dispose();
  });
  return { server, alice, bob };
}

function Pane({ client, label }: { client: ChatClient; label: string }) {
  return (
    <ChatProvider client={client}>
      <section aria-label={label} style={{ display: 'flex', flexDirection: 'column', height: 360, width: 480 }}>
        <MessageList conversationId="alice-bob" style={{ flex: 1, minHeight: 0 }} />
        <TypingIndicator conversationId="alice-bob" />
        <MessageInput conversationId="alice-bob" />
      </section>
    </ChatProvider>
  );
}

describe('full chat in a real browser', () => {
  it('delivers what Alice types to Bob, with typing shown on the way', async () => {
    const { server, alice, bob } = await setup();
    const screen = await render(
      <div style={{ display: 'flex', gap: 8 }}>
        <Pane client={alice} label="Alice" />
        <Pane client={bob} label="Bob" />
      </div>,
    );
    const aliceInput = screen.getByRole('region', { name: 'Alice' }).getByRole('textbox', { name: /message/i });
    const bobPane = screen.getByRole('region', { name: 'Bob' });

    await userEvent.click(aliceInput);
    await userEvent.keyboard('Hello Bob, this is a real browser');
    await expect.element(bobPane.getByText(/Alice Martin is typing/i)).toBeInTheDocument();
    await userEvent.keyboard('{Enter}');

    const arrived = bobPane.getByRole('article').getByText('Hello Bob, this is a real browser');
    await expect.element(arrived).toBeInTheDocument();
    // Screen readers hear it through Bob's polite live region.
    await expect
      .element(bobPane.getByRole('log'))
      .toHaveTextContent('Alice Martin: Hello Bob, this is a real browser');
    await expect.element(aliceInput).toHaveValue('');
    await expect.element(aliceInput).toHaveFocus();
    // Typing stops as the message is sent.
    await expect.poll(() => bobPane.getByText(/is typing/i).elements().length).toBe(0);

    const stored = server.messages('alice-bob').filter((m) => m.text === 'Hello Bob, this is a real browser');
    expect(stored).toHaveLength(1);
    // Alice's row carries the server id and its status once acked.
    const row = screen
      .getByRole('region', { name: 'Alice' })
      .getByRole('article')
      .filter({ hasText: 'Hello Bob, this is a real browser' });
    await expect.element(row).toHaveAttribute('data-message-id', stored[0]!.id);
    await expect.element(row).toHaveAttribute('data-status', 'sent');
    expect(bob.getMessages('alice-bob').filter((m) => m.id === stored[0]!.id)).toHaveLength(1);
  });

  it('keeps Shift+Enter as a new line and sends on Enter', async () => {
    const { server, alice } = await setup();
    const screen = await render(<Pane client={alice} label="Alice" />);
    const input = screen.getByRole('textbox', { name: /message/i });
    await userEvent.click(input);
    await userEvent.keyboard('line one{Shift>}{Enter}{/Shift}line two');
    await expect.element(input).toHaveValue('line one\nline two');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => server.messages('alice-bob').some((m) => m.text === 'line one\nline two')).toBe(true);
  });

  it('renders hostile text as text, never as HTML', async () => {
    const { server, alice } = await setup();
    const screen = await render(<Pane client={alice} label="Alice" />);
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> javascript:alert(1)';
    server.postMessage('alice-bob', { authorId: 'bob', text: hostile });
    await expect.element(screen.getByText(hostile, { exact: false }).first()).toBeInTheDocument();
    expect(document.querySelector('.parley-message-list img')).toBeNull();
    expect(document.querySelector('.parley-message-list script')).toBeNull();
    expect(document.querySelector('.parley-message-list a[href^="javascript"]')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
