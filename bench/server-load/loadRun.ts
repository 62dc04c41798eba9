/**
 * One run of the load: a server thread (serverThread.ts), N socket.io clients
 * in this thread each sending at a steady rate into its room, every message
 * timed from its emit until it arrives (`message:new`, matched by clientId) on
 * every OTHER member's socket. Returns the raw counts and latencies.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';
import type { ServerReady, Setup } from './serverThread';

export interface Load {
  durationS: number;
  /** Messages per second per client. */
  rate: number;
}

export interface RunResult {
  readonly note: string;
  readonly url: string;
  readonly rooms: number;
  readonly connectMs: number;
  readonly latencies: number[];
  readonly sent: number;
  readonly acked: number;
  /** Refused acks (and connections refused) by error code. */
  readonly refusals: Map<string, number>;
  readonly expected: number;
  readonly received: number;
  readonly duplicates: number;
  readonly unexpected: number;
  readonly seconds: number;
  readonly drainMs: number;
  readonly utilization: number;
  readonly rssMb: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

export async function runLoad(entry: URL, setup: Setup, load: Load): Promise<RunResult> {
  const worker = new Worker(entry, { workerData: setup });
  const fromWorker = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== type) return;
        worker.off('message', onMessage);
        resolve(m as T);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  const ready = await fromWorker<ServerReady>('ready');

  // Per message: send time and which sockets have it. Keyed by clientId.
  const sentAt = new Map<string, number>();
  const receivedBy = new Map<string, Set<number>>();
  const expectedFor = new Map<string, number>();
  const latencies: number[] = [];
  const refusals = new Map<string, number>();
  let duplicates = 0;
  let unexpected = 0;
  let acked = 0;
  let sent = 0;

  // Connect in batches, as a crowd arriving rather than one thundering herd.
  const sockets: Socket[] = [];
  const connectStart = performance.now();
  for (let start = 0; start < setup.clients; start += 50) {
    const batch: Promise<void>[] = [];
    for (let i = start; i < Math.min(setup.clients, start + 50); i++) {
      const socket = io(ready.url, { auth: { token: ready.tokens[i] }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      socket.on('message:new', (message: { clientId: string; authorId: string }) => {
        const at = performance.now();
        const set = receivedBy.get(message.clientId);
        const sentTime = sentAt.get(message.clientId);
        if (!set || sentTime === undefined) return void unexpected++;
        if (message.authorId === ready.users[i]) return; // the sender's own echo (for its other tabs)
        if (set.has(i)) return void duplicates++;
        set.add(i);
        latencies.push(at - sentTime);
      });
      batch.push(
        new Promise<void>((resolve) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', (err: Error & { data?: { code?: string } }) => {
            count(refusals, `connect ${err.data?.code ?? err.message}`);
            resolve();
          });
        }),
      );
    }
    await Promise.all(batch);
  }
  const connectMs = performance.now() - connectStart;

  // Steady senders, each starting at a random offset within its first interval.
  const intervalMs = 1000 / load.rate;
  const timers: ReturnType<typeof setInterval>[] = [];
  const starters: ReturnType<typeof setTimeout>[] = [];
  const sendOne = (i: number, n: number) => {
    const conversationId = ready.conversationOf[i]!;
    const clientId = `b${i}-${n}`;
    sentAt.set(clientId, performance.now());
    receivedBy.set(clientId, new Set());
    sent++;
    sockets[i]!.timeout(10_000).emit(
      'message:send',
      { conversationId, clientId, text: `load ${i} #${n}` },
      (err: Error | null, ack: { ok: boolean; error?: { code: string } }) => {
        if (!err && ack.ok) {
          acked++;
          expectedFor.set(clientId, ready.membersOf[conversationId]! - 1);
        } else count(refusals, err ? 'timeout' : (ack.error?.code ?? 'unknown'));
      },
    );
  };
  worker.postMessage({ type: 'measure-start' });
  const sendStart = performance.now();
  for (let i = 0; i < setup.clients; i++) {
    let n = 0;
    starters.push(
      setTimeout(() => {
        sendOne(i, n++);
        timers.push(setInterval(() => sendOne(i, n++), intervalMs));
      }, Math.random() * intervalMs),
    );
  }
  await sleep(load.durationS * 1000);
  for (const t of starters) clearTimeout(t);
  for (const t of timers) clearInterval(t);
  const sendEnd = performance.now();

  // Drain: wait for acks and deliveries, at most 5 s.
  const received = () => {
    let total = 0;
    for (const [clientId, expected] of expectedFor) total += Math.min(expected, receivedBy.get(clientId)!.size);
    return total;
  };
  const expectedTotal = () => [...expectedFor.values()].reduce((a, b) => a + b, 0);
  const refused = () => [...refusals].filter(([code]) => !code.startsWith('connect ')).reduce((a, [, n]) => a + n, 0);
  const drainStart = performance.now();
  while (performance.now() - drainStart < 5000) {
    if (acked + refused() === sent && received() === expectedTotal()) break;
    await sleep(50);
  }
  const drainMs = performance.now() - drainStart;
  worker.postMessage({ type: 'measure-stop' });
  const measured = await fromWorker<{ utilization: number; rssMb: number }>('measured');

  for (const socket of sockets) socket.disconnect();
  worker.postMessage({ type: 'close' });
  await fromWorker('closed');
  await worker.terminate();
  return {
    note: ready.limitsNote,
    url: ready.url,
    rooms: Object.keys(ready.membersOf).length,
    connectMs,
    latencies,
    sent,
    acked,
    refusals,
    expected: expectedTotal(),
    received: received(),
    duplicates,
    unexpected,
    seconds: (sendEnd - sendStart) / 1000,
    drainMs,
    utilization: measured.utilization,
    rssMb: measured.rssMb,
  };
}
