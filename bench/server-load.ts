/**
 * Server load bench: N simulated socket.io clients against `startMockServer`
 * on 127.0.0.1, each sending messages at a steady rate into shared group
 * conversations, every message timed until it reaches every OTHER member
 * (server-load/loadRun.ts). The same load runs with the server's default limits
 * and with `rateLimits: false`, in one run, to show what the limits cost.
 *
 * Run: `npm run bench:server` (or `npm run bench:server -- --clients 50 --duration 10`).
 * Options: --clients N (200), --duration S per mode (20, capped at 30), --rate msgs/s
 * per client (1), --group members per conversation (20), --only on|off (one mode),
 * --warmup S (3: a first run, not counted, so neither mode meets a cold client thread).
 *
 * Layout: the server runs in a worker thread (its own event loop, like a separate
 * process; this machine has 2 cores), the clients in the main thread; each run
 * gets a fresh server (server-load/serverThread.ts). The two modes alternate in
 * quarters, limits on, off, off, on, then off, on, on, off: a machine that speeds up
 * or slows down during the bench favours neither, and neither holds both the first and
 * the last run (with on, off, off, on, the limits measured 18-23 % dearer in p99 three
 * times running, and 8 % / -7 % with the order reversed, on code whose limiter takes
 * 0.02 % of the server thread's CPU profile). The default rate (1 message/s, 10 per 10 s)
 * stays inside the default send budget (20 per 10 s per user).
 *
 * Reports, per mode, messages sent and acked, deliveries expected and received,
 * messages/s and deliveries/s, p50/p99/max delivery latency, lost and duplicated
 * deliveries, refusals and the server thread's event-loop utilisation; then both
 * p99s and their ratio. Exit code is non-zero when anything was lost, duplicated
 * or refused, or when the limits cost more than 10 % in p99. A watchdog stops
 * the whole run whatever happens; it only ever talks to 127.0.0.1.
 */
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runLoad, type RunResult } from './server-load/loadRun';
import { runServer, type Setup } from './server-load/serverThread';

/** What the limits may add to the p99 delivery latency. */
const P99_BUDGET = 1.1;

type Mode = 'on' | 'off';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

