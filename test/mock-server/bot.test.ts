import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../src/core/protocol';
import { botReply } from '../../src/mock-server/bot';
import { newServer, ok, record } from './helpers';

describe('Parley Bot', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('types, then replies after botDelayMs, then stops typing', () => {
    const server = newServer({ botDelayMs: 1000 });
    const alice = record(server, 'alice');
    ok(alice.request('message:send', { conversationId: 'alice-bot', clientId: 'b1', text: 'Tell me about hedgehogs' }));
    expect(alice.of('typing')).toEqual([{ conversationId: 'alice-bot', userId: 'parley-bot', isTyping: true }]);
    vi.advanceTimersByTime(999);
    expect(alice.of('message:new')).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const [, reply] = alice.of('message:new') as Message[];
    expect(reply).toMatchObject({ authorId: 'parley-bot', conversationId: 'alice-bot' });
    expect(reply!.text).toContain('hedgehogs');
    expect(alice.events.map((e) => e.event).slice(-2)).toEqual(['message:new', 'typing']);
    expect(alice.of('typing').at(-1)).toEqual({ conversationId: 'alice-bot', userId: 'parley-bot', isTyping: false });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps typing until the last of several replies', () => {
    const server = newServer({ botDelayMs: 100 });
    const alice = record(server, 'alice');
    ok(alice.request('message:send', { conversationId: 'alice-bot', clientId: 'x1', text: 'one' }));
    vi.advanceTimersByTime(50);
    ok(alice.request('message:send', { conversationId: 'alice-bot', clientId: 'x2', text: 'two' }));
    vi.advanceTimersByTime(50);
    expect(alice.of('typing').filter((t) => (t as { isTyping: boolean }).isTyping === false)).toHaveLength(0);
    vi.advanceTimersByTime(50);
    expect(alice.of('typing').at(-1)).toMatchObject({ isTyping: false });
    expect((alice.of('message:new') as Message[]).filter((m) => m.authorId === 'parley-bot')).toHaveLength(2);
  });

  it('stays quiet outside bot conversations and when a human posts through the API elsewhere', () => {
    const server = newServer({ botDelayMs: 10 });
    const alice = record(server, 'alice');
    ok(alice.request('message:send', { conversationId: 'general', clientId: 'g', text: 'help' }));
    vi.advanceTimersByTime(100);
    expect((alice.of('message:new') as Message[]).map((m) => m.authorId)).toEqual(['alice']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('answers simulated messages too, and dispose() clears pending replies', () => {
    const server = newServer({ botDelayMs: 500 });
    const alice = record(server, 'alice');
    server.postMessage('alice-bot', { authorId: 'alice', text: 'help' });
    expect(vi.getTimerCount()).toBe(1);
    server.dispose();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect((alice.of('message:new') as Message[]).map((m) => m.authorId)).toEqual(['alice']);
  });

  it('has canned replies for help, long, link and emoji-only messages', () => {
    expect(botReply('help please', false, 'k')).toContain('“help”');
    expect(botReply('something long', false, 'k').length).toBeGreaterThan(100);
    expect(botReply('a link?', false, 'k')).toMatch(/https:\/\//);
    expect(botReply('🎉', false, 'k')).toBeTruthy();
    expect(botReply('', true, 'k')).toMatch(/file/);
    expect(botReply('Rhubarb pie', false, 'k')).toEqual(botReply('Rhubarb pie', false, 'k'));
  });
});
