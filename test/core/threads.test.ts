/** Threads on the client: kept apart from the conversation, in sync across users, reconnects and the outbox. */
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createChatClient, createMemoryOutbox, type ChatClient } from '../../src/core';
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
  await client.openConversation('general');
  return client;
}

async function twoUsers() {
  const server = createMockServer({ seed: 'empty' });
  onTestFinished(() => server.dispose());
  return { server, alice: await join(server, 'alice'), bob: await join(server, 'bob') };
}

const texts = (client: ChatClient, rootId: string) => client.getThreadMessages(rootId).map((m) => m.text);

describe('threads', () => {
  it('a reply goes to the thread, not the conversation, and the root counts it for everyone', async () => {
    const { alice, bob } = await twoUsers();
    const root = await alice.sendMessage('general', { text: 'deploy at 5?' });
    await bob.openThread(root.id);
    const reply = await alice.sendMessage('general', { text: 'in thread', parentId: root.id });
    expect(reply.parentId).toBe(root.id);
    expect(alice.getMessages('general').map((m) => m.text)).toEqual(['deploy at 5?']);
    await vi.waitFor(() => expect(texts(bob, root.id)).toEqual(['in thread']));
    expect(bob.getMessages('general').map((m) => m.text)).toEqual(['deploy at 5?']);
    await vi.waitFor(() => expect(bob.getMessages('general')[0]).toMatchObject({ replyCount: 1, replierIds: ['alice'] }));
    expect(bob.store.getState().threadRoots[root.id]).toMatchObject({ id: root.id, replyCount: 1 });
  });

  it('a reply written offline shows in the thread at once and is sent once when the link is back', async () => {
    const { server, alice, bob } = await twoUsers();
    const root = await alice.sendMessage('general', { text: 'root' });
    await alice.openThread(root.id);
    await bob.openThread(root.id);
    server.setOnline('alice', false);
    const sending = alice.sendMessage('general', { text: 'written offline', parentId: root.id });
    expect(alice.getThreadMessages(root.id)).toMatchObject([{ text: 'written offline', status: 'sending' }]);
    expect(alice.getMessages('general')).toHaveLength(1);
    server.setOnline('alice', true);
    await sending;
    await vi.waitFor(() => expect(texts(bob, root.id)).toEqual(['written offline']));
    expect(alice.getThreadMessages(root.id)).toMatchObject([{ text: 'written offline', status: 'sent', seq: 1 }]);
  });

  it('replies missed while offline are filled in after reconnecting, exactly once and in order', async () => {
    const { server, alice, bob } = await twoUsers();
    const root = await alice.sendMessage('general', { text: 'root' });
    await bob.openThread(root.id);
    await alice.sendMessage('general', { text: 'one', parentId: root.id });
    await vi.waitFor(() => expect(texts(bob, root.id)).toEqual(['one']));
    server.setOnline('bob', false);
    await alice.sendMessage('general', { text: 'two', parentId: root.id });
    await alice.sendMessage('general', { text: 'three', parentId: root.id });
    server.setOnline('bob', true);
    await vi.waitFor(() => expect(texts(bob, root.id)).toEqual(['one', 'two', 'three']));
    expect(bob.getThreadMessages(root.id).map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('older replies page in, and the root of a thread is there without its conversation page', async () => {
    const server = createMockServer({ seed: 'empty' });
    onTestFinished(() => server.dispose());
    const alice = await join(server, 'alice');
    const root = await alice.sendMessage('general', { text: 'root' });
    for (let i = 1; i <= 7; i++) await alice.sendMessage('general', { text: `r${i}`, parentId: root.id });
    const bob = createChatClient({
      transport: server.connect({ userId: 'bob', token: 'bob-token' }),
      userId: 'bob',
      outbox: createMemoryOutbox(),
      pageSize: 3,
    });
    onTestFinished(() => bob.disconnect());
    await bob.connect();
    await bob.openThread(root.id);
    expect(texts(bob, root.id)).toEqual(['r5', 'r6', 'r7']);
    expect(bob.store.getState().threadRoots[root.id]).toMatchObject({ text: 'root', replyCount: 7 });
    while (await bob.loadOlderThread(root.id));
    expect(texts(bob, root.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
  });

  it('a participant counts unread replies until they read the thread', async () => {
    const { alice, bob } = await twoUsers();
    const root = await alice.sendMessage('general', { text: 'root' });
    await bob.sendMessage('general', { text: 'bob joins', parentId: root.id });
    await alice.sendMessage('general', { text: 'alice answers', parentId: root.id });
    await vi.waitFor(() => expect(bob.store.getState().conversations.general!.unreadThreads).toEqual({ [root.id]: 1 }));
    await bob.openThread(root.id);
    bob.markThreadRead(root.id);
    expect(bob.store.getState().conversations.general!.unreadThreads).toEqual({});
    // The server heard it: a fresh list says the same.
    await vi.waitFor(async () => {
      await bob.loadConversations();
      expect(bob.store.getState().conversations.general!.unreadThreads).toEqual({});
    });
  });

  it('edits and deletes of a reply reach the other side in the thread', async () => {
    const { alice, bob } = await twoUsers();
    const root = await alice.sendMessage('general', { text: 'root' });
    await bob.openThread(root.id);
    const reply = await alice.sendMessage('general', { text: 'typo', parentId: root.id });
    await alice.openThread(root.id);
    await alice.editMessage(reply.id, 'fixed');
    await vi.waitFor(() => expect(texts(bob, root.id)).toEqual(['fixed']));
    await alice.deleteMessage(reply.id);
    await vi.waitFor(() => expect(bob.getThreadMessages(root.id)[0]?.deletedAt).toBeDefined());
  });
});
