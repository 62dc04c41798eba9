import * as v from '../../src/core/schema';
import { describe, expect, it } from 'vitest';
import { FailedAckSchema, LIMITS, ResultSchemas, type ClientEvent } from '../../src/core/protocol';
import { createRandom } from '../../src/mock-server/random';
import { errorCode, newServer, record } from './helpers';

const EVENTS = Object.keys(ResultSchemas) as ClientEvent[];
const big = 'x'.repeat(LIMITS.maxTextLength + 1);
const attachment = { id: 'a', url: 'https://example.com/a', name: 'a', size: 1, mimeType: 'text/plain' };

const INVALID: [string, unknown][] = [
  ['message:send', undefined],
  ['message:send', null],
  ['message:send', 42],
  ['message:send', 'hello'],
  ['message:send', []],
  ['message:send', {}],
  ['message:send', { conversationId: 5, clientId: 'c', text: 'x' }],
  ['message:send', { conversationId: 'general', clientId: 'c', text: 7 }],
  ['message:send', { conversationId: 'general', clientId: '', text: 'x' }],
  ['message:send', { conversationId: 'general', clientId: 'c'.repeat(LIMITS.maxIdLength + 1), text: 'x' }],
  ['message:send', { conversationId: 'x'.repeat(1_000_000), clientId: 'c', text: 'x' }],
  ['message:send', { conversationId: '__proto__', clientId: 'c', text: 'x' }],
  ['message:send', { conversationId: 'constructor', clientId: 'c', text: 'x' }],
  ['message:send', { conversationId: 'general', clientId: '__proto__', text: 'x' }],
  ['message:send', { conversationId: 'general', clientId: 'c', text: 'x', attachments: 'nope' }],
  ['message:send', { conversationId: 'general', clientId: 'c', text: 'x', attachments: Array(11).fill(attachment) }],
  ['message:send', { conversationId: 'general', clientId: 'c', text: 'x', attachments: Array(1_000_000).fill(attachment) }],
  ['message:send', { conversationId: 'general', clientId: 'c', text: 'x', attachments: [{ ...attachment, url: 'javascript:alert(1)' }] }],
  ['message:send', { conversationId: 'general', clientId: 'c', text: 'x', attachments: [{ ...attachment, size: -1 }] }],
  ['message:send', JSON.parse('{"__proto__": {"conversationId": "general", "clientId": "p", "text": "x"}}')],
  ['messages:before', { conversationId: 'general', beforeSeq: -1, limit: 10 }],
  ['messages:before', { conversationId: 'general', beforeSeq: 1.5, limit: 10 }],
  ['messages:before', { conversationId: 'general', beforeSeq: Number.NaN, limit: 10 }],
  ['messages:before', { conversationId: 'general', beforeSeq: Infinity, limit: 10 }],
  ['messages:before', { conversationId: 'general', beforeSeq: '10', limit: 10 }],
  ['messages:before', { conversationId: 'general', beforeSeq: 10, limit: 0 }],
  ['messages:before', { conversationId: 'general', beforeSeq: 10 }],
  ['messages:since', { conversationId: 'general' }],
  ['messages:since', { conversationId: 'general', afterSeq: 0, limit: -5 }],
  ['typing', { conversationId: 'general', isTyping: 'yes' }],
  ['read', { conversationId: 'general', seq: -1 }],
  ['read', { conversationId: 'general', seq: 2 ** 60 }],
  ['delivered', { conversationId: 'general', seq: -1 }],
  ['delivered', { conversationId: 'general', seq: 1.5 }],
  ['delivered', { conversationId: 'general', seq: '3' }],
  ['delivered', { conversationId: '__proto__', seq: 3 }],
  ['delivered', { seq: 3 }],
  ['conversations:list', 'all'],
  ['conversations:list', 17],
  ['message:edit', { id: 'm_general_3' }],
  ['message:delete', { id: ['m_general_3'] }],
  ['reaction:add', { id: 'm_general_3', emoji: '__proto__' }],
  ['reaction:remove', { id: 'm_general_3' }],
  ['nope', {}],
  ['', {}],
  ['__proto__', {}],
  ['constructor', {}],
  ['toString', {}],
  ['hasOwnProperty', {}],
  ['x'.repeat(100_000), {}],
];

