import { describe, expect, it } from 'vitest';
import { newServer, record } from './helpers';

describe('presence', () => {
  it('announces a user’s first session and last departure to the people they share conversations with', () => {
    const server = newServer();
    const bob = record(server, 'bob');
    const erin = record(server, 'erin'); // shares general etc. with alice
    const alice = record(server, 'alice');
    const aboutAlice = () => bob.of('presence').filter((p) => (p as { userId: string }).userId === 'alice');
    expect(aboutAlice()).toEqual([{ userId: 'alice', online: true }]);
    expect(erin.of('presence')).toContainEqual({ userId: 'alice', online: true });
    // The newcomer learns who is online already, the always-online bot included.
    expect(alice.of('presence')).toEqual(
      expect.arrayContaining([
        { userId: 'bob', online: true },
        { userId: 'erin', online: true },
        { userId: 'parley-bot', online: true },
      ]),
    );
    const aliceTab2 = record(server, 'alice');
    expect(aboutAlice()).toHaveLength(1);
    server.detach(alice.session);
    expect(aboutAlice()).toHaveLength(1);
    expect(server.isConnected('alice')).toBe(true);
    server.detach(aliceTab2.session);
    expect(aboutAlice()).toEqual([
      { userId: 'alice', online: true },
      { userId: 'alice', online: false },
    ]);
    expect(server.isConnected('alice')).toBe(false);
  });

  it('tells a newcomer only about their contacts', () => {
    // Every seeded human shares "general", but only alice talks to the bot.
    const server = newServer();
    record(server, 'carol');
    const bob = record(server, 'bob');
    expect(bob.of('presence')).toEqual([{ userId: 'carol', online: true }]);
  });
});

describe('network cuts and restarts', () => {
  it('setOnline(false) drops the user’s sessions (retryable) and refuses them until healed', () => {
    const server = newServer();
    const bob = record(server, 'bob');
    const alice = record(server, 'alice');
    server.setOnline('alice', false);
    expect(alice.drops).toEqual([{ retry: true, error: { code: 'disconnected', message: 'Network cut for user "alice"' } }]);
    expect(bob.of('presence').at(-1)).toEqual({ userId: 'alice', online: false });
    expect(server.isConnected('alice')).toBe(false);
    const refused = server.attach({ userId: 'alice', token: 'alice-token' }, { deliver: () => {}, drop: () => {} });
    expect(refused).toMatchObject({ ok: false, retry: true, error: { code: 'disconnected' } });
    // Pushes no longer reach the cut session.
    server.postMessage('general', { authorId: 'bob', text: 'anyone?' });
    expect(alice.of('message:new')).toEqual([]);
    expect(bob.drops).toEqual([]);
    server.setOnline('alice', true);
    expect(record(server, 'alice').session.userId).toBe('alice');
  });

  it('restart drops everyone with retry and keeps the data; dispose drops for good', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    server.postMessage('general', { authorId: 'bob', text: 'before restart' });
    const before = server.messages('general');
    server.restart();
    expect(alice.drops).toEqual([{ retry: true, error: { code: 'disconnected', message: 'The mock server restarted' } }]);
    expect(server.messages('general')).toEqual(before);
    const again = record(server, 'alice');
    server.dispose();
    expect(again.drops[0]).toMatchObject({ retry: false });
    const refused = server.attach({ userId: 'alice', token: 'alice-token' }, { deliver: () => {}, drop: () => {} });
    expect(refused).toMatchObject({ ok: false, retry: false });
  });
});
