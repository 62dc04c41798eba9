import { describe, expect, it } from 'vitest';
import {
  INITIAL_CONNECTION,
  transition,
  type ConnectionEvent,
  type ConnectionMachineState,
  type Phase,
} from '../../src/core/connectionMachine';

const PHASES: readonly Phase[] = ['idle', 'connecting', 'syncing', 'retrying', 'ready', 'down', 'closed'];
const EVENTS: readonly ConnectionEvent[] = [
  { type: 'connect' },
  { type: 'disconnect' },
  { type: 'linkUp' },
  { type: 'linkLost', final: false },
  { type: 'linkLost', final: true },
  { type: 'listLoaded' },
  { type: 'listFailed', retryable: true },
  { type: 'listFailed', retryable: false },
  { type: 'retryDue' },
];

/** Runs events from the start; returns the last state and every effect in order. */
function run(...events: ConnectionEvent[]): { state: ConnectionMachineState; effects: string[] } {
  let state = INITIAL_CONNECTION;
  const effects: string[] = [];
  for (const event of events) {
    const next = transition(state, event);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

const at = (phase: Phase, extra: Partial<ConnectionMachineState> = {}): ConnectionMachineState => ({ ...INITIAL_CONNECTION, phase, ...extra });

describe('connection state machine', () => {
  it('connects: engines start, the link opens, the list loads, then connect() resolves and the engines go online', () => {
    expect(run({ type: 'connect' })).toEqual({ state: at('connecting'), effects: ['start', 'open'] });
    expect(run({ type: 'connect' }, { type: 'linkUp' }, { type: 'listLoaded' })).toEqual({
      state: at('ready', { wasUp: true }),
      effects: ['start', 'open', 'load', 'resolve', 'online', 'check'],
    });
  });

  it('a lost link takes the engines offline and stops the checks; the next link loads the list again', () => {
    const down = transition(at('ready', { wasUp: true }), { type: 'linkLost', final: false });
    expect(down).toEqual({ state: at('down', { wasUp: true }), effects: ['stopTimers', 'offline'] });
    expect(transition(down.state, { type: 'linkUp' })).toEqual({ state: at('syncing', { wasUp: true }), effects: ['load'] });
  });

  it('a retryable list failure settles connect() at once and asks again after a pause, counting failures per link', () => {
    const { state, effects } = run({ type: 'connect' }, { type: 'linkUp' }, { type: 'listFailed', retryable: true });
    expect(state).toEqual(at('retrying', { wasUp: true, listFailures: 1 }));
    expect(effects.slice(-2)).toEqual(['reject', 'retry']);
    const again = transition(transition(state, { type: 'retryDue' }).state, { type: 'listFailed', retryable: true });
    expect(again.state.listFailures).toBe(2);
    // A new link starts counting again.
    expect(transition(transition(again.state, { type: 'linkLost', final: false }).state, { type: 'linkUp' }).state.listFailures).toBe(0);
  });

  it('a final list failure rejects connect() but still brings the engines online: the link is up', () => {
    expect(transition(at('syncing'), { type: 'listFailed', retryable: false })).toEqual({
      state: at('ready'),
      effects: ['reject', 'online', 'check'],
    });
  });

  it('a transport that gives up closes the connection and rejects connect(); connect() starts over', () => {
    expect(transition(at('connecting'), { type: 'linkLost', final: true })).toEqual({ state: at('closed'), effects: ['reject'] });
    expect(transition(at('retrying'), { type: 'linkLost', final: true }).effects).toEqual(['stopTimers', 'offline', 'reject']);
    expect(transition(at('closed'), { type: 'connect' })).toEqual({ state: at('connecting'), effects: ['start', 'open'] });
  });

  it('disconnect() from anywhere stops everything and returns to idle; in idle it does nothing', () => {
    for (const phase of PHASES.filter((p) => p !== 'idle')) {
      expect(transition(at(phase), { type: 'disconnect' }), phase).toEqual({
        state: at('idle'),
        effects: ['stopTimers', 'reject', 'close', 'stop'],
      });
    }
    expect(transition(at('idle'), { type: 'disconnect' })).toEqual({ state: at('idle'), effects: [] });
  });

  it('connect() while ready resolves at once; while on the way it waits for the list', () => {
    expect(transition(at('ready'), { type: 'connect' }).effects).toEqual(['open', 'resolve']);
    for (const phase of ['connecting', 'syncing', 'retrying', 'down'] as const) {
      expect(transition(at(phase), { type: 'connect' }), phase).toEqual({ state: at(phase), effects: ['open'] });
    }
  });

  it('remembers a link was up across disconnect(), so the next attempt reads as a reconnect', () => {
    const { state } = run({ type: 'connect' }, { type: 'linkUp' }, { type: 'disconnect' }, { type: 'connect' });
    expect(state).toEqual(at('connecting', { wasUp: true }));
  });

  it('ignores what does not belong to the phase: a late list answer, a stray timer, a repeated status', () => {
    for (const phase of PHASES.filter((p) => p !== 'syncing')) {
      expect(transition(at(phase), { type: 'listLoaded' }), phase).toEqual({ state: at(phase), effects: [] });
      expect(transition(at(phase), { type: 'listFailed', retryable: true }), phase).toEqual({ state: at(phase), effects: [] });
    }
    for (const phase of PHASES.filter((p) => p !== 'retrying')) {
      expect(transition(at(phase), { type: 'retryDue' }), phase).toEqual({ state: at(phase), effects: [] });
    }
    for (const phase of ['syncing', 'retrying', 'ready', 'idle'] as const) {
      expect(transition(at(phase), { type: 'linkUp' }), phase).toEqual({ state: at(phase), effects: [] });
    }
  });

  it('holds its invariants for every phase and event', () => {
    for (const phase of PHASES) {
      for (const event of EVENTS) {
        const { state, effects } = transition(at(phase), event);
        const label = `${phase} + ${JSON.stringify(event)} → ${state.phase}`;
        expect(PHASES, label).toContain(state.phase);
        expect(new Set(effects).size, label).toBe(effects.length);
        // Engines go online only on the way into ready, and only there are connect() calls resolved.
        expect(effects.includes('online'), label).toBe(state.phase === 'ready' && phase !== 'ready');
        if (effects.includes('resolve')) expect(state.phase, label).toBe('ready');
        // The list is loaded only on the way into syncing; the checks run only on the way into ready.
        expect(effects.includes('load'), label).toBe(state.phase === 'syncing' && phase !== 'syncing');
        expect(effects.includes('check'), label).toBe(state.phase === 'ready' && phase !== 'ready');
        // Leaving the link (for down, closed or idle) stops the timers; losing it takes the engines offline.
        if (['syncing', 'retrying', 'ready'].includes(phase) && ['down', 'closed', 'idle'].includes(state.phase)) {
          expect(effects, label).toContain('stopTimers');
          if (state.phase !== 'idle') expect(effects, label).toContain('offline');
        }
        // Idle is reached by disconnect() alone, and only disconnect() closes the link and stops the engines.
        expect(state.phase === 'idle' && phase !== 'idle', label).toBe(event.type === 'disconnect' && phase !== 'idle');
        expect(effects.includes('stop'), label).toBe(event.type === 'disconnect' && phase !== 'idle');
        expect(effects.includes('close'), label).toBe(event.type === 'disconnect' && phase !== 'idle');
      }
    }
  });
});
