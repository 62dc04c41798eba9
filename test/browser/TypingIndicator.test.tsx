import { afterEach, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { ChatProvider, TypingIndicator } from 'parley';
import '../../src/theme/styles.css';

let server: MockChatServer;
let client: ChatClient;

async function setup() {
  server = createMockServer({ seed: 'demo' });
  client = createChatClient({
    transport: server.connect({ userId: 'alice', token: 'alice-token' }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
  });
  await client.connect();
  await render(
    <ChatProvider client={client}>
      <TypingIndicator conversationId="general" />
    </ChatProvider>,
  );
  return page.getByRole('status');
}

afterEach(() => {
  client?.disconnect();
  server?.dispose();
});

test('an empty polite live region is there before anyone types', async () => {
  const status = await setup();
  await expect.element(status).toBeInTheDocument();
  await expect.element(status).toHaveAttribute('aria-live', 'polite');
  await expect.element(status).toHaveAttribute('data-state', 'idle');
  await expect.element(status).toBeEmptyDOMElement();
});

test('appears when Bob types and disappears when he stops', async () => {
  const status = await setup();
  server.setTyping('general', 'bob', true);
  await expect.element(status).toHaveTextContent('Bob Nguyen is typing…');
  await expect.element(status).toHaveAttribute('data-state', 'typing');
  server.setTyping('general', 'bob', false);
  await expect.element(status).toHaveAttribute('data-state', 'idle');
  await expect.element(status).toBeEmptyDOMElement();
});

test('two, then several people', async () => {
  const status = await setup();
  server.setTyping('general', 'bob', true);
  server.setTyping('general', 'carol', true);
  await expect.element(status).toHaveTextContent('Bob Nguyen and Carol Okafor are typing…');
  server.setTyping('general', 'dave', true);
  server.setTyping('general', 'erin', true);
  await expect.element(status).toHaveTextContent('Bob Nguyen and 3 others are typing…');
});

test('a message from the typist ends their typing', async () => {
  const status = await setup();
  server.setTyping('general', 'bob', true);
  await expect.element(status).toHaveTextContent('Bob Nguyen is typing…');
  server.postMessage('general', { authorId: 'bob', text: 'Done typing' });
  await expect.element(status).toHaveAttribute('data-state', 'idle');
});

test('typing in another conversation does not show here', async () => {
  const status = await setup();
  server.setTyping('alice-bob', 'bob', true);
  // Bob's typing has reached the client (it shows in his conversation)…
  await expect.poll(() => client.store.getState().typing['alice-bob']?.bob).toBeDefined();
  // …and the first render here after it, for Carol, names Carol alone, while Bob still types.
  server.setTyping('general', 'carol', true);
  await expect.element(status).toHaveTextContent(/Carol Okafor/);
  expect(status.element().textContent).toBe('Carol Okafor is typing…');
  expect(client.store.getState().typing['alice-bob']?.bob).toBeDefined();
});

test('the dots stand still when reduced motion is asked for', async () => {
  const status = await setup();
  server.setTyping('general', 'bob', true);
  await expect.element(status).toHaveAttribute('data-state', 'typing');
  const dot = status.element().querySelector('.parley-typing-dots > span')!;
  expect(getComputedStyle(dot).animationName).toBe('parley-typing-bounce');
  const { cdp } = await import('vitest/browser');
  await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
  try {
    expect(getComputedStyle(dot).animationName).toBe('none');
  } finally {
    await cdp().send('Emulation.setEmulatedMedia', { features: [] });
  }
});