describe('invalid payloads', () => {
  it.each(INVALID.map(([event, payload], i) => [i, event.slice(0, 20), event, payload] as const))(
    '#%i %s → invalid_payload',
    (_i, _label, event, payload) => {
      const server = newServer();
      const alice = record(server, 'alice');
      const before = server.messages('general');
      const ack = alice.raw(event, payload);
      expect(v.safeParse(FailedAckSchema, ack).success).toBe(true);
      expect(errorCode(ack)).toBe('invalid_payload');
      expect(ack.ok ? '' : ack.error.message.length).toBeLessThanOrEqual(2_000);
      expect(server.messages('general')).toEqual(before);
    },
  );

  it.each([
    ['message:send', { conversationId: 'general', clientId: 'c', text: big }],
    ['message:send', { conversationId: 'general', clientId: 'c', text: ' '.repeat(LIMITS.maxTextLength + 1) }],
    ['message:send', { conversationId: 'general', clientId: 'c', text: big, attachments: [attachment] }],
    ['message:edit', { id: 'm_general_3', text: big }],
  ] as const)('%s with text over the limit → too_large, the message the client gives too', (event, payload) => {
    const server = newServer();
    const alice = record(server, 'alice');
    const before = server.messages('general');
    const ack = alice.raw(event, payload);
    expect(ack).toEqual({ ok: false, error: { code: 'too_large', message: `Refused "${event}": text: Messages are limited to 10000 characters` } });
    expect(server.messages('general')).toEqual(before);
  });

  it('ignores unknown keys, including __proto__, and never pollutes prototypes', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const payload = JSON.parse(
      '{"conversationId":"general","clientId":"pp","text":"hi","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    );
    const ack = alice.request('message:send', payload);
    expect(ack.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('answers a stale session with a disconnected error', () => {
    const server = newServer();
    const alice = record(server, 'alice');
    server.detach(alice.session);
    expect(errorCode(alice.raw('conversations:list'))).toBe('disconnected');
    expect(errorCode(server.handleRequest({ id: 'forged', userId: 'bob' }, 'conversations:list', {}))).toBe('disconnected');
  });

  // 3 000 requests: ~0.4 s idle, ~2 s with both cores busy; the limit leaves a wide margin.
  it('never throws and always answers with a well-formed ack (fuzz)', { timeout: 30_000 }, () => {
    const server = newServer();
    const alice = record(server, 'alice');
    const rng = createRandom('fuzz');
    const ids = ['general', 'bob-carol', 'archive', 'nope', 'm_general_3', 'm_bob-carol_2', 'm_archive_9999', '__proto__', ''];
    const values = (): unknown => {
      const pick = rng.int(0, 9);
      if (pick === 0) return rng.pick(ids);
      if (pick === 1) return rng.int(-3, 20_000);
      if (pick === 2) return rng.chance(0.5);
      if (pick === 3) return null;
      if (pick === 4) return undefined;
      if (pick === 5) return 'x'.repeat(rng.int(0, 12_000));
      if (pick === 6) return [rng.pick(ids)];
      if (pick === 7) return { nested: rng.pick(ids) };
      if (pick === 8) return rng.next() * 1e6;
      return rng.pick(['👍', '🎉', 'ok', 'hello world']);
    };
    const keys = ['conversationId', 'clientId', 'text', 'attachments', 'afterSeq', 'beforeSeq', 'limit', 'isTyping', 'seq', 'id', 'emoji'];
    for (let i = 0; i < 3_000; i++) {
      const event = rng.chance(0.95) ? rng.pick(EVENTS) : rng.pick(['bogus', '__proto__']);
      const payload: Record<string, unknown> = {};
      for (const key of keys) if (rng.chance(0.7)) payload[key] = values();
      const ack = alice.raw(event, rng.chance(0.05) ? values() : payload);
      const schema = (ResultSchemas as Record<string, v.Schema<unknown>>)[event] ?? FailedAckSchema;
      const valid = ack.ok ? v.safeParse(schema, ack).success : v.safeParse(FailedAckSchema, ack).success;
      expect(valid, `${event} ${JSON.stringify(payload).slice(0, 200)} → ${JSON.stringify(ack).slice(0, 300)}`).toBe(true);
      if (!ack.ok) expect(['invalid_payload', 'forbidden', 'not_found', 'too_large']).toContain(ack.error.code);
    }
    // The log is still gap-free.
    const seqs = server.messages('general').map((m) => m.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });
});
