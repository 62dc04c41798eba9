/**
 * Property-based fuzzing of the client's inbound boundary: server pushes
 * (transport.push) and acks (the ScriptedTransport handler). Hand-written
 * hostile cases live in client.inbound.test.ts; here fast-check generates
 * them. A failing property prints its seed and counterexample; replay with
 * `fc.assert(..., { seed, path })`.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createChatClient, type ChatClient } from '../../src/core/client';
import { ChatError } from '../../src/core/errors';
import { createMemoryOutbox } from '../../src/core/outbox';
import { SERVER_EVENTS, type ClientEvent, type ServerEvent } from '../../src/core/protocol';
// Validity is judged by the valibot oracle, not by the validators under test.
import { FailedAckSchema, MessageSchema, ResultSchemas, ServerEventSchemas } from '../support/valibotProtocol';
import {
  expectNoPollution,
  expectStoreInvariants,
  hostileValue,
  mutate,
  mutationArb,
  protoDict,
  prototypeSnapshot,
  validMessageArb,
  wireOf,
  type Mutation,
} from './fuzzArbitraries';
import { conversation, message, ScriptedTransport, type Handler } from './scriptedTransport';

/** Runs per property; explicit so a slow machine does not silently test less. */
const RUNS = 500;
/**
 * A property of 500 runs takes 1–2 s on an idle machine of this project's kind and about
 * 5 s with both cores busy: the limit leaves a wide margin instead of Vitest's default 5 s.
 */
const PROPERTY_TIMEOUT_MS = 60_000;

/** Every pending microtask chain (ScriptedTransport answers in microtasks) runs before this resolves. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

type Msg = ReturnType<typeof message>;

/** The fixture's history: four messages in `general`, the second one alice's. */
const baseLog = (): Msg[] => [message(1), message(2, { authorId: 'alice' }), message(3), message(4)];

/** A well-behaved server over `log` (read at answer time, so a test may grow it). */
function fixtureServer(log: Msg[], snapshot?: { top: number }): Handler {
  return (event, payload) => {
    const p = (payload ?? {}) as Record<string, number | string>;
    switch (event) {
      case 'conversations:list':
        return {
          ok: true,
          conversations: [
            conversation('general', { lastSeq: log.length, lastMessage: log[log.length - 1] ?? null, readSeqs: { alice: 0, bob: 1 } }),
            conversation('other', { memberIds: ['alice', 'carol'] }),
          ],
          users: [
            { id: 'alice', name: 'Alice' },
            { id: 'bob', name: 'Bob' },
          ],
        };
      // `log` is general's; 'other' has no messages (the client follows both, so it may ask for either).
      case 'messages:before': {
        if (p.conversationId !== 'general') return { ok: true, messages: [], hasMore: false };
        const limit = Number(p.limit ?? 50);
        const older = log.filter((m) => m.seq < Number(p.beforeSeq));
        const page = older.slice(Math.max(0, older.length - limit));
        if (snapshot && p.beforeSeq === Number.MAX_SAFE_INTEGER) snapshot.top = page[page.length - 1]?.seq ?? 0;
        return { ok: true, messages: page, hasMore: page.length > 0 && page[0]!.seq > 1 };
      }
      case 'messages:since': {
        if (p.conversationId !== 'general') return { ok: true, messages: [], hasMore: false };
        const limit = Number(p.limit ?? 50);
        const newer = log.filter((m) => m.seq > Number(p.afterSeq));
        return { ok: true, messages: newer.slice(0, limit), hasMore: newer.length > limit };
      }
      default:
        return { ok: true };
    }
  };
}

interface Fixture {
  transport: ScriptedTransport;
  client: ChatClient;
  errors: ChatError[];
  log: Msg[];
}

/** A connected client (user alice) with `general` open and holding the four fixture messages. */
async function fixture(handler?: Handler, log = baseLog()): Promise<Fixture> {
  const transport = new ScriptedTransport(handler ?? fixtureServer(log));
  const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox() });
  const errors: ChatError[] = [];
  client.on('error', (e) => errors.push(e));
  await client.connect();
  await client.openConversation('general');
  await flush();
  return { transport, client, errors, log };
}

