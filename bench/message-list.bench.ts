/**
 * Message-list bench (docs/architecture.md "Budgets"): Parley's MessageList against a bare
 * @tanstack/react-virtual list, react-virtuoso and @chatscope/chat-ui-kit-react's
 * MessageList, same data (bench/message-list/data.ts), same run, headless Chromium at 400×700.
 *
 * Run: `npm run bench:list` (alone, ~3–5 min) — or `npm run bench -- message-list`.
 * `npm run bench` runs it too (with the store bench).
 * Options: `--sizes 1000,10000` `--impls parley,tanstack` `--reps 3`.
 *
 * The page (bench/message-list/index.html + main.tsx) is built with Vite's JS API
 * (production React) and served with `preview` on 127.0.0.1, port 0, in this process.
 * A fresh browser context per (impl, N, repetition). Per (impl, N):
 * Parley rows: `parley-remote` (a transport that builds each requested message from its
 * index, as a remote backend would: the page holds only what Parley's client loaded),
 * `parley-all-remote` (the same with every message loaded into the client store before
 * mounting), and `parley` / `parley-all` (the same two on the in-page mock server, whose own
 * copy of the conversation is then in the page's heap too).
 *  - mount: render start (data generated, Parley's client connected; for parley-all the
 *    store already holds all N) → first frame with rows at the bottom. Median of --reps
 *    fresh pages (chatscope: one page at N ≥ 10 000), taken round-robin over the lists so
 *    load on the machine hits them alike. Also "nav": navigation start → same frame.
 *  - nodes: elements inside the 400×700 list box after mount.
 *  - heap: CDP HeapProfiler.collectGarbage ×2 then Runtime.getHeapUsage (whole page: data + list).
 *  - scroll: scrollTop −= 30 px per requestAnimationFrame for 2 s; p95 frame interval,
 *    frames over 16.7 ms. "idle": median rAF interval with nothing to do (the display frame).
 *  - prepend jump: first row in view; its top before vs right after prepending 50 older
 *    messages and over 20 frames while scrolling up 3 px per frame (our scroll subtracted):
 *    max |Δ| px ("lost" = the row left the DOM, i.e. the view jumped away).
 *  - append: scroll to the bottom, append one message, after 10 frames: distance from the
 *    bottom in px and whether the new row is fully in view.
 * Every step is capped at 60 s ("timed out").
 * Budgets checked for every Parley row at every N against `tanstack` (the heap budget only for
 * the `-remote` rows: the in-page mock server's copy is not the kit's memory):
 * nodes ≤ 150, mount ≤ 1.2×, heap ≤ 1.5×, jump 0 px (≤ 0.5), p95 ≤ 1.2 × idle frame.
 * Formatting: `parley-plain-all-remote` (and `parley-plain-remote` when asked for) is the same
 * row with formatting off; mount and p95 frame with formatting on must be ≤ 1.1× off.
 * Exit code 1 when a budget fails at N = 100 000 (the budgeted size).
 *
 * Before/after: `npm run bench -- message-list --baseline <rev>` (bench/baseline.mjs) adds
 * `base-remote` and `base-all-remote`, the same rows on <rev>'s sources, to the same
 * round-robin, and prints each Parley row against its `base-` row.
 */
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright';
import react from '@vitejs/plugin-react';
import { build, preview } from 'vite';
import type { BenchApi, BenchMount } from './message-list/main';
import { CHROMIUM_ARGS, resolveChromium } from '../scripts/chromium.mjs';

const root = process.cwd();
const pageDir = path.join(root, 'bench', 'message-list');
const outDir = path.join(root, 'node_modules', '.cache', 'parley-bench', 'message-list-dist');
const ENTRIES: Record<string, string> = {
  parley: 'src/react/index.ts',
  'parley/core': 'src/core/index.ts',
  'parley/mock-server': 'src/mock-server/index.ts',
  'parley/styles.css': 'src/theme/styles.css',
};
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const BASELINE_DIR = arg('baseline-dir');
const BASELINE_NAME = arg('baseline-name') ?? 'baseline';
const SIZES = (arg('sizes') ?? '1000,10000,100000').split(',').map(Number);
const IMPLS = (
  arg('impls') ??
  `tanstack,parley-remote,parley-all-remote,parley-plain-all-remote,${BASELINE_DIR ? 'base-remote,base-all-remote,' : ''}parley,parley-all,virtuoso,chatscope`
).split(',');
if (IMPLS.some((i) => i.startsWith('base-')) && !BASELINE_DIR) throw new Error('base-* rows need --baseline <rev> (npm run bench -- message-list --baseline HEAD~3)');