function onlyMode(): Mode | undefined {
  const i = process.argv.indexOf('--only');
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (value !== 'on' && value !== 'off') throw new Error('--only must be on or off');
  return value;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface ModeTotals {
  runs: RunResult[];
  sorted: Float64Array;
  refused: number;
}

function totals(runs: RunResult[]): ModeTotals {
  const sorted = Float64Array.from(runs.flatMap((r) => r.latencies)).sort();
  const refused = runs.reduce((sum, r) => sum + [...r.refusals.values()].reduce((a, b) => a + b, 0), 0);
  return { runs, sorted, refused };
}

function report(mode: Mode, { runs, sorted, refused }: ModeTotals): string[] {
  const sum = (pick: (r: RunResult) => number) => runs.reduce((a, r) => a + pick(r), 0);
  const seconds = sum((r) => r.seconds);
  const lost = sum((r) => r.expected - r.received);
  const duplicates = sum((r) => r.duplicates);
  const unexpected = sum((r) => r.unexpected);
  const refusals = new Map<string, number>();
  for (const r of runs) for (const [code, n] of r.refusals) refusals.set(code, (refusals.get(code) ?? 0) + n);
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  const by = refusals.size ? `: ${[...refusals].map(([c, n]) => `${c} ${n}`).join(', ')}` : '';
  console.log(`\n── limits ${mode}: ${runs[0]!.note} (${runs.length} runs, ${seconds.toFixed(1)} s of sending)`);
  console.log(`messages sent            ${sum((r) => r.sent)}  (acked ${sum((r) => r.acked)})`);
  console.log(`refusals                 ${refused}${by}`);
  console.log(`deliveries expected      ${sum((r) => r.expected)}  (each acked message × the other members)`);
  console.log(`deliveries received      ${sum((r) => r.received)}`);
  console.log(`messages/s               ${(sum((r) => r.acked) / seconds).toFixed(1)}`);
  console.log(`deliveries/s             ${(sum((r) => r.received) / seconds).toFixed(1)}`);
  console.log(`delivery latency         p50 ${fmt(percentile(sorted, 50))}   p99 ${fmt(percentile(sorted, 99))}   max ${fmt(sorted.at(-1) ?? Number.NaN)}`);
  console.log(`lost                     ${lost}`);
  console.log(`duplicated               ${duplicates}`);
  if (unexpected) console.log(`unknown messages         ${unexpected}`);
  const busy = runs.map((r) => `${(r.utilization * 100).toFixed(1)} %`).join(', ');
  console.log(`server event loop busy   ${busy}   (server thread; rss ${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} MB)`);
  console.log(`connect, drain           ${runs.map((r) => `${r.connectMs.toFixed(0)} ms, ${r.drainMs.toFixed(0)} ms`).join(' | ')}`);
  return [
    lost !== 0 && `${lost} deliveries lost (limits ${mode})`,
    duplicates !== 0 && `${duplicates} duplicated (limits ${mode})`,
    refused !== 0 && `${refused} refused (limits ${mode})`,
    unexpected !== 0 && `${unexpected} unknown messages (limits ${mode})`,
  ].filter((f): f is string => typeof f === 'string');
}

async function main(): Promise<number> {
  const clients = Math.floor(arg('clients', 200));
  const durationS = Math.min(30, arg('duration', 20));
  const rate = arg('rate', 1);
  const group = Math.max(2, Math.floor(arg('group', 20)));
  const only = onlyMode();
  const started = performance.now();
  // ABBA then BAAB: a drift up or down favours neither mode, and each holds the first and the
  // last place once. Runs of one mode vary by ±40 % in p99 from one to the next.
  const order: Mode[] = only ? [only] : ['on', 'off', 'off', 'on', 'off', 'on', 'on', 'off'];
  const load = { durationS: only ? durationS : durationS / 4, rate };
  const warmupS = arg('warmup', 3);
  console.log(`Node ${process.version}; ${clients} clients in conversations of ≤ ${group}, ${rate} msg/s each`);
  console.log(`a ${warmupS} s warm-up, then ${order.length} runs of ${load.durationS} s, limits ${order.join(', ')} (socket.io websocket transport)`);
  await runLoad(new URL(import.meta.url), { clients, group, limits: true }, { durationS: warmupS, rate });

  const runs: Record<Mode, RunResult[]> = { on: [], off: [] };
  for (const mode of order) {
    const setup: Setup = { clients, group, limits: mode === 'on' };
    const result = await runLoad(new URL(import.meta.url), setup, load);
    const p99 = percentile(Float64Array.from(result.latencies).sort(), 99);
    console.log(`  limits ${mode}: ${result.latencies.length} deliveries timed, p99 ${p99.toFixed(2)} ms (server ${result.url}, ${result.rooms} rooms)`);
    runs[mode].push(result);
  }
  const failures: string[] = [];
  const measured: Partial<Record<Mode, ModeTotals>> = {};
  for (const mode of ['on', 'off'] as const) {
    if (runs[mode].length === 0) continue;
    measured[mode] = totals(runs[mode]);
    failures.push(...report(mode, measured[mode]));
  }
  if (measured.on && measured.off) {
    const on = percentile(measured.on.sorted, 99);
    const off = percentile(measured.off.sorted, 99);
    const ratio = on / off;
    console.log(`\np99 with limits ${on.toFixed(2)} ms, without ${off.toFixed(2)} ms: ratio ${ratio.toFixed(3)} (budget ≤ ${P99_BUDGET})`);
    console.log(`refusals with limits: ${measured.on.refused}`);
    if (!(ratio <= P99_BUDGET)) failures.push(`the limits cost ${((ratio - 1) * 100).toFixed(0)} % in p99 (budget ${((P99_BUDGET - 1) * 100).toFixed(0)} %)`);
  }
  console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (failures.length) {
    console.error(`\nFAIL: ${failures.join(', ')}`);
    return 1;
  }
  console.log('\nOK: nothing lost, duplicated or refused; the limits within their p99 budget.');
  return 0;
}

if (isMainThread) {
  // Whatever happens, the bench ends: two modes of at most 30 s each, plus connecting and draining.
  const watchdog = setTimeout(() => {
    console.error('Watchdog: the bench took over 3 minutes; stopping.');
    process.exit(2);
  }, 180_000);
  main()
    .then((code) => {
      clearTimeout(watchdog);
      process.exit(code);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
} else {
  void runServer(workerData as Setup, parentPort!);
}
