/**
 * The kit's own validators (src/core/schema.ts) against the valibot schemas
 * they replaced (test/support/valibotProtocol.ts): the same values accepted,
 * the same outputs (unknown keys stripped, defaults filled), on generated
 * hostile and corrupted frames; then the rules one by one, with the messages
 * a developer reads when a backend sends something wrong.
 */
import fc from 'fast-check';
import * as valibot from 'valibot';
import * as core from 'parley/core';
import { describe, expect, it } from 'vitest';
import * as protocol from '../../src/core/protocol';
import * as v from '../../src/core/schema';
import * as oracle from '../support/valibotProtocol';
import { hostileValue, mutate, mutationArb, protoDict, validMessageArb, withOwn } from './fuzzArbitraries';

const RUNS = 1_000;

const message = (over: Record<string, unknown> = {}) => ({
  id: 'm1',
  clientId: 'c1',
  conversationId: 'general',
  authorId: 'bob',
  seq: 1,
  createdAt: 1_700_000_000_000,
  text: 'hi',
  attachments: [],
  ...over,
});

const conversation = (over: Record<string, unknown> = {}) => ({
  id: 'general',
  kind: 'group',
  title: 'General',
  memberIds: ['alice', 'bob'],
  lastSeq: 1,
  lastMessage: message(),
  readSeqs: { alice: 1 },
  deliveredSeqs: { bob: 1 },
  unreadCount: 0,
  createdAt: 0,
  updatedAt: 1,
  ...over,
});

const attachment = { id: 'a1', url: 'https://example.test/a.png', name: 'a.png', size: 10, mimeType: 'image/png', width: 2, height: 3 };

/** Valid frames of every shape, to be corrupted. */
const validFrame = fc.oneof(
  validMessageArb('general', fc.integer({ min: 1, max: 9 })),
  fc.constant(conversation()),
  fc.constant(conversation({ lastMessage: null, deliveredSeqs: undefined })),
  fc.constant({ id: 'bob', name: 'Bob', color: '#333', isBot: false }),
  fc.constant({ ok: true, messages: [message(), message({ id: 'm2', seq: 2 })], hasMore: false }),
  fc.constant({ ok: true, message: message() }),
  fc.constant({ ok: true, conversations: [conversation()], users: [{ id: 'bob', name: 'Bob' }] }),
  fc.constant({ ok: false, error: { code: 'forbidden', message: 'no' } }),
  fc.constant({ conversationId: 'general', userId: 'bob', isTyping: true, seq: 3, online: true }),
  fc.constant({ conversationId: 'general', clientId: 'c1', text: 'hi', attachments: [attachment], afterSeq: 0, beforeSeq: 9, limit: 5 }),
  fc.constant({ id: 'm1', emoji: '👍', text: 'edited' }),
  fc.constant(attachment),
);

const input = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(validFrame, fc.array(mutationArb, { minLength: 0, maxLength: 3 })).map(([f, ms]) => mutate(f, ...ms)) },
  { weight: 2, arbitrary: hostileValue },
  { weight: 1, arbitrary: protoDict },
);

type Pair = [name: string, ours: v.Schema<unknown>, theirs: valibot.GenericSchema];
const pairs: Pair[] = [
  ['Attachment', protocol.AttachmentSchema, oracle.AttachmentSchema],
  ['Message', protocol.MessageSchema, oracle.MessageSchema],
  ['User', protocol.UserSchema, oracle.UserSchema],
  ['Conversation', protocol.ConversationSchema, oracle.ConversationSchema],
  ['ErrorInfo', protocol.ErrorInfoSchema, oracle.ErrorInfoSchema],
  ['FailedAck', protocol.FailedAckSchema, oracle.FailedAckSchema],
  ...protocol.SERVER_EVENTS.map((e): Pair => [`push ${e}`, protocol.ServerEventSchemas[e], oracle.ServerEventSchemas[e]]),
  ...(Object.keys(protocol.ResultSchemas) as protocol.ClientEvent[]).flatMap((e): Pair[] => [
    [`ack ${e}`, protocol.ResultSchemas[e], oracle.ResultSchemas[e]],
    [`request ${e}`, protocol.RequestSchemas[e], oracle.RequestSchemas[e]],
  ]),
];