const entryAliases = (sourceRoot: string) =>
  Object.entries(ENTRIES).map(([find, file]) => ({ find: new RegExp(`^${escape(find)}$`), replacement: path.join(sourceRoot, file) }));
const currentAliases = entryAliases(root);
const baselineAliases = BASELINE_DIR ? entryAliases(BASELINE_DIR) : currentAliases;
// `parley-baseline-impl`: the baseline's own bench impl (main.tsx's `base-*` rows).
const baselineImpl = path.join(BASELINE_DIR ?? root, 'bench', 'message-list', 'impls', 'parley.tsx');

/**
 * `parley*` imports resolve into this checkout's sources, except inside the baseline's tree,
 * where they mean the baseline's (a plugin, not `resolve.alias`: aliases ignore the importer).
 */
const parleyEntries = {
  name: 'parley-entries',
  enforce: 'pre' as const,
  resolveId(source: string, importer: string | undefined) {
    if (source === 'parley-baseline-impl') return baselineImpl;
    const aliases = BASELINE_DIR && importer?.startsWith(BASELINE_DIR) ? baselineAliases : currentAliases;
    return aliases.find((a) => a.find.test(source))?.replacement ?? null;
  },
};
const REPS = Number(arg('reps') ?? 3);
const CAP_MS = 60_000;
const SLOW_FRAME = 1000 / 60;
const BUDGETED_N = 100_000;

class TimedOut extends Error {}
function capped<T>(p: Promise<T>, what: string, ms = CAP_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimedOut(`${what} timed out after ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

interface Row {
  impl: string;
  n: number;
  status: string;
  mountMs?: number;
  mountAll?: number[];
  navMs?: number;
  nodes?: number;
  nodesAfter?: number;
  heapMB?: number;
  idleMs?: number;
  p95?: number;
  slowFrames?: number;
  frames?: number;
  jump?: number | null;
  jumpNow?: number | null;
  append?: { distanceFromBottom: number; visible: boolean; pinnedBefore: number };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function openPage(browser: Browser, url: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 400, height: 700 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'commit' });
  return { page, close: () => context.close().catch(() => undefined) };
}

async function waitMounted(page: Page): Promise<BenchMount> {
  const handle = await page.waitForFunction(
    () => {
      const b = (window as unknown as { __bench?: BenchApi }).__bench;
      if (b?.error) return { error: b.error };
      return b?.mounted ?? null;
    },
    undefined,
    { timeout: CAP_MS, polling: 50 },
  );
  const value = (await handle.jsonValue()) as BenchMount | { error: string };
  if ('error' in value) throw new Error(value.error);
  return value;
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/** Repetitions for one list at one size (chatscope mounts for seconds at N ≥ 10 000: once). */
const repsFor = (impl: string, n: number) => (impl === 'chatscope' && n >= 10_000 ? 1 : REPS);

/**
 * One fresh page of `row.impl` at `row.n`: its mount time, and when `full`, every other
 * measurement too. A failure or timeout is written into the row's status.
 */
async function measureOnce(browser: Browser, base: string, row: Row, full: boolean): Promise<void> {
  const { page, close } = await openPage(browser, `${base}?impl=${row.impl}&n=${row.n}`);
  try {
    const mounted = await capped(waitMounted(page), 'mount').catch((e: unknown) => {
      throw e instanceof Error && /Timeout|timed out/i.test(e.message) ? new TimedOut('mount timed out') : e;
    });
    row.mountAll!.push(mounted.mountDone - mounted.renderStart);
    row.navMs = mounted.mountDone;
    if (!full) return;
    const call = <T>(what: string, script: string) => capped(page.evaluate(script) as Promise<T>, what);
    row.nodes = await call<number>('nodes', 'window.__bench.nodeCount()');
    const cdp = await page.context().newCDPSession(page);
    row.heapMB = await capped(heapMB(cdp), 'heap');
    const idle = await call<number[]>('idle', 'window.__bench.idleFrames(60)');
    row.idleMs = median(idle);
    const scroll = await call<{ intervals: number[] }>('scroll', 'window.__bench.scrollTest(2000, 30)');
    row.frames = scroll.intervals.length;
    row.p95 = pct(scroll.intervals, 95);
    row.slowFrames = scroll.intervals.filter((x) => x > SLOW_FRAME + 0.5).length;
    const prepend = await call<{ immediate: number | null; maxAbs: number | null; lost: boolean; trace: string[] }>('prepend', 'window.__bench.prependTest(50, 20)');
    if (process.env.PARLEY_BENCH_TRACE) console.log(`    ${row.impl} N=${row.n} prepend trace:\n      ${prepend.trace.join('\n      ')}`);
    row.jump = prepend.maxAbs;
    row.jumpNow = prepend.immediate;
    row.append = await call('append', 'window.__bench.appendTest()');
    row.nodesAfter = await call<number>('nodes', 'window.__bench.nodeCount()');
  } catch (e) {
    row.status = e instanceof TimedOut ? e.message : `error: ${(e as Error).message.split('\n')[0]}`;
  } finally {
    await close();
  }
}

/**
 * Every list at one size. Repetitions go round-robin over the lists (one page of each,
 * then the next round) so that a busy moment on the machine hits all of them alike;
 * the last round also takes the other measurements.
 */
async function measureSize(browser: Browser, base: string, n: number): Promise<Row[]> {
  const rows: Row[] = IMPLS.map((impl) => ({ impl, n, status: 'ok', mountAll: [] }));
  const rounds = Math.max(...IMPLS.map((impl) => repsFor(impl, n)));
  for (let round = 0; round < rounds; round++) {
    for (const row of rows) {
      const reps = repsFor(row.impl, n);
      // Lists with fewer repetitions run in the last rounds, with the others.
      const rep = round - (rounds - reps);
      if (rep < 0 || row.status !== 'ok') continue;
      const started = Date.now();
      await measureOnce(browser, base, row, rep === reps - 1);
      if (rep === reps - 1) console.log(`  ${row.impl} N=${n}: ${row.status} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  }
  for (const row of rows) if (row.mountAll!.length > 0) row.mountMs = median(row.mountAll!);
  return rows;
}