function isKnownEvent(event: unknown): event is ServerEvent {
  return typeof event === 'string' && Object.prototype.hasOwnProperty.call(ServerEventSchemas, event);
}

function isValidPush(event: unknown, payload: unknown): boolean {
  return isKnownEvent(event) && v.safeParse(ServerEventSchemas[event], payload).success;
}

/** A valid payload for each server event, to be corrupted. */
const validPayload: { [E in ServerEvent]: fc.Arbitrary<unknown> } = {
  'message:new': validMessageArb('general', fc.integer({ min: 1, max: 9 })),
  'message:updated': validMessageArb('general', fc.integer({ min: 1, max: 5 })),
  typing: fc.record({ conversationId: fc.constantFrom('general', 'other'), userId: fc.constantFrom('bob', 'carol'), isTyping: fc.boolean() }),
  read: fc.record({ conversationId: fc.constantFrom('general', 'other'), userId: fc.constantFrom('alice', 'bob'), seq: fc.nat(9) }),
  delivered: fc.record({ conversationId: fc.constantFrom('general', 'other'), userId: fc.constantFrom('alice', 'bob', 'carol'), seq: fc.nat(9) }),
  presence: fc.record({ userId: fc.constantFrom('bob', 'carol', 'dave'), online: fc.boolean() }),
  'conversation:updated': fc.record(
    {
      id: fc.constantFrom('general', 'other', 'new-one'),
      kind: fc.constantFrom('direct', 'group', 'bot'),
      title: fc.string({ maxLength: 20 }),
      memberIds: fc.subarray(['alice', 'bob', 'carol']),
      lastSeq: fc.nat(9),
      lastMessage: fc.constant(null),
      readSeqs: fc.dictionary(fc.constantFrom('alice', 'bob'), fc.nat(9)),
      // Optional: servers from before delivery receipts leave it out.
      deliveredSeqs: fc.dictionary(fc.constantFrom('alice', 'bob', 'carol'), fc.nat(9)),
      unreadCount: fc.nat(9),
      createdAt: fc.nat(),
      updatedAt: fc.nat(),
    },
    { requiredKeys: ['id', 'kind', 'title', 'memberIds', 'lastSeq', 'lastMessage', 'readSeqs', 'unreadCount', 'createdAt', 'updatedAt'] },
  ),
};

const eventName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...SERVER_EVENTS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'message:NEW', 'message:new ', '', 'messages:since', 'error', 'connect'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** A frame for `event`: a wholly hostile value, or a valid payload with one to three corruptions. */
const frameFor = (event: string): fc.Arbitrary<unknown> => {
  const base = isKnownEvent(event) ? validPayload[event] : validPayload['message:new'];
  return fc.oneof(
    hostileValue,
    protoDict,
    fc.tuple(base, fc.array(mutationArb, { minLength: 1, maxLength: 3 })).map(([valid, ms]) => mutate(valid, ...ms)),
  );
};

