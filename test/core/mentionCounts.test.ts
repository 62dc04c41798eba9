/** Mention counts: kept by the server per viewer, moved live by the client, right again after a reconnect. */
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createChatClient, createMemoryOutbox, selectMentionCount, type ChatClient } from '../../src/core';
import { createMockServer, type MockChatServer } from '../../src/mock-server';

async function join(server: MockChatServer, userId: string): Promise<ChatClient> {
  const client = createChatClient({
    transport: server.connect({ userId, token: `${userId}-token` }),
    userId,
    outbox: createMemoryOutbox(),
    syncIntervalMs: 0,
  });
  onTestFinished(() => client.disconnect());
  await client.connect();
  return client;
}

async function setup() {
  const server = createMockServer({ seed: 'empty' });
  onTestFinished(() => server.dispose());
  return { server, alice: await join(server, 'alice'), bob: await join(server, 'bob') };
}

const mentions = (client: ChatClient, id: string) => selectMentionCount(client.store.getState(), id);
const serverCount = (server: MockChatServer, id: string, viewer: string) => server.conversation(id, viewer)?.mentionCount;

describe('mention counts', () => {
  it('counts a mention of alice for alice only, not a mention of carol, and keeps it apart from unread', async () => {
    const { server, alice, bob } = await setup();
    await bob.sendMessage('general', { text: 'hi @Alice', mentions: ['alice'] });
    await bob.sendMessage('general', { text: 'hi @Carol', mentions: ['carol'] });
    await vi.waitFor(() => expect(alice.store.getState().conversations['general']?.unreadCount).toBe(2));
    expect(mentions(alice, 'general')).toBe(1);
    expect(serverCount(server, 'general', 'alice')).toBe(1);
    expect(serverCount(server, 'general', 'carol')).toBe(1);
    expect(serverCount(server, 'general', 'bob')).toBe(0);
    expect(mentions(bob, 'general')).toBe(0);
  });

  it('drops a mention of a non-member, and @here outside a group', async () => {
    const { server, alice, bob } = await setup();
    const sent = await bob.sendMessage('alice-bob', { text: '@here @Carol', mentions: ['here', 'carol', 'alice'] });
    expect(sent.mentions).toEqual(['alice']);
    expect(server.messages('alice-bob').at(-1)?.mentions).toEqual(['alice']);
    await vi.waitFor(() => expect(mentions(alice, 'alice-bob')).toBe(1));
    expect(serverCount(server, 'alice-bob', 'carol')).toBe(0);
  });

  it('counts @here in a group for every other member', async () => {
    const { server, alice, bob } = await setup();
    await bob.sendMessage('general', { text: '@here standup', mentions: ['here'] });
    await vi.waitFor(() => expect(mentions(alice, 'general')).toBe(1));
    expect(serverCount(server, 'general', 'dave')).toBe(1);
    expect(serverCount(server, 'general', 'bob')).toBe(0);
  });

  it('reading clears it, on the server and in the client', async () => {
    const { server, alice, bob } = await setup();
    await alice.openConversation('general');
    const m = await bob.sendMessage('general', { text: '@Alice look', mentions: ['alice'] });
    await vi.waitFor(() => expect(mentions(alice, 'general')).toBe(1));
    alice.markRead('general', m.seq);
    expect(mentions(alice, 'general')).toBe(0);
    await vi.waitFor(() => expect(serverCount(server, 'general', 'alice')).toBe(0));
  });

  it('a read in another tab clears it here too (the server pushes the conversation)', async () => {
    const { server, alice, bob } = await setup();
    const m = await bob.sendMessage('general', { text: '@Alice look', mentions: ['alice'] });
    await vi.waitFor(() => expect(mentions(alice, 'general')).toBe(1));
    const other = await join(server, 'alice');
    other.markRead('general', m.seq);
    await vi.waitFor(() => expect(mentions(alice, 'general')).toBe(0));
  });

  it('counts a mention in a thread reply until the thread is read, and a deleted mention no longer counts', async () => {
    const { server, alice, bob } = await setup();
    const root = await bob.sendMessage('general', { text: 'root' });
    alice.markRead('general', root.seq);
    const reply = await bob.sendMessage('general', { text: '@Alice?', parentId: root.id, mentions: ['alice'] });
    await vi.waitFor(() => expect(mentions(alice, 'general')).toBe(1));
    // Named in the thread, alice takes part in it: its summary shows her the unread reply.
    expect(alice.store.getState().conversations['general']?.unreadThreads).toEqual({ [root.id]: 1 });
    alice.markThreadRead(root.id, reply.seq);
    await vi.waitFor(() => expect(mentions(alice, 'general')).toBe(0));

    const again = await bob.sendMessage('general', { text: '@Alice!', mentions: ['alice'] });
    await vi.waitFor(() => expect(mentions(alice, 'general')).toBe(1));
    await bob.deleteMessage(again.id);
    await vi.waitFor(() => expect(mentions(alice, 'general')).toBe(0));
    expect(serverCount(server, 'general', 'alice')).toBe(0);
  });

  it('is right after a restart and after setOnline false → true, with mentions made meanwhile', async () => {
    const { server, alice, bob } = await setup();
    await bob.sendMessage('general', { text: '@Alice one', mentions: ['alice'] });
    await vi.waitFor(() => expect(mentions(alice, 'general')).toBe(1));

    server.setOnline('alice', false);
    await bob.sendMessage('general', { text: '@Alice two', mentions: ['alice'] });
    await bob.sendMessage('general', { text: '@here three', mentions: ['here'] });
    server.setOnline('alice', true);
    await vi.waitFor(() => expect(mentions(alice, 'general')).toBe(3));

    server.restart();
    await vi.waitFor(() => expect(alice.store.getState().connection.state).toBe('online'));
    await vi.waitFor(() => expect(bob.store.getState().connection.state).toBe('online'));
    await bob.sendMessage('general', { text: '@Alice four', mentions: ['alice'] });
    await vi.waitFor(() => expect(mentions(alice, 'general')).toBe(4));
    expect(serverCount(server, 'general', 'alice')).toBe(4);
  });

  it('sending in the conversation reads what is loaded before it, mentions included', async () => {
    const { alice, bob } = await setup();
    await alice.openConversation('general');
    await bob.sendMessage('general', { text: '@Alice', mentions: ['alice'] });
    await vi.waitFor(() => expect(mentions(alice, 'general')).toBe(1));
    await alice.sendMessage('general', { text: 'yes?' });
    expect(mentions(alice, 'general')).toBe(0);
  });
});
