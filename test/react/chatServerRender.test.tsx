// @vitest-environment node
/**
 * Chat and ConversationHeader render in plain Node. The Chat chooses its panes by its
 * own measured width, which a server does not have: it sends the empty shell (with the
 * connection state) and the browser fills it in before the first paint.
 */
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';
import { createChatClient } from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import { Chat, ChatProvider, ConversationHeader } from 'parley';

async function alice() {
  const server = createMockServer({ seed: 'demo' });
  const client = createChatClient({ transport: server.connect({ userId: 'alice', token: 'alice-token' }), userId: 'alice' });
  await client.connect();
  return { client, dispose: () => (client.disconnect(), server.dispose()) };
}

// A server render reads the store's initial state (as hydration does): the conversation is not known yet.
it('renders the header with its heading at the level asked for', async () => {
  const { client, dispose } = await alice();
  const html = renderToString(
    <ChatProvider client={client}>
      <ConversationHeader conversationId="general" headingLevel={3} />
    </ChatProvider>,
  );
  expect(html).toMatch(/<h3[^>]*class="parley-conversation-header-title"[^>]*><bdi>/);
  expect(html).toContain('data-typing="false"');
  dispose();
});

it('renders the Chat as a shell without panes', async () => {
  const { client, dispose } = await alice();
  const html = renderToString(
    <ChatProvider client={client}>
      <Chat defaultSelectedId="general" />
    </ChatProvider>,
  );
  expect(html).toContain('class="parley-chat"');
  expect(html).toContain('parley-connection-status');
  expect(html).not.toContain('data-layout');
  expect(html).not.toContain('parley-chat-list-pane');
  dispose();
});
