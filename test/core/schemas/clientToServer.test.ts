/**
 * `parseRequest` as a backend of its own uses it, importing only `parley/core`:
 * a typed request with unknown keys stripped, or the ack error to answer with.
 * The mock server answers through the same function, so its answers match.
 */
import { describe, expect, it } from 'vitest';
import { isClientEvent, parseRequest, RequestSchemas, safeParse, type ValidRequest } from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import { record } from '../../mock-server/helpers';

describe('parseRequest', () => {
  it('a valid payload comes back typed by its event, unknown keys stripped', () => {
    const forged = JSON.parse('{"conversationId":"general","clientId":"c1","text":"hi","authorId":"bob","__proto__":{"x":1}}');
    const parsed = parseRequest('message:send', forged);
    expect(parsed).toEqual({ ok: true, request: { event: 'message:send', payload: { conversationId: 'general', clientId: 'c1', text: 'hi' } } });
    if (!parsed.ok) return;
    const { request }: { request: ValidRequest } = parsed;
    // The event narrows the payload: this line only compiles because it does.
    if (request.event !== 'message:send') throw new Error(request.event);
    expect(request.payload.text).toBe('hi');
    expect(Object.keys(request.payload)).not.toContain('authorId');
  });

  it.each([
    ['message:send', null, 'Invalid payload for "message:send": Invalid type: Expected Object but received null'],
    ['message:send', { conversationId: 'general', clientId: '', text: 'x' }, 'Invalid payload for "message:send": clientId: Invalid length: Expected >=1 but received 0'],
    ['read', { conversationId: '__proto__', seq: 1 }, 'Invalid payload for "read": conversationId: reserved id'],
    ['reaction:add', { id: 'm1', emoji: '   ' }, 'Invalid payload for "reaction:add": emoji: not a usable reaction'],
    ['admin:wipe', {}, 'Unknown event "admin:wipe"'],
    ['toString', {}, 'Unknown event "toString"'],
  ] as const)('%s %j → invalid_payload', (event, payload, message) => {
    expect(parseRequest(event, payload)).toEqual({ ok: false, error: { code: 'invalid_payload', message } });
  });

  it('text over the limit → too_large', () => {
    expect(parseRequest('message:edit', { id: 'm1', text: 'x'.repeat(10_001) })).toEqual({
      ok: false,
      error: { code: 'too_large', message: 'Refused "message:edit": text: Messages are limited to 10000 characters' },
    });
  });

  it('a very long unknown event name is cut short in the message', () => {
    const parsed = parseRequest('x'.repeat(100_000), {});
    expect(parsed.ok === false && parsed.error.message.length).toBeLessThan(100);
  });

  it('the schemas are there one by one too, with isClientEvent for the event name', () => {
    expect(isClientEvent('typing')).toBe(true);
    expect(isClientEvent('hasOwnProperty')).toBe(false);
    expect(safeParse(RequestSchemas.typing, { conversationId: 'general', isTyping: true }).success).toBe(true);
  });

  it('the mock server answers exactly what parseRequest says', () => {
    const server = createMockServer({ seed: 'demo' });
    const alice = record(server, 'alice');
    const cases: [string, unknown][] = [
      ['message:send', { conversationId: 'general', clientId: 'c', text: 5 }],
      ['messages:before', { conversationId: 'general', beforeSeq: 10, limit: 0 }],
      ['message:send', { conversationId: 'general', clientId: 'c', text: 'x'.repeat(10_001) }],
      ['nope', {}],
    ];
    for (const [event, payload] of cases) expect(alice.raw(event, payload)).toEqual(parseRequest(event, payload));
    server.dispose();
  });
});
