/**
 * The message-list bench page: renders ONE list implementation, chosen by the query
 * string (`?impl=parley|parley-all|tanstack|virtuoso|chatscope&n=1000`), into a
 * 400×700 box, and exposes `window.__bench` for bench/message-list.bench.ts.
 * Every implementation gets the same deterministic messages (data.ts).
 */
import { benchData, PREPEND } from './data';
import type { ImplHandle, MountImpl } from './types';

export interface BenchMount {
  /** ms since navigation start (performance.timeOrigin). */
  renderStart: number;
  mountDone: number;
  rows: number;
}

export interface BenchApi {
  mounted: BenchMount | null;
  error: string | null;
  nodeCount(): number;
  idleFrames(frames: number): Promise<number[]>;
  scrollTest(ms: number, stepPx: number): Promise<{ intervals: number[]; scrolledPx: number }>;
  prependTest(k: number, frames: number): Promise<{ immediate: number | null; maxAbs: number | null; lost: boolean; rowsBefore: number; trace: string[] }>;
  appendTest(): Promise<{ pinnedBefore: number; distanceFromBottom: number; visible: boolean }>;
}

declare global {
  interface Window {
    __bench: BenchApi;
  }
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const distanceFromBottom = (s: HTMLElement) => s.scrollHeight - s.scrollTop - s.clientHeight;

const IMPLS: Record<string, () => Promise<MountImpl>> = {
  parley: async () => (await import('./impls/parley')).mount,
  'parley-all': async () => (await import('./impls/parley')).mountAll,
  'parley-remote': async () => (await import('./impls/parley')).mountRemotePaged,
  'parley-all-remote': async () => (await import('./impls/parley')).mountRemoteAll,
  'parley-plain-remote': async () => (await import('./impls/parley')).mountRemotePagedPlain,
  'parley-plain-all-remote': async () => (await import('./impls/parley')).mountRemoteAllPlain,
  // The same rows on an earlier commit's sources (`--baseline <rev>`, bench/baseline.mjs).
  'base-remote': async () => (await import('parley-baseline-impl')).mountRemotePaged,
  'base-all-remote': async () => (await import('parley-baseline-impl')).mountRemoteAll,
  tanstack: async () => (await import('./impls/tanstack')).mount,
  virtuoso: async () => (await import('./impls/virtuoso')).mount,
  chatscope: async () => (await import('./impls/chatscope')).mount,
};

const root = document.getElementById('list-root')!;
const bench: BenchApi = {
  mounted: null,
  error: null,
  nodeCount: () => root.querySelectorAll('*').length,
  idleFrames: async (frames) => {
    const out: number[] = [];
    let prev = await nextFrame();
    for (let i = 0; i < frames; i++) {
      const t = await nextFrame();
      out.push(t - prev);
      prev = t;
    }
    return out;
  },
  scrollTest: () => Promise.reject(new Error('not mounted')),
  prependTest: () => Promise.reject(new Error('not mounted')),
  appendTest: () => Promise.reject(new Error('not mounted')),
};
window.__bench = bench;

function install(handle: ImplHandle): void {
  const scroller = () => {
    const s = handle.scroller();
    if (!s) throw new Error('no scroller');
    return s;
  };

  bench.scrollTest = async (ms, stepPx) => {
    const s = scroller();
    const intervals: number[] = [];
    let scrolledPx = 0;
    let prev = await nextFrame();
    const end = prev + ms;
    for (;;) {
      const t = await nextFrame();
      intervals.push(t - prev);
      prev = t;
      if (t >= end) break;
      const before = s.scrollTop;
      s.scrollTop = before - stepPx;
      scrolledPx += before - s.scrollTop;
    }
    return { intervals, scrolledPx };
  };

  /** Top of a row relative to the scroller's top edge, or null when it is not rendered. */
  const topOf = (id: string): number | null => {
    const s = scroller();
    for (const row of s.querySelectorAll(handle.rowSelector)) {
      if (handle.rowId(row) === id) return row.getBoundingClientRect().top - s.getBoundingClientRect().top;
    }
    return null;
  };

  bench.prependTest = async (k, frames) => {
    const s = scroller();
    for (let i = 0; i < 30; i++) await nextFrame(); // let pending loads and measurements settle
    const top = s.getBoundingClientRect().top;
    const rows = [...s.querySelectorAll(handle.rowSelector)];
    // The first row whose top edge is in view.
    const anchor = rows.find((r) => r.getBoundingClientRect().top >= top) ?? rows[0];
    const id = anchor ? handle.rowId(anchor) : null;
    if (!id) throw new Error('no anchor row');
    const before = topOf(id)!;
    await handle.prepend(k);
    const now = topOf(id);
    const immediate = now === null ? null : now - before;
    let cum = 0; // px we scrolled up ourselves since `before` (rows move down by that much)
    let maxAbs = immediate === null ? 0 : Math.abs(immediate);
    let lost = immediate === null;
    // Per frame: scrollTop, then the row's drift from where it should be (for a failing run's report).
    const trace: string[] = [`prepend: scrollTop ${s.scrollTop}, drift ${immediate}`];
    for (let f = 0; f < frames; f++) {
      await nextFrame();
      const t = topOf(id);
      if (t === null) lost = true;
      else maxAbs = Math.max(maxAbs, Math.abs(t - before - cum));
      trace.push(`frame ${f}: scrollTop ${s.scrollTop}, drift ${t === null ? 'lost' : (t - before - cum).toFixed(1)}`);
      const was = s.scrollTop;
      s.scrollTop = was - 3;
      // The scroller may fire a correction later; what we asked for is what we count.
      cum += was - s.scrollTop;
    }
    await nextFrame();
    const t = topOf(id);
    if (t === null) lost = true;
    else maxAbs = Math.max(maxAbs, Math.abs(t - before - cum));
    return { immediate, maxAbs: lost ? null : maxAbs, lost, rowsBefore: rows.length, trace };
  };

  bench.appendTest = async () => {
    const s = scroller();
    for (let i = 0; i < 60; i++) {
      s.scrollTop = s.scrollHeight;
      await nextFrame();
      await nextFrame();
      if (distanceFromBottom(s) <= 1) break;
    }
    for (let i = 0; i < 10; i++) await nextFrame();
    const pinnedBefore = distanceFromBottom(s);
    const isNew = await handle.append();
    let visible = false;
    for (let i = 0; i < 30; i++) {
      await nextFrame();
      const row = [...s.querySelectorAll(handle.rowSelector)].find(isNew);
      if (row && i >= 9) {
        const r = row.getBoundingClientRect();
        const sr = s.getBoundingClientRect();
        visible = r.bottom <= sr.bottom + 1 && r.top >= sr.top - 1;
        break;
      }
    }
    return { pinnedBefore, distanceFromBottom: distanceFromBottom(s), visible };
  };
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const implName = params.get('impl') ?? 'parley';
  const n = Number(params.get('n') ?? 1000);
  const load = IMPLS[implName];
  if (!load) throw new Error(`unknown impl ${implName}`);
  const mountImpl = await load();
  const { renderStart, handle } = await mountImpl(root, benchData(n + PREPEND), n);
  install(handle);
  // Mount is done at the first frame where rows are rendered and the list is at the bottom.
  for (;;) {
    await nextFrame();
    const s = handle.scroller();
    const rows = s ? s.querySelectorAll(handle.rowSelector).length : 0;
    if (s && rows > 0 && distanceFromBottom(s) <= 2) {
      bench.mounted = { renderStart, mountDone: performance.now(), rows };
      return;
    }
  }
}

main().catch((error: unknown) => {
  bench.error = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
});
