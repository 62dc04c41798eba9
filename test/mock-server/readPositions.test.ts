import { describe, expect, it } from 'vitest';
import { newServer, record } from './helpers';

function withHistory(count: number) {
  const server = newServer({ seed: 'empty' });
  server.addMessages(
    'general',
    Array.from({ length: count }, (_, i) => ({ authorId: 'bob', text: `m${i + 1}`, createdAt: i + 1 })),
  );
  return server;
}

describe('server.setReadPosition', () => {
  it("sets a member's read position: their unread count, the receipts others see, and a read push", () => {
    const server = withHistory(10);
    const carol = record(server, 'carol');
    expect(server.conversation('general', 'alice')!.unreadCount).toBe(10);

    expect(server.setReadPosition('general', 'alice', 7)).toBe(7);

    expect(server.conversation('general', 'alice')!.unreadCount).toBe(3);
    expect(server.conversation('general')!.readSeqs.alice).toBe(7);
    // Reading implies delivery.
    expect(server.conversation('general')!.deliveredSeqs.alice).toBe(7);
    expect(carol.of('read')).toEqual([{ conversationId: 'general', userId: 'alice', seq: 7 }]);
  });

  it('moves forward only and never past the last message, like a member’s own read', () => {
    const server = withHistory(5);
    server.setReadPosition('general', 'alice', 4);
    expect(server.setReadPosition('general', 'alice', 2)).toBe(4);
    expect(server.setReadPosition('general', 'alice', 99)).toBe(5);
    expect(server.conversation('general')!.readSeqs.alice).toBe(5);
  });

  it('refuses an unknown conversation, a non-member and a position that is not a seq', () => {
    const server = withHistory(3);
    expect(() => server.setReadPosition('nope', 'alice', 1)).toThrow(/Unknown conversation/);
    expect(() => server.setReadPosition('bob-carol', 'alice', 1)).toThrow(/not a member/);
    expect(() => server.setReadPosition('general', 'alice', -1)).toThrow(/read position/);
    expect(() => server.setReadPosition('general', 'alice', 1.5)).toThrow(/read position/);
    expect(server.conversation('general')!.readSeqs.alice).toBe(0);
  });
});
