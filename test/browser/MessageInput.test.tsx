import { useState } from 'react';
import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createChatClient, createMemoryOutbox, LIMITS, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { ChatProvider, MessageInput } from 'parley';
import '../../src/theme/styles.css';

let server: MockChatServer;
const clients: ChatClient[] = [];

async function connect(userId = 'alice'): Promise<ChatClient> {
  const client = createChatClient({
    transport: server.connect({ userId, token: `${userId}-token` }),
    userId,
    outbox: createMemoryOutbox(),
  });
  clients.push(client);
  await client.connect();
  return client;
}

async function setup(conversationId = 'general') {
  server = createMockServer({ seed: 'demo' });
  const client = await connect();
  const before = server.messages(conversationId).length;
  const screen = await render(
    <ChatProvider client={client}>
      <MessageInput conversationId={conversationId} />
    </ChatProvider>,
  );
  const input = page.getByRole('textbox', { name: 'Message' });
  const textarea = input.element() as HTMLTextAreaElement;
  const sentTexts = () => server.messages(conversationId).slice(before).map((m) => m.text);
  /**
   * A send shows in the list as pending the moment it is made, and stays there until the
   * server has it: neither on the server nor waiting means none was made.
   */
  const expectNothingSent = () => {
    expect(sentTexts()).toEqual([]);
    expect(client.getMessages(conversationId).filter((m) => m.status !== 'sent')).toEqual([]);
  };
  return { client, screen, input, textarea, sentTexts, expectNothingSent };
}

afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
  server?.dispose();
});

test('typing and Enter sends the message, clears the input and keeps focus there', async () => {
  const { input, textarea, sentTexts } = await setup();
  await userEvent.click(input);
  await userEvent.type(input, 'Hello from Chromium');
  await userEvent.keyboard('{Enter}');
  await expect.element(input).toHaveValue('');
  expect(document.activeElement).toBe(textarea);
  await expect.poll(sentTexts).toEqual(['Hello from Chromium']);
});

test('the Send button sends too, and focus returns to the textarea', async () => {
  const { input, textarea, sentTexts } = await setup();
  const send = page.getByRole('button', { name: 'Send' });
  await expect.element(send).toBeDisabled();
  await userEvent.fill(input, 'Via the button');
  await expect.element(send).toBeEnabled();
  await send.click();
  await expect.element(input).toHaveValue('');
  expect(document.activeElement).toBe(textarea);
  await expect.poll(sentTexts).toEqual(['Via the button']);
});

test('Shift+Enter inserts a newline and sends nothing; the field grows', async () => {
  const { input, textarea, sentTexts, expectNothingSent } = await setup();
  await userEvent.click(input);
  const oneLine = textarea.getBoundingClientRect().height;
  await userEvent.type(input, 'first');
  await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
  await userEvent.type(input, 'second');
  await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
  await userEvent.type(input, 'third');
  await expect.element(input).toHaveValue('first\nsecond\nthird');
  expect(textarea.getBoundingClientRect().height).toBeGreaterThan(oneLine);
  expectNothingSent();
  await userEvent.keyboard('{Enter}');
  await expect.poll(sentTexts).toEqual(['first\nsecond\nthird']);
});

test('empty or whitespace-only input does not send', async () => {
  const { input, expectNothingSent } = await setup();
  await userEvent.click(input);
  await userEvent.keyboard('{Enter}');
  await userEvent.type(input, '   ');
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  expectNothingSent();
});

test('Enter during IME composition does not send', async () => {
  const { input, textarea, expectNothingSent } = await setup();
  await userEvent.fill(input, 'にほんご');
  // React handles the key during dispatchEvent: a send would already show as pending.
  textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
  expectNothingSent();
  await expect.element(input).toHaveValue('にほんご');
});

test('too long: a visible, live error and a counter; nothing is sent', async () => {
  const { input, expectNothingSent } = await setup();
  const error = page.getByText(/Message is too long/);
  await userEvent.fill(input, 'x'.repeat(LIMITS.maxTextLength - 10));
  await expect.element(page.getByText('9,990 / 10,000')).toBeVisible();
  await expect.element(error).not.toBeInTheDocument();
  await userEvent.fill(input, 'x'.repeat(LIMITS.maxTextLength + 1));
  await expect.element(error).toBeVisible();
  await expect.element(error).toHaveTextContent('Message is too long (10,001 of 10,000 characters)');
  await expect.element(error).toHaveAttribute('aria-live', 'polite');
  await expect.element(input).toHaveAttribute('aria-invalid', 'true');
  await expect.element(input).toHaveAccessibleDescription(/Message is too long/);
  await expect.element(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  await userEvent.keyboard('{Enter}');
  expectNothingSent();
});

test('typing tells the others; sending stops it', async () => {
  const { input } = await setup();
  const bob = await connect('bob');
  const aliceTyping = () => bob.store.getState().typing.general?.alice !== undefined;
  await userEvent.type(input, 'Hi');
  await expect.poll(aliceTyping).toBe(true);
  await userEvent.keyboard('{Enter}');
  await expect.poll(aliceTyping).toBe(false);
});

test('offline: a note explains, and the message is queued and delivered later', async () => {
  const { client, input, sentTexts } = await setup();
  server.setOnline('alice', false);
  const note = page.getByText('You are offline. Messages will be sent when the connection returns.');
  await expect.element(note).toBeVisible();
  await expect.element(input).toHaveAccessibleDescription(/You are offline/);
  await userEvent.type(input, 'Queued while offline');
  await userEvent.keyboard('{Enter}');
  await expect.element(input).toHaveValue('');
  expect(client.getMessages('general').at(-1)).toMatchObject({ text: 'Queued while offline', status: 'sending' });
  server.setOnline('alice', true);
  client.reconnectNow();
  await expect.poll(sentTexts, { timeout: 8_000 }).toEqual(['Queued while offline']);
  await expect.element(note).not.toBeInTheDocument();
});

test('each conversation keeps its own draft', async () => {
  server = createMockServer({ seed: 'demo' });
  const client = await connect();
  function Switcher() {
    const [id, setId] = useState('general');
    return (
      <ChatProvider client={client}>
        <button type="button" onClick={() => setId(id === 'general' ? 'alice-bob' : 'general')}>
          switch
        </button>
        <MessageInput conversationId={id} />
      </ChatProvider>
    );
  }
  await render(<Switcher />);
  const input = page.getByRole('textbox', { name: 'Message' });
  await userEvent.fill(input, 'draft for general');
  await page.getByRole('button', { name: 'switch' }).click();
  await expect.element(input).toHaveValue('');
  await expect.element(input).toHaveAttribute('placeholder', 'Message Bob Nguyen');
  await userEvent.fill(input, 'draft for Bob');
  await page.getByRole('button', { name: 'switch' }).click();
  await expect.element(input).toHaveValue('draft for general');
  await page.getByRole('button', { name: 'switch' }).click();
  await expect.element(input).toHaveValue('draft for Bob');
});
