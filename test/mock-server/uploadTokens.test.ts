// @vitest-environment node
// Node, not jsdom: the server makes real object URLs (jsdom has no URL.createObjectURL).
/** The in-browser upload endpoint answers an expired token as the handshake does: `token_expired`, not `unauthorized`. */
import { afterEach, describe, expect, it } from 'vitest';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { png } from './imageFixtures';

let server: MockChatServer;
afterEach(() => server?.dispose());

const input = () => ({ conversationId: 'general', file: new File([png(1, 1) as Uint8Array<ArrayBuffer>], 'a.png') });

describe('server.upload with an issued token', () => {
  it('past its time: 401 token_expired; revoked: 401 unauthorized', async () => {
    let now = 1_000;
    server = createMockServer({ tokenTtlMs: 5_000, now: () => now });
    const expiring = server.issueToken('alice');
    const revoked = server.issueToken('alice');
    expect((await server.upload({ userId: 'alice', token: expiring }, input())).ok).toBe(true);
    server.revokeToken('alice', revoked);
    expect(await server.upload({ userId: 'alice', token: revoked }, input())).toMatchObject({ ok: false, status: 401, error: { code: 'unauthorized' } });

    now = 6_000;
    expect(await server.upload({ userId: 'alice', token: expiring }, input())).toMatchObject({
      ok: false,
      status: 401,
      error: { code: 'token_expired' },
    });
  });
});