const f = (x: number | undefined | null, d = 1) => (x === undefined ? '–' : x === null ? 'lost' : x.toFixed(d));

function printTable(n: number, rows: Row[]): string[] {
  const head = ['impl', 'mount ms', '(nav ms)', 'nodes', 'nodes end', 'heap MB', 'idle fr', 'p95 fr', '>16.7', 'jump px', 'append Δbot', 'status'];
  const body = rows.map((r) => [
    r.impl,
    r.mountMs === undefined ? '–' : `${f(r.mountMs)}${r.mountAll!.length > 1 ? ` [${r.mountAll!.map((x) => x.toFixed(0)).join(',')}]` : ''}`,
    f(r.navMs, 0),
    f(r.nodes, 0),
    f(r.nodesAfter, 0),
    f(r.heapMB),
    f(r.idleMs),
    f(r.p95),
    r.slowFrames === undefined ? '–' : `${r.slowFrames}/${r.frames}`,
    r.jump === undefined ? '–' : r.jump === null ? 'lost' : `${r.jump.toFixed(1)}${r.jumpNow !== undefined && r.jumpNow !== null ? ` (now ${r.jumpNow.toFixed(0)})` : ''}`,
    r.append ? `${r.append.distanceFromBottom.toFixed(0)}${r.append.visible ? ' visible' : ' NOT visible'}` : '–',
    r.status,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  const out = [`\nN = ${n.toLocaleString('en')}`, line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)];

  const base = rows.find((r) => r.impl === 'tanstack');
  for (const p of rows.filter((r) => r.impl.startsWith('parley'))) {
    // The budgets are for the 100 000-message list; other sizes are shown against the same bars.
    const budgeted = n === BUDGETED_N;
    const check = (name: string, ok: boolean | undefined, detail: string) =>
      `  ${ok === undefined ? 'N/A ' : ok ? (budgeted ? 'PASS' : 'ok  ') : budgeted ? 'FAIL' : 'over'} ${p.impl} ${name}: ${detail}`;
    out.push(budgeted ? `Budgets for ${p.impl} (N = ${n}):` : `${p.impl} against the budgets' bars (N = ${n}, not budgeted):`);
    out.push(check('DOM nodes ≤ 150', p.nodes === undefined ? undefined : p.nodes <= 150 && (p.nodesAfter ?? 0) <= 150, `${p.nodes} at mount, ${p.nodesAfter} at end`));
    const mountRatio = p.mountMs !== undefined && base?.mountMs ? p.mountMs / base.mountMs : undefined;
    out.push(check('mount ≤ 1.2 × tanstack', mountRatio === undefined ? undefined : mountRatio <= 1.2, `${f(p.mountMs)} vs ${f(base?.mountMs)} ms = ${f(mountRatio, 2)}×`));
    const heapRatio = p.heapMB !== undefined && base?.heapMB ? p.heapMB / base.heapMB : undefined;
    const heapDetail = `${f(p.heapMB)} vs ${f(base?.heapMB)} MB = ${f(heapRatio, 2)}×`;
    if (p.impl.endsWith('-remote')) {
      out.push(check('heap ≤ 1.5 × tanstack', heapRatio === undefined ? undefined : heapRatio <= 1.5, heapDetail));
    } else {
      // Not a budget: this page also holds the in-page mock server's copy of the conversation.
      out.push(`  INFO ${p.impl} heap incl. the in-page mock server: ${heapDetail}`);
    }
    out.push(check('prepend jump 0 px', p.jump === undefined ? undefined : p.jump !== null && p.jump <= 0.5, `${f(p.jump)} px (right after: ${f(p.jumpNow)})`));
    out.push(check('p95 scroll frame ≤ 1.2 × idle frame', p.p95 === undefined || p.idleMs === undefined ? undefined : p.p95 <= 1.2 * p.idleMs, `${f(p.p95)} ms vs idle ${f(p.idleMs)} ms, ${p.slowFrames}/${p.frames} frames > 16.7 ms`));
    out.push(check('append while pinned stays at bottom', p.append === undefined ? undefined : p.append.distanceFromBottom <= 1 && p.append.visible, p.append ? `${f(p.append.distanceFromBottom, 0)} px from bottom, new row ${p.append.visible ? 'visible' : 'NOT visible'}` : '–'));
  }
  out.push(...formattingCost(rows, n === BUDGETED_N));
  out.push(...beforeAfter(rows));
  for (const l of out) console.log(l);
  return out;
}

/** Formatting on (`parley-*-remote`) against off (`parley-plain-*-remote`): mount and p95 frame within 1.1×. */
function formattingCost(rows: Row[], budgeted: boolean): string[] {
  const out: string[] = [];
  for (const off of rows.filter((r) => r.impl.startsWith('parley-plain-'))) {
    const on = rows.find((r) => r.impl === `parley-${off.impl.slice('parley-plain-'.length)}`);
    if (!on) continue;
    const within = (a?: number, b?: number) => (a !== undefined && b ? { ratio: a / b, ok: a / b <= 1.1 } : undefined);
    for (const [name, r] of [['mount', within(on.mountMs, off.mountMs)], ['p95 scroll frame', within(on.p95, off.p95)]] as const) {
      const verdict = r === undefined ? 'N/A ' : r.ok ? (budgeted ? 'PASS' : 'ok  ') : budgeted ? 'FAIL' : 'over';
      out.push(`  ${verdict} formatting on ≤ 1.1 × off, ${on.impl} vs ${off.impl} ${name}: ${r ? `${f(r.ratio, 2)}×` : '–'}`);
    }
  }
  return out;
}

/** Each Parley row against the same row on the baseline's sources (not budgets: context). */
function beforeAfter(rows: Row[]): string[] {
  const out: string[] = [];
  for (const before of rows.filter((r) => r.impl.startsWith('base-'))) {
    const after = rows.find((r) => r.impl === `parley-${before.impl.slice('base-'.length)}`);
    if (!after) continue;
    const ratio = (a?: number, b?: number) => (a !== undefined && b ? `${f(a / b, 2)}×` : '–');
    out.push(
      `  BEFORE/AFTER ${after.impl} vs ${BASELINE_NAME}: mount ${f(before.mountMs)} → ${f(after.mountMs)} ms (${ratio(after.mountMs, before.mountMs)}), ` +
        `nodes ${f(before.nodes, 0)} → ${f(after.nodes, 0)}, heap ${f(before.heapMB)} → ${f(after.heapMB)} MB (${ratio(after.heapMB, before.heapMB)}), ` +
        `jump ${f(before.jump)} → ${f(after.jump)} px, p95 frame ${f(before.p95)} → ${f(after.p95)} ms`,
    );
  }
  return out;
}

const t0 = Date.now();
console.log('Building the bench page with Vite…');
await build({
  root: pageDir,
  configFile: false,
  logLevel: 'warn',
  base: './',
  plugins: [parleyEntries, react()],
  build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 5000 },
});
const server = await preview({
  root: pageDir,
  configFile: false,
  logLevel: 'warn',
  build: { outDir },
  preview: { host: '127.0.0.1', port: 0, strictPort: false },
});
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('no preview address');
const base = `http://127.0.0.1:${address.port}/`;
console.log(`Serving ${base} (built in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);

const browser = await chromium.launch({
  executablePath: resolveChromium(),
  // The suite's launch flags, plus gc() for heap readings.
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
});

let failed = false;
try {
  for (const n of SIZES) {
    const rows = await measureSize(browser, base, n);
    const lines = printTable(n, rows);
    if (lines.some((l) => l.includes(' FAIL '))) failed = true;
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
console.log(`\nTotal ${((Date.now() - t0) / 1000).toFixed(0)} s`);
if (failed) process.exitCode = 1;