// 1 000 runs per pair: up to ~0.4 s idle, ~1 s with both cores busy; the limit leaves a wide margin.
describe('schema: the same verdicts and outputs as the valibot schemas it replaced', { timeout: 30_000 }, () => {
  it.each(pairs)('%s', (_name, ours, theirs) => {
    fc.assert(
      fc.property(input, (value) => {
        const a = v.safeParse(ours, value);
        const b = valibot.safeParse(theirs, value);
        expect(a.success).toBe(b.success);
        if (a.success && b.success) expect(a.output).toStrictEqual(b.output);
        if (!a.success) expect(a.issues[0].message).toMatch(/\S/);
      }),
      { numRuns: RUNS },
    );
  });
});

/** The first issue as the client reports it ("path: message"). */
function problem(schema: v.Schema<unknown>, value: unknown): string {
  const result = v.safeParse(schema, value);
  if (result.success) throw new Error(`accepted ${JSON.stringify(value)}`);
  return v.describeIssues(result.issues);
}

describe('schema: rules, one by one', () => {
  it('types, with what was expected and what came', () => {
    expect(problem(protocol.MessageSchema, null)).toBe('Invalid type: Expected Object but received null');
    expect(problem(protocol.MessageSchema, message({ seq: '1' }))).toBe('seq: Invalid type: Expected number but received "1"');
    expect(problem(protocol.MessageSchema, message({ text: 5 }))).toBe('text: Invalid type: Expected string but received 5');
    expect(problem(protocol.MessageSchema, message({ attachments: {} }))).toBe('attachments: Invalid type: Expected Array but received Object');
    expect(problem(protocol.UserSchema, { id: 'b', name: 'B', isBot: 'yes' })).toBe('isBot: Invalid type: Expected boolean but received "yes"');
    expect(problem(protocol.MessageSchema, message({ kind: 'bot' }))).toBe('kind: Invalid type: Expected "user" | "system" but received "bot"');
    expect(problem(protocol.FailedAckSchema, { ok: true, error: { code: 'x', message: 'y' } })).toBe('ok: Invalid type: Expected false but received true');
  });

  it('a missing required key is named', () => {
    const { authorId: _gone, ...rest } = message();
    expect(problem(protocol.MessageSchema, rest)).toBe('authorId: Invalid type: Expected string but received undefined');
  });

  it('numbers: NaN, fractions, infinities and out-of-range values are refused', () => {
    expect(problem(protocol.MessageSchema, message({ seq: Number.NaN }))).toBe('seq: Invalid type: Expected number but received NaN');
    expect(problem(protocol.MessageSchema, message({ seq: 1.5 }))).toBe('seq: Invalid integer: Received 1.5');
    expect(problem(protocol.MessageSchema, message({ seq: Infinity }))).toBe('seq: Invalid integer: Received Infinity');
    expect(problem(protocol.MessageSchema, message({ seq: 0 }))).toBe('seq: Invalid value: Expected >=1 but received 0');
    expect(problem(protocol.MessageSchema, message({ seq: 2 ** 53 }))).toBe(`seq: Invalid value: Expected <=${Number.MAX_SAFE_INTEGER} but received ${2 ** 53}`);
    expect(problem(protocol.MessageSchema, message({ createdAt: 8.64e15 + 1 }))).toMatch(/^createdAt: Invalid value: Expected <=8640000000000000/);
    expect(v.safeParse(protocol.MessageSchema, message({ createdAt: -0 })).success).toBe(true);
  });

  it('lengths of strings and arrays; the array length before its items', () => {
    expect(problem(protocol.MessageSchema, message({ id: '' }))).toBe('id: Invalid length: Expected >=1 but received 0');
    expect(problem(protocol.MessageSchema, message({ id: 'x'.repeat(201) }))).toBe('id: Invalid length: Expected <=200 but received 201');
    expect(problem(protocol.MessageSchema, message({ text: 'x'.repeat(10_001) }))).toBe('text: Messages are limited to 10000 characters');
    const eleven = Array.from({ length: 11 }, () => ({}));
    expect(problem(protocol.MessageSchema, message({ attachments: eleven }))).toBe('attachments: Invalid length: Expected <=10 but received 11');
  });

  it('paths reach into arrays and records', () => {
    expect(problem(protocol.MessageSchema, message({ attachments: [attachment, { ...attachment, size: -1 }] }))).toBe(
      'attachments.1.size: Invalid value: Expected >=0 but received -1',
    );
    expect(problem(protocol.MessageSchema, message({ reactions: { '👍': ['bob', 7] } }))).toBe(
      'reactions.👍.1: Invalid type: Expected string but received 7',
    );
    expect(problem(protocol.MessageSchema, message({ reactions: { ['x'.repeat(33)]: [] } }))).toMatch(/^reactions\.x+: Invalid length: Expected <=32/);
    expect(problem(protocol.ConversationSchema, conversation({ readSeqs: { bob: -1 } }))).toBe(
      'readSeqs.bob: Invalid value: Expected >=0 but received -1',
    );
  });

  it('prototype keys: refused as ids, skipped in records, never set on the output', () => {
    expect(problem(protocol.MessageSchema, message({ authorId: '__proto__' }))).toBe('authorId: reserved id');
    expect(problem(protocol.MessageSchema, message({ id: 'constructor' }))).toBe('id: reserved id');
    const readSeqs = withOwn(withOwn({ bob: 1 }, '__proto__', 5), 'constructor', 6);
    const parsed = v.safeParse(protocol.ConversationSchema, conversation({ readSeqs }));
    expect(parsed.success && Object.keys(parsed.output.readSeqs)).toEqual(['bob']);
    expect(parsed.success && Object.getPrototypeOf(parsed.output.readSeqs)).toBe(Object.prototype);
  });

  it('unknown keys are stripped at every depth; a present optional key stays, even when undefined', () => {
    const parsed = v.safeParse(protocol.MessageSchema, {
      ...message({ attachments: [{ ...attachment, html: '<b>' }], editedAt: undefined }),
      status: 'sent',
    });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.output).toStrictEqual({ ...message({ attachments: [attachment] }), editedAt: undefined });
    expect('deletedAt' in parsed.output).toBe(false);
  });

  it('a fallback fills a missing or undefined key (delivered positions from an older server)', () => {
    for (const deliveredSeqs of [undefined, 'missing'] as const) {
      const c: Record<string, unknown> = conversation();
      if (deliveredSeqs === 'missing') delete c.deliveredSeqs;
      else c.deliveredSeqs = undefined;
      const parsed = v.safeParse(protocol.ConversationSchema, c);
      expect(parsed.success && parsed.output.deliveredSeqs).toEqual({});
    }
  });

  it('parley/core exports the schemas with safeParse, so an app can check a payload as the client does', () => {
    expect(core.safeParse(core.MessageSchema, message())).toEqual({ success: true, output: message() });
    expect(core.safeParse(core.UserSchema, { id: 'b' })).toEqual({
      success: false,
      issues: [{ path: ['name'], message: 'Invalid type: Expected string but received undefined' }],
    });
  });

  it('nullable and nullish', () => {
    expect(v.safeParse(protocol.ConversationSchema, conversation({ lastMessage: null })).success).toBe(true);
    expect(problem(protocol.ConversationSchema, conversation({ lastMessage: undefined }))).toBe(
      'lastMessage: Invalid type: Expected Object but received undefined',
    );
    for (const payload of [null, undefined, {}, { extra: 1 }]) expect(v.safeParse(core.RequestSchemas['conversations:list'], payload).success).toBe(true);
    expect(v.safeParse(core.RequestSchemas['conversations:list'], 'x').success).toBe(false);
  });

  it('refinements run on the checked value and carry their own message', () => {
    expect(problem(core.RequestSchemas['reaction:add'], { id: 'm1', emoji: '  ' })).toBe('emoji: not a usable reaction');
    const unsafe = { conversationId: 'general', clientId: 'c1', text: '', attachments: [{ ...attachment, url: 'javascript:alert(1)' }] };
    expect(problem(core.RequestSchemas['message:send'], unsafe)).toBe('attachments.0: an attachment is { id } of an upload; the server fills in the rest');
    // A refinement may name the code a server answers with: text over the limit is too_large, not invalid_payload.
    const long = v.safeParse(core.TextSchema, 'x'.repeat(10_001));
    expect(long.success === false && long.issues[0]).toEqual({ path: [], message: 'Messages are limited to 10000 characters', code: 'too_large' });
    const notText = v.safeParse(core.TextSchema, 5);
    expect(notText.success === false && notText.issues[0].code).toBeUndefined();
  });

});
