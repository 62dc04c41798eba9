/**
 * The public contract (README's API), written exactly as a host app (and the
 * tests outside this repo) use it: these names must keep compiling and working.
 */
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMockServer } from 'parley/mock-server';
import { createChatClient } from 'parley/core';
import {
  Chat,
  ChatProvider,
  ConnectionStatus,
  ConversationHeader,
  ConversationList,
  FileUpload,
  MessageInput,
  MessageList,
  TypingIndicator,
} from 'parley';

describe('public contract', () => {
  it('connects, sends, edits, reacts, deletes and pages as the public contract shows', async () => {
    const server = createMockServer({ seed: 'demo' });
    const client = createChatClient({
      transport: server.connect({ userId: 'alice', token: 'alice-token' }),
      userId: 'alice',
    });
    await client.connect();
    expect(typeof client.store.getState).toBe('function');
    expect(typeof client.store.subscribe).toBe('function');

    const errors: unknown[] = [];
    const off = client.on('error', (err) => errors.push(err));

    const sent = await client.sendMessage('general', { text: 'hi' });
    const messages = client.getMessages('general');
    const mine = messages.find((m) => m.id === sent.id);
    expect(mine).toMatchObject({ text: 'hi', status: 'sent', authorId: 'alice' });
    expect(server.messages('general').filter((m) => m.clientId === sent.clientId)).toHaveLength(1);

    await client.editMessage(sent.id, 'hi there');
    await client.addReaction(sent.id, '👍');
    expect(client.getMessages('general').find((m) => m.id === sent.id)).toMatchObject({
      text: 'hi there',
      reactions: { '👍': ['alice'] },
    });
    await client.removeReaction(sent.id, '👍');
    await client.deleteMessage(sent.id);
    const tombstone = client.getMessages('general').find((m) => m.id === sent.id);
    expect(tombstone?.deletedAt).toBeTypeOf('number');

    server.addMessages('general', [{ authorId: 'bob', text: 'bulk', createdAt: 0 }]);
    let pages = 0;
    while (await client.loadOlder('general')) pages++;
    expect(await client.loadOlder('general')).toBe(false);
    expect(client.getMessages('general').length).toBeGreaterThan(0);
    expect(pages).toBeGreaterThanOrEqual(0);

    server.setNetwork({ latencyMs: 0, jitterMs: 0, dropRate: 0, duplicateRate: 0, reorderRate: 0 });
    server.setOnline('alice', false);
    server.setOnline('alice', true);
    server.restart();
    expect(errors).toEqual([]);
    off();
    client.disconnect();
    server.dispose();
  });

  it('renders the components inside ChatProvider', async () => {
    const server = createMockServer({ seed: 'demo' });
    const client = createChatClient({
      transport: server.connect({ userId: 'alice', token: 'alice-token' }),
      userId: 'alice',
    });
    await client.connect();
    render(
      <ChatProvider client={client}>
        <ConnectionStatus />
        <ConversationList />
        <MessageList conversationId="general" />
        <TypingIndicator conversationId="general" />
        <MessageInput conversationId="general" />
        <FileUpload conversationId="general" />
      </ChatProvider>,
    );
    expect(await screen.findByRole('textbox', { name: /message/i })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Attach files' })).toBeInTheDocument();
    expect(screen.getByRole('feed')).toBeInTheDocument();
    await act(async () => {
      client.disconnect();
    });
    server.dispose();
  });

  it('renders the one-line Chat and a ConversationHeader inside ChatProvider', async () => {
    const server = createMockServer({ seed: 'demo' });
    const client = createChatClient({
      transport: server.connect({ userId: 'alice', token: 'alice-token' }),
      userId: 'alice',
    });
    await client.connect();
    render(
      <ChatProvider client={client}>
        <ConversationHeader conversationId="general" />
        <Chat />
      </ChatProvider>,
    );
    expect(screen.getByRole('heading', { name: 'General' })).toBeInTheDocument();
    expect(await screen.findByRole('listbox', { name: 'Conversations' })).toBeInTheDocument();
    await act(async () => {
      client.disconnect();
    });
    server.dispose();
  });

  it('refuses a wrong token with a clear error', async () => {
    const server = createMockServer({ seed: 'demo' });
    const client = createChatClient({
      transport: server.connect({ userId: 'alice', token: 'wrong' }),
      userId: 'alice',
    });
    await expect(client.connect()).rejects.toMatchObject({ code: 'unauthorized' });
    server.dispose();
  });
});
