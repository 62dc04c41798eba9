// @vitest-environment node
/**
 * Reactions over real socket.io, as an attacker would send them: only one
 * emoji per reaction (no text, links, newlines or bidi controls on everyone's
 * screen), and caps that stop one member from filling a message, so the rest
 * can always still react.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from 'parley/core';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { closeAllClients, connect, type Client } from './helpers';

let running: RunningMockServer;
let url: string;

// Rate limits are gateway.test.ts's subject; here one user sends many reactions in a row.
beforeAll(async () => {
  running = await startMockServer({ port: 0, host: '127.0.0.1', botDelayMs: 50, rateLimits: false });
  url = running.url;
});

afterEach(() => closeAllClients());

afterAll(async () => {
  await running.close();
});

/** Distinct emoji with emoji presentation: 😀 U+1F600 onwards. */
const emoji = (i: number) => String.fromCodePoint(0x1f600 + i);

/** A fresh message in `random`, whose six members are alice, bob, carol, dave, erin and frank. */
function freshMessage(): string {
  return running.server.postMessage('random', { authorId: 'frank', text: 'react to me' }).id;
}

const reactionsOf = (id: string) => running.server.messages('random').find((m) => m.id === id)!.reactions ?? {};

async function react(client: Client, id: string, e: string) {
  return client.request('reaction:add', { id, emoji: e });
}

describe('a reaction is one emoji', () => {
  it('refuses text, links, whitespace, several emoji and bidi or control characters, and stores nothing', async () => {
    const alice = await connect(url, 'alice-token');
    const bob = await connect(url, 'bob-token');
    const id = freshMessage();
    await bob.next('message:new', (m) => m.id === id);
    for (const text of ['FREE BTC evil.example', 'ok', '👍\n', ' 👍', '👍👍', '\u202E👍', '\u2066', '\u0007', '©', '12']) {
      const ack = await react(alice, id, text);
      expect(ack, JSON.stringify(text)).toEqual({
        ok: false,
        error: { code: 'invalid_payload', message: 'Invalid payload for "reaction:add": emoji: not a usable reaction' },
      });
    }
    expect(reactionsOf(id)).toEqual({});
    await bob.request('conversations:list');
    expect(bob.of('message:updated').filter((m: any) => m.id === id)).toEqual([]);
  });

  it('accepts keycaps, flags, ZWJ sequences and skin tones, stored exactly as sent', async () => {
    const alice = await connect(url, 'alice-token');
    const id = freshMessage();
    const kinds = ['1️⃣', '🇫🇷', '👩‍👩‍👧‍👦', '👍🏽', '🏳️‍🌈', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '❤️'];
    for (const e of kinds) expect((await react(alice, id, e)).ok, e).toBe(true);
    expect(Object.keys(reactionsOf(id))).toEqual(kinds);
  });
});

describe('caps that limit only the one who reached them', () => {
  it(`one member gets at most ${LIMITS.maxReactionsPerUser} different emoji on a message; everyone else can still react`, async () => {
    const alice = await connect(url, 'alice-token');
    const bob = await connect(url, 'bob-token');
    const id = freshMessage();
    for (let i = 0; i < LIMITS.maxReactionsPerUser; i++) expect((await react(alice, id, emoji(i))).ok, emoji(i)).toBe(true);
    // The 11th is refused with too_large (a cap, final: retrying will not help) and changes nothing.
    const over = await react(alice, id, emoji(40));
    expect(over).toEqual({
      ok: false,
      error: {
        code: 'too_large',
        message: `You can react with at most ${LIMITS.maxReactionsPerUser} different emoji to one message; take one back first`,
      },
    });
    expect(Object.keys(reactionsOf(id))).toHaveLength(LIMITS.maxReactionsPerUser);
    // Repeating one she has is still the usual no-op, and joining someone else's counts too.
    expect((await react(alice, id, emoji(0))).ok).toBe(true);
    expect((await react(bob, id, emoji(41))).ok).toBe(true);
    expect((await react(alice, id, emoji(41))).error.code).toBe('too_large');
    // Bob is not limited by alice: a new emoji of his own, and a +1 on hers.
    expect((await react(bob, id, emoji(42))).ok).toBe(true);
    expect((await react(bob, id, emoji(0))).message.reactions[emoji(0)]).toEqual(['alice', 'bob']);
    // Taking one back frees a place.
    expect((await alice.request('reaction:remove', { id, emoji: emoji(9) })).ok).toBe(true);
    expect((await react(alice, id, emoji(43))).ok).toBe(true);
  });

  it(`a message full of ${LIMITS.maxReactionKinds} different emoji still takes everyone's +1`, async () => {
    const members = ['alice', 'bob', 'carol', 'dave', 'erin'];
    const perUser = LIMITS.maxReactionsPerUser;
    expect(members.length * perUser).toBe(LIMITS.maxReactionKinds);
    const id = freshMessage();
    for (const [n, user] of members.entries()) {
      const client = await connect(url, `${user}-token`);
      for (let i = 0; i < perUser; i++) expect((await react(client, id, emoji(n * perUser + i))).ok).toBe(true);
    }
    expect(Object.keys(reactionsOf(id))).toHaveLength(LIMITS.maxReactionKinds);
    const frank = await connect(url, 'frank-token');
    expect(await react(frank, id, emoji(60))).toEqual({
      ok: false,
      error: { code: 'too_large', message: `This message already carries ${LIMITS.maxReactionKinds} different emoji; react with one of those` },
    });
    const joined = await react(frank, id, emoji(7));
    expect(joined.message.reactions[emoji(7)]).toEqual(['alice', 'frank']);
  });
});
