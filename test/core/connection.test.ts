/**
 * The connection as the client runs it: a scripted transport, engines that
 * record their lifecycle, and a conversation list each test answers itself.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Connection } from '../../src/core/connection';
import type { Engine } from '../../src/core/engine';
import { ChatError } from '../../src/core/errors';
import { createChatStore } from '../../src/core/store';
import { ScriptedTransport } from './scriptedTransport';

function recorder(name: string, log: string[]): Engine {
  return {
    start: () => log.push(`${name}.start`),
    online: () => log.push(`${name}.online`),
    offline: () => log.push(`${name}.offline`),
    stop: () => log.push(`${name}.stop`),
  };
}

function setup(loadConversations: () => Promise<void> = async () => undefined, checkIntervalMs = 0) {
  const transport = new ScriptedTransport(() => ({ ok: true }));
  const store = createChatStore('alice');
  const log: string[] = [];
  const errors: ChatError[] = [];
  const pushes: string[] = [];
  const load = vi.fn(loadConversations);
  const connection = new Connection({
    transport,
    store,
    engines: [recorder('a', log), recorder('b', log)],
    loadConversations: load,
    onPush: (event) => pushes.push(event),
    report: (e) => errors.push(e),
    checkIntervalMs,
  });
  return { transport, store, log, errors, pushes, load, connection };
}

const timeout = () => Promise.reject(new ChatError({ code: 'timeout', message: 'no ack' }));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Connection', () => {
  it('connect(): the engines start, the list loads, connect() resolves, the engines go online in their order', async () => {
    const { connection, log, load, store } = setup();
    const connected = connection.connect();
    expect(log).toEqual(['a.start', 'b.start']);
    await connected;
    expect(load).toHaveBeenCalledOnce();
    expect(log).toEqual(['a.start', 'b.start', 'a.online', 'b.online']);
    expect(store.getState().connection.state).toBe('online');
    expect(connection.phase).toBe('ready');
  });

  it('a list that times out rejects connect() with the reason and is asked again with a growing pause', async () => {
    const answers = [timeout, timeout, async () => undefined];
    const { connection, log, load, errors } = setup(() => answers.shift()!());
    await expect(connection.connect()).rejects.toMatchObject({ code: 'timeout' });
    expect(errors.map((e) => e.code)).toEqual(['timeout']);
    expect(log).not.toContain('a.online');

    await vi.advanceTimersByTimeAsync(499);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(3);
    expect(log.slice(-2)).toEqual(['a.online', 'b.online']);
    expect(connection.phase).toBe('ready');
  });

  it('a lost link takes the engines offline; the next link loads the list and brings them online again', async () => {
    const { connection, transport, log, load, store } = setup();
    await connection.connect();
    transport.setStatus({ state: 'disconnected', willRetry: true, nextRetryAt: 1_000 });
    expect(log.slice(-2)).toEqual(['a.offline', 'b.offline']);
    expect(store.getState().connection).toEqual({ state: 'reconnecting', nextRetryAt: 1_000 });
    transport.setStatus({ state: 'connecting' });
    expect(store.getState().connection.state).toBe('reconnecting');

    transport.setStatus({ state: 'connected' });
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(2);
    expect(log.slice(-2)).toEqual(['a.online', 'b.online']);
  });

  it('the answer of a list from an earlier link is ignored', async () => {
    const held: (() => void)[] = [];
    const { connection, transport, log } = setup(() => new Promise<void>((resolve) => held.push(resolve)));
    void connection.connect();
    transport.setStatus({ state: 'disconnected', willRetry: true });
    transport.setStatus({ state: 'connected' });
    expect(held).toHaveLength(2);

    held[0]!();
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.phase).toBe('syncing');
    expect(log).not.toContain('a.online');
    held[1]!();
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.phase).toBe('ready');
  });

  it('a refusal rejects connect() with the server’s reason, reports it once and leaves the store offline with it', async () => {
    const { connection, transport, errors, store } = setup();
    transport.connect = () => transport.setStatus({ state: 'disconnected', willRetry: false, error: { code: 'unauthorized', message: 'bad token' } });
    await expect(connection.connect()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(errors.map((e) => e.code)).toEqual(['unauthorized']);
    expect(store.getState().connection).toEqual({ state: 'offline', error: { code: 'unauthorized', message: 'bad token' } });
    expect(connection.phase).toBe('closed');
  });

  it('disconnect(): a pending connect() rejects, the engines stop, pushes are no longer heard', async () => {
    const { connection, transport, log, pushes, store } = setup(() => new Promise<void>(() => undefined));
    const connecting = connection.connect();
    transport.push('presence', {});
    connection.disconnect();
    await expect(connecting).rejects.toMatchObject({ code: 'disconnected' });
    expect(log.slice(-2)).toEqual(['a.stop', 'b.stop']);
    expect(store.getState().connection).toEqual({ state: 'offline' });
    transport.push('presence', {});
    expect(pushes).toEqual(['presence']);
  });

  it('re-reads the list every interval while ready, and not while the link is down', async () => {
    const { connection, transport, load } = setup(async () => undefined, 1_000);
    await connection.connect();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(load).toHaveBeenCalledTimes(3);
    transport.setStatus({ state: 'disconnected', willRetry: true });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('connect() while ready resolves at once, without another list', async () => {
    const { connection, load } = setup();
    await connection.connect();
    await connection.connect();
    expect(load).toHaveBeenCalledOnce();
  });
});