describe('inbound fuzz: server pushes', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('any frame under any event name: no throw, no pollution; invalid ⇒ dropped, store untouched, one invalid_payload error', async () => {
    const snapshot = prototypeSnapshot();
    await fc.assert(
      fc.asyncProperty(
        eventName.chain((event) => fc.tuple(fc.constant(event), frameFor(event))),
        async ([event, payload]) => {
          const { transport, client, errors } = await fixture();
          try {
            const before = client.store.getState();
            const valid = isValidPush(event, payload);
            expect(() => transport.push(event, payload)).not.toThrow();
            if (!valid) {
              expect(client.store.getState()).toBe(before);
              expect(errors.map((e) => e.code)).toEqual(['invalid_payload']);
              expect(errors[0]).toBeInstanceOf(ChatError);
            }
            await flush();
            if (valid) expect(errors).toEqual([]);
            expectNoPollution(snapshot);
            expectStoreInvariants(client.store.getState());
          } finally {
            client.disconnect();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a non-string event name (e.g. a number from a socket.io frame, or worse) is reported, not thrown', async () => {
    const snapshot = prototypeSnapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.anything({ withNullPrototype: true, withBoxedValues: true, withObjectString: true, maxDepth: 2 }).filter((x) => typeof x !== 'string'),
        hostileValue,
        async (event, payload) => {
          const { transport, client, errors } = await fixture();
          try {
            const before = client.store.getState();
            expect(() => transport.push(event as string, payload)).not.toThrow();
            expect(client.store.getState()).toBe(before);
            expect(errors.map((e) => e.code)).toEqual(['invalid_payload']);
            expectNoPollution(snapshot);
          } finally {
            client.disconnect();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('mutated valid messages: invalid ones are rejected and reported; valid ones are stored with unknown fields stripped', async () => {
    const snapshot = prototypeSnapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('message:new' as const, 'message:updated' as const),
        validMessageArb('general', fc.integer({ min: 1, max: 6 })),
        fc.array(mutationArb, { minLength: 1, maxLength: 2 }),
        async (event, valid, mutations: Mutation[]) => {
          const { transport, client, errors } = await fixture();
          try {
            const corrupted = mutate(valid, ...mutations);
            const parsed = v.safeParse(MessageSchema, corrupted);
            const before = client.store.getState();
            const beforeGeneral = client.getMessages('general');
            expect(() => transport.push(event, corrupted)).not.toThrow();
            await flush();
            if (!parsed.success) {
              expect(client.store.getState()).toBe(before);
              expect(errors).toHaveLength(1);
              expect(errors[0]).toMatchObject({ code: 'invalid_payload', event });
            } else {
              expect(errors).toEqual([]);
              const stored = client.getMessages(parsed.output.conversationId);
              if (parsed.output.conversationId === 'general') {
                const found = stored.find((m) => m.seq === parsed.output.seq);
                expect(found, 'the valid message is in the timeline').toBeDefined();
                // Exactly the schema's output: extra fields (at any depth) stripped, nothing added but `status`.
                expect(wireOf(found!)).toStrictEqual(parsed.output);
                expect(found!.status).toBe('sent');
              } else {
                // Another conversation, not open here: the open timeline is untouched.
                expect(client.getMessages('general')).toEqual(beforeGeneral);
              }
            }
            expectNoPollution(snapshot);
            expectStoreInvariants(client.store.getState());
          } finally {
            client.disconnect();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('valid but hostile ordering (shuffled, duplicated, gapped seqs, pushed while the first page loads): the timeline ends equal to the server log', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 40 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            /** Messages the server had when the conversation was opened. */
            k: fc.integer({ min: 0, max: n }),
            pageSize: fc.integer({ min: 1, max: 8 }),
            pushes: fc.array(fc.record({ seq: fc.integer({ min: 1, max: n }), yieldAfter: fc.boolean() }), { maxLength: 60 }),
            pushWhileOpening: fc.boolean(),
            /** Whether the push of the newest message arrives last (then the client must end with all of them). */
            newestLast: fc.boolean(),
            /** Microtasks each answer is held back, consumed in order (varies how requests and pushes interleave). */
            delays: fc.array(fc.nat(6), { minLength: 1, maxLength: 20 }),
          }),
        ),
        async ({ n, k, pageSize, pushes, pushWhileOpening, newestLast, delays }) => {
          const full: Msg[] = Array.from({ length: n }, (_, i) => message(i + 1, { authorId: i % 3 === 0 ? 'alice' : 'bob' }));
          const served: Msg[] = full.slice(0, k);
          const opened = { top: 0 };
          const answer = fixtureServer(served, opened);
          let nth = 0;
          const transport = new ScriptedTransport(async (event, payload) => {
            for (let i = delays[nth++ % delays.length]!; i > 0; i--) await Promise.resolve();
            return answer(event, payload);
          });
          const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox(), pageSize });
          const errors: ChatError[] = [];
          client.on('error', (e) => errors.push(e));
          try {
            await client.connect();
            const opening = client.openConversation('general');
            if (!pushWhileOpening) await opening;
            // The rest of the log reaches the server; its pushes reach us in any order, some twice, some never.
            served.push(...full.slice(k));
            for (const { seq, yieldAfter } of pushes) {
              transport.push('message:new', structuredClone(full[seq - 1]));
              if (yieldAfter) await Promise.resolve();
            }
            if (newestLast) transport.push('message:new', structuredClone(full[n - 1]));
            await opening;
            await flush();
            for (let guard = 0; (await client.loadOlder('general')) && guard < 100; guard++) await flush();
            await flush();

            // The client cannot know of messages nobody told it about (a gap fill may teach it more),
            // but it must hold everything from seq 1 up to the newest it knows: no holes, no duplicates.
            const got = client.getMessages('general');
            const top = got[got.length - 1]?.seq ?? 0;
            const told = Math.max(opened.top, ...pushes.map((p) => p.seq), newestLast ? n : 0);
            expect(top).toBeGreaterThanOrEqual(told);
            const expectedTop = top;
            expect(got.map((m) => m.id)).toEqual(full.slice(0, expectedTop).map((m) => m.id));
            expect(got.map(wireOf)).toStrictEqual(full.slice(0, expectedTop));
            expect(errors).toEqual([]);
            expectStoreInvariants(client.store.getState());
          } finally {
            client.disconnect();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a duplicate of a message already stored wakes no store subscriber (storeUpdates returns {} "so no subscriber wakes up")', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('message:new' as const, 'message:updated' as const),
        async (seqs, event) => {
          const { transport, client, errors, log } = await fixture();
          try {
            const before = client.store.getState();
            let wakeups = 0;
            const unsubscribe = client.store.subscribe(() => wakeups++);
            for (const seq of seqs) transport.push(event, structuredClone(log[seq - 1]));
            await flush();
            unsubscribe();
            expect(errors).toEqual([]);
            expect(wakeups).toBe(0);
            expect(client.store.getState()).toBe(before);
          } finally {
            client.disconnect();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a server that reuses a message id at another seq cannot put two rows with the same id in a timeline', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom('message:new' as const, 'message:updated' as const),
        async (reusedSeq, atSeq, event) => {
          const { transport, client, log } = await fixture();
          try {
            const reused = log[reusedSeq - 1]!;
            transport.push(event, message(atSeq, { id: reused.id, text: 'same id, other seq' }));
            await flush();
            expectStoreInvariants(client.store.getState());
          } finally {
            client.disconnect();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// ------------------------------------------------------------------- acks

type AckMode =
  | { kind: 'valid' }
  | { kind: 'hostile'; value: unknown }
  | { kind: 'mutated'; mutations: Mutation[] }
  | { kind: 'failed'; error: { code: string; message: string } }
  | { kind: 'throw'; value: unknown };

const ackMode: fc.Arbitrary<AckMode> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'valid' as const }) },
  { weight: 2, arbitrary: hostileValue.map((value) => ({ kind: 'hostile' as const, value })) },
  { weight: 4, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 2 }).map((mutations) => ({ kind: 'mutated' as const, mutations })) },
  {
    weight: 1,
    arbitrary: fc
      .record({
        // Not 'timeout'/'disconnected': a server answering those while the link is up leaves connect()
        // waiting for a reconnect that never comes (see reconnect.test.ts, "a lost conversations:list ack").
        code: fc.oneof(fc.constantFrom('forbidden', 'not_found', 'internal', 'rate_limited', 'invalid_payload', 'teapot'), fc.string({ maxLength: 20 })),
        message: fc.string({ maxLength: 40 }),
      })
      .filter((e) => e.code !== 'timeout' && e.code !== 'disconnected')
      .map((error) => ({ kind: 'failed' as const, error })),
  },
);

/** The same, plus a transport whose request rejects with something other than a TransportError. */
const ackOrThrowMode: fc.Arbitrary<AckMode> = fc.oneof(
  { weight: 3, arbitrary: ackMode },
  { weight: 1, arbitrary: hostileValue.map((value) => ({ kind: 'throw' as const, value })) },
);

const ACK_EVENTS = ['conversations:list', 'messages:before', 'messages:since', 'message:send', 'message:edit', 'reaction:add', 'read', 'delivered'] as const satisfies readonly ClientEvent[];

/** A server over the fixture log whose acks are replaced according to `modes` (cycled per event). */
function ackServer(modes: Partial<Record<ClientEvent, AckMode[]>>) {
  const log = baseLog();
  const valid = fixtureServer(log);
  const counters = new Map<string, number>();
  const answers: { event: string; raw: unknown }[] = [];
  const sent = new Map<string, Msg>();
  const stored = (p: Record<string, unknown>): unknown => {
    switch (p.__event) {
      case 'message:send': {
        const clientId = String(p.clientId);
        let m = sent.get(clientId);
        if (!m) {
          m = message(log.length + 1, { id: `s${log.length + 1}`, clientId, authorId: 'alice', text: String(p.text), conversationId: String(p.conversationId) });
          log.push(m);
          sent.set(clientId, m);
        }
        return { ok: true, message: m };
      }
      case 'message:edit':
      case 'reaction:add': {
        const i = log.findIndex((m) => m.id === p.id);
        if (i < 0) return { ok: false, error: { code: 'not_found', message: 'no such message' } };
        const next =
          p.__event === 'message:edit'
            ? { ...log[i]!, text: String(p.text), editedAt: 5000 }
            : { ...log[i]!, reactions: { [String(p.emoji)]: ['alice'] } };
        log[i] = next as Msg;
        return { ok: true, message: next };
      }
      default:
        return undefined;
    }
  };
  const handler: Handler = (event, payload) => {
    const n = counters.get(event) ?? 0;
    counters.set(event, n + 1);
    const list = modes[event as ClientEvent] ?? [{ kind: 'valid' }];
    const mode = list[n % list.length]!;
    // The server does its work whatever happens to the ack on the way back.
    const good = stored({ ...(payload as object), __event: event }) ?? valid(event, payload);
    let raw: unknown;
    switch (mode.kind) {
      case 'valid':
        raw = good;
        break;
      case 'hostile':
        raw = mode.value;
        break;
      case 'mutated':
        raw = mutate(good, ...mode.mutations);
        break;
      case 'failed':
        raw = { ok: false, error: mode.error };
        break;
      case 'throw':
        answers.push({ event, raw: 'thrown' });
        throw mode.value;
    }
    answers.push({ event, raw });
    return raw;
  };
  return { handler, answers, log };
}

type Outcome = { state: 'pending' } | { state: 'resolved'; value: unknown } | { state: 'rejected'; error: unknown };

function track<T>(promise: Promise<T>): { outcome: Outcome } {
  const box: { outcome: Outcome } = { outcome: { state: 'pending' } };
  promise.then(
    (value) => (box.outcome = { state: 'resolved', value }),
    (error: unknown) => (box.outcome = { state: 'rejected', error }),
  );
  return box;
}

async function checkAcks(mode: fc.Arbitrary<AckMode>): Promise<void> {
    const snapshot = prototypeSnapshot();
    /** Runs that got as far as a `delivered` report (it needs a good conversation list or page first). */
    let deliveredAcks = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record(Object.fromEntries(ACK_EVENTS.map((e) => [e, fc.array(mode, { minLength: 1, maxLength: 3 })])) as {
          [E in (typeof ACK_EVENTS)[number]]: fc.Arbitrary<AckMode[]>;
        }),
        async (modes) => {
          const { handler, answers } = ackServer(modes);
          const transport = new ScriptedTransport(handler);
          const client = createChatClient({
            transport,
            userId: 'alice',
            outbox: createMemoryOutbox(),
            pageSize: 2,
            retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
            // The fixture's messages from bob are reported at once, so `delivered` acks are fuzzed too.
            deliveredDelayMs: 0,
          });
          const errors: unknown[] = [];
          client.on('error', (e) => errors.push(e));
          try {
            const calls: [string, { outcome: Outcome }][] = [];
            const run = async (name: string, call: () => Promise<unknown>) => {
              let promise: Promise<unknown>;
              try {
                promise = call();
              } catch (err) {
                throw new Error(`${name} threw synchronously: ${String(err)}`);
              }
              const box = track(promise);
              calls.push([name, box]);
              await flush();
              await flush();
            };
            await run('connect', () => client.connect());
            await run('openConversation', () => client.openConversation('general'));
            await run('loadOlder', () => client.loadOlder('general'));
            await run('sendMessage', () => client.sendMessage('general', { text: 'hello' }));
            await run('editMessage', () => client.editMessage('m2', 'edited'));
            await run('addReaction', () => client.addReaction('m1', '👍'));
            client.markRead('general');
            await flush();
            await new Promise((resolve) => setTimeout(resolve, 0)); // after the 0 ms report timers set before it (Node keeps their order)
            await flush();
            if (answers.some((a) => a.event === 'delivered')) deliveredAcks++;

            for (const [name, box] of calls) {
              expect(box.outcome.state, `${name} settled`).not.toBe('pending');
              if (box.outcome.state === 'rejected') {
                const err = box.outcome.error;
                expect(err, `${name} rejects with a ChatError, not ${String(err)}`).toBeInstanceOf(ChatError);
                expect(typeof (err as ChatError).code).toBe('string');
              }
            }
            const send = calls.find(([name]) => name === 'sendMessage')![1].outcome;
            if (send.state === 'resolved') {
              expect(v.safeParse(MessageSchema, send.value).success).toBe(true);
              // A resolved send leaves no "sending…" row behind.
              expect(client.getMessages('general').filter((m) => m.status === 'sending')).toEqual([]);
            }
            for (const e of errors) expect(e).toBeInstanceOf(ChatError);
            for (const { event, raw } of answers) {
              if (raw === 'thrown') continue;
              const ok = v.safeParse(ResultSchemas[event as ClientEvent], raw).success;
              const failed = v.safeParse(FailedAckSchema, raw).success;
              if (!ok && !failed) {
                expect(
                  errors.some((e) => (e as ChatError).code === 'invalid_payload' && (e as ChatError).event === event),
                  `malformed "${event}" ack reported`,
                ).toBe(true);
              }
            }
            expectNoPollution(snapshot);
            expectStoreInvariants(client.store.getState());
          } finally {
            client.disconnect();
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(deliveredAcks, 'runs in which a delivered ack was fuzzed').toBeGreaterThan(RUNS / 10);
}

describe('inbound fuzz: acks', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('malformed or corrupted acks: every call settles with a ChatError or a valid result, malformed acks are reported, the store stays valid', async () => {
    await checkAcks(ackMode);
  });

  it('a transport whose request rejects with anything at all (not a TransportError): calls still reject with a ChatError', async () => {
    await checkAcks(ackOrThrowMode);
  });
});

/**
 * The smallest repros of what the properties above found, one per root
 * cause, so a failure names its bug without reading a counterexample.
 */
describe('inbound fuzz: minimal repros of fuzzer findings', () => {
  it('a message:updated for an old message below the loaded page does not leave a hole that loadOlder never fills', async () => {
    const log = [message(1), message(2), message(3)];
    const transport = new ScriptedTransport(fixtureServer(log));
    const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox(), pageSize: 1 });
    await client.connect();
    await client.openConversation('general'); // loads [m3]
    // Someone reacts to m1, which is not loaded: the server pushes the whole updated message.
    transport.push('message:updated', { ...message(1), reactions: { '👍': ['bob'] } });
    await flush();
    for (let guard = 0; (await client.loadOlder('general')) && guard < 10; guard++);
    expect(client.getMessages('general').map((m) => m.seq)).toEqual([1, 2, 3]);
    client.disconnect();
  });

  it('messages pushed while the first page loads, older than that page, do not leave a hole either', async () => {
    const log = [message(1)];
    const answer = fixtureServer(log);
    const transport = new ScriptedTransport(answer);
    const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox(), pageSize: 2 });
    await client.connect();
    const opening = client.openConversation('general');
    // Four more messages arrive before the page is answered; we hear of the second only.
    log.push(message(2), message(3), message(4), message(5));
    transport.push('message:new', message(2));
    await opening; // the page is [m4, m5]; m2 sits below it
    await flush();
    for (let guard = 0; (await client.loadOlder('general')) && guard < 10; guard++);
    expect(client.getMessages('general').map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    client.disconnect();
  });

  it('a duplicate push changes nothing and wakes no subscriber', async () => {
    const { transport, client, log } = await fixture();
    const before = client.store.getState();
    let wakeups = 0;
    client.store.subscribe(() => wakeups++);
    transport.push('message:new', structuredClone(log[3]));
    expect(wakeups).toBe(0);
    expect(client.store.getState()).toBe(before);
    client.disconnect();
  });

  it('a message id reused at another seq does not give two rows the same id', async () => {
    const { transport, client } = await fixture();
    transport.push('message:new', message(5, { id: 'm1' }));
    await flush();
    const ids = client.getMessages('general').map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    client.disconnect();
  });

  it('a page (messages:before / messages:since ack) holding another conversation’s message does not put it in this timeline', async () => {
    const log = baseLog();
    const answer = fixtureServer(log);
    const transport = new ScriptedTransport((event, payload) => {
      const ack = answer(event, payload) as { messages?: Msg[] };
      if (event === 'messages:before') ack.messages = ack.messages!.map((m) => (m.seq === 3 ? { ...m, conversationId: 'other' } : m));
      return ack;
    });
    const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox() });
    await client.connect();
    await client.openConversation('general').catch(() => undefined);
    expect(client.getMessages('general').filter((m) => m.conversationId !== 'general')).toEqual([]);
    client.disconnect();
  });

  it('a message:send ack for another clientId does not resolve the send and leave its row "sending" forever', async () => {
    const log = baseLog();
    const answer = fixtureServer(log);
    const transport = new ScriptedTransport((event, payload) =>
      event === 'message:send' ? { ok: true, message: message(5, { authorId: 'alice', clientId: 'someone-else' }) } : answer(event, payload),
    );
    const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox(), retry: { maxAttempts: 1 } });
    await client.connect();
    await client.openConversation('general');
    const outcome = track(client.sendMessage('general', { text: 'hello' }));
    await flush();
    expect(outcome.outcome.state).not.toBe('pending');
    expect(client.getMessages('general').filter((m) => m.status === 'sending')).toEqual([]);
    client.disconnect();
  });

  it.each([
    ['a null-prototype object', () => Object.create(null) as unknown],
    ['an object whose toString is not callable', () => ({ toString: [] })],
    ['a 20 000-deep array', () => { let a: unknown = []; for (let i = 0; i < 20_000; i++) a = [a]; return a; }],
  ])('a request rejected with %s: editMessage / addReaction reject with a ChatError', async (_name, make) => {
    const log = baseLog();
    const answer = fixtureServer(log);
    const transport = new ScriptedTransport((event, payload) => {
      if (event === 'message:edit' || event === 'reaction:add') throw make();
      return answer(event, payload);
    });
    const client = createChatClient({ transport, userId: 'alice', outbox: createMemoryOutbox() });
    await client.connect();
    await client.openConversation('general');
    await expect(client.editMessage('m2', 'edited')).rejects.toBeInstanceOf(ChatError);
    await expect(client.addReaction('m1', '👍')).rejects.toBeInstanceOf(ChatError);
    client.disconnect();
  });

  it('a null-prototype object as event name is reported, not thrown', async () => {
    const { transport, client, errors } = await fixture();
    expect(() => transport.push(Object.create(null) as string, {})).not.toThrow();
    expect(errors.map((e) => e.code)).toEqual(['invalid_payload']);
    client.disconnect();
  });
});
