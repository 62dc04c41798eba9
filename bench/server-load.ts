/**
 * Server load bench: N simulated socket.io clients against `startMockServer`
 * on 127.0.0.1, each sending messages at a steady rate into shared group
 * conversations for a bounded time. Every message is timed from the moment its
 * sender emits it until it arrives (`message:new`, matched by clientId) on
 * every OTHER member's socket.
 *
 * Run: `npm run bench:server` (or `npm run bench:server -- --clients 50 --duration 10`).
 * Options: --clients N (200), --duration S (20, capped at 30), --rate msgs/s per
 * client (1), --group members per conversation (20).
 *
 * Layout: the server runs in a worker thread (its own event loop, like a separate
 * process; this machine has 2 cores), the clients in the main thread. Users and
 * conversations are made through the core API (`server.createUser`,
 * `server.createConversation`) in the worker. The server keeps its default
 * per-socket rate limits (20 sends / 10 s): the default rate stays well inside.
 *
 * Reports messages sent and acked, deliveries expected and received, messages/s
 * and deliveries/s, p50/p99/max delivery latency, lost and duplicated
 * deliveries, and the server thread's event-loop utilisation. Exit code is
 * non-zero when anything was lost, duplicated or refused. A watchdog stops the
 * whole run after 60 s whatever happens; it stops by itself and only ever
 * talks to 127.0.0.1.
 */
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';
import { startMockServer } from 'parley/mock-server/node';

interface Setup {
  clients: number;
  group: number;
}

interface ServerReady {
  type: 'ready';
  url: string;
  users: string[];
  /** Conversation id per user index. */
  conversationOf: string[];
  membersOf: Record<string, number>;
}

// ------------------------------------------------------------------ server thread

async function runServer(setup: Setup): Promise<void> {
  const port = parentPort!;
  const running = await startMockServer({ port: 0, host: '127.0.0.1', seed: 'bench' });
  const { server } = running;
  const users: string[] = [];
  for (let i = 0; i < setup.clients; i++) {
    const id = `load-${i}`;
    server.createUser({ id, name: `Load ${i}` });
    users.push(id);
  }
  const conversationOf: string[] = [];
  const membersOf: Record<string, number> = {};
  for (let start = 0; start < users.length; start += setup.group) {
    const memberIds = users.slice(start, start + setup.group);
    const id = `load-room-${start / setup.group}`;
    server.createConversation({ id, kind: 'group', title: `Load room ${start / setup.group}`, memberIds });
    membersOf[id] = memberIds.length;
    for (let k = 0; k < memberIds.length; k++) conversationOf.push(id);
  }
  let elu = performance.eventLoopUtilization();
  port.on('message', async (message: { type: string }) => {
    if (message.type === 'measure-start') elu = performance.eventLoopUtilization();
    if (message.type === 'measure-stop') {
      const used = performance.eventLoopUtilization(elu);
      port.postMessage({ type: 'measured', utilization: used.utilization, rssMb: process.memoryUsage().rss / 1e6 });
    }
    if (message.type === 'close') {
      await running.close();
      port.postMessage({ type: 'closed' });
      port.close();
    }
  });
  const ready: ServerReady = { type: 'ready', url: running.url, users, conversationOf, membersOf };
  port.postMessage(ready);
}

// ------------------------------------------------------------------ clients (main thread)

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runClients(): Promise<number> {
  const clients = Math.floor(arg('clients', 200));
  const durationS = Math.min(30, arg('duration', 20));
  const rate = arg('rate', 1);
  const group = Math.max(2, Math.floor(arg('group', 20)));
  const started = performance.now();

  const worker = new Worker(new URL(import.meta.url), { workerData: { clients, group } satisfies Setup });
  const fromWorker = (type: string) =>
    new Promise<any>((resolve, reject) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== type) return;
        worker.off('message', onMessage);
        resolve(m);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  const ready = (await fromWorker('ready')) as ServerReady;
  console.log(`Node ${process.version}; server thread on ${ready.url}`);
  console.log(
    `${clients} clients in ${Object.keys(ready.membersOf).length} conversations of ≤ ${group}, ` +
      `${rate} msg/s each for ${durationS} s (socket.io websocket transport)\n`,
  );

  // Per message: send time and which sockets have it. Keyed by clientId.
  const sentAt = new Map<string, number>();
  const receivedBy = new Map<string, Set<number>>();
  const expectedFor = new Map<string, number>();
  const latencies: number[] = [];
  let duplicates = 0;
  let unexpected = 0;
  let acked = 0;
  let refused = 0;
  let sent = 0;
  const refusals = new Map<string, number>();

  // Connect in batches, as a crowd arriving rather than one thundering herd.
  const sockets: Socket[] = [];
  const connectStart = performance.now();
  for (let start = 0; start < clients; start += 50) {
    const batch: Promise<void>[] = [];
    for (let i = start; i < Math.min(clients, start + 50); i++) {
      const socket = io(ready.url, { auth: { token: `${ready.users[i]}-token` }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      const me = i;
      socket.on('message:new', (message: { clientId: string; authorId: string }) => {
        const at = performance.now();
        const set = receivedBy.get(message.clientId);
        const sentTime = sentAt.get(message.clientId);
        if (!set || sentTime === undefined) {
          unexpected++;
          return;
        }
        if (message.authorId === ready.users[me]) return; // the sender's own echo (for its other tabs)
        if (set.has(me)) {
          duplicates++;
          return;
        }
        set.add(me);
        latencies.push(at - sentTime);
      });
      batch.push(
        new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', (err) => reject(err));
        }),
      );
    }
    await Promise.all(batch);
  }
  console.log(`Connected ${clients} sockets in ${(performance.now() - connectStart).toFixed(0)} ms`);

  // Steady senders, each starting at a random offset within its first interval.
  const intervalMs = 1000 / rate;
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
        } else {
          refused++;
          const code = err ? 'timeout' : (ack.error?.code ?? 'unknown');
          refusals.set(code, (refusals.get(code) ?? 0) + 1);
        }
      },
    );
  };
  worker.postMessage({ type: 'measure-start' });
  const sendStart = performance.now();
  for (let i = 0; i < clients; i++) {
    let n = 0;
    starters.push(
      setTimeout(() => {
        sendOne(i, n++);
        timers.push(setInterval(() => sendOne(i, n++), intervalMs));
      }, Math.random() * intervalMs),
    );
  }
  await sleep(durationS * 1000);
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
  const drainStart = performance.now();
  while (performance.now() - drainStart < 5000) {
    if (acked + refused === sent && received() === expectedTotal()) break;
    await sleep(50);
  }
  const drainMs = performance.now() - drainStart;
  worker.postMessage({ type: 'measure-stop' });
  const measured = (await fromWorker('measured')) as { utilization: number; rssMb: number };

  const expected = expectedTotal();
  const got = received();
  const lost = expected - got;
  const sorted = Float64Array.from(latencies).sort();
  const seconds = (sendEnd - sendStart) / 1000;
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

  console.log('');
  console.log(`messages sent            ${sent}  (acked ${acked}, refused ${refused}${refusals.size ? `: ${[...refusals].map(([c, n]) => `${c} ${n}`).join(', ')}` : ''})`);
  console.log(`deliveries expected      ${expected}  (each acked message × the other members)`);
  console.log(`deliveries received      ${got}`);
  console.log(`messages/s               ${(acked / seconds).toFixed(1)}`);
  console.log(`deliveries/s             ${(got / seconds).toFixed(1)}`);
  console.log(`delivery latency         p50 ${fmt(percentile(sorted, 50))}   p99 ${fmt(percentile(sorted, 99))}   max ${fmt(sorted.at(-1) ?? Number.NaN)}`);
  console.log(`lost                     ${lost}`);
  console.log(`duplicated               ${duplicates}`);
  if (unexpected) console.log(`unknown messages         ${unexpected}`);
  console.log(`server event loop busy   ${(measured.utilization * 100).toFixed(1)} %   (server thread; rss of the process ${measured.rssMb.toFixed(0)} MB)`);
  console.log(`drain after sending      ${drainMs.toFixed(0)} ms`);

  for (const socket of sockets) socket.disconnect();
  worker.postMessage({ type: 'close' });
  await fromWorker('closed');
  await worker.terminate();
  console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const failures = [
    lost !== 0 && `${lost} deliveries lost`,
    duplicates !== 0 && `${duplicates} duplicated`,
    refused !== 0 && `${refused} sends refused`,
    unexpected !== 0 && `${unexpected} unknown messages`,
  ].filter(Boolean);
  if (failures.length) {
    console.error(`\nFAIL: ${failures.join(', ')}`);
    return 1;
  }
  console.log('\nOK: nothing lost, nothing duplicated.');
  return 0;
}

if (isMainThread) {
  // Whatever happens, the bench ends within a minute.
  const watchdog = setTimeout(() => {
    console.error('Watchdog: the bench took over 60 s; stopping.');
    process.exit(2);
  }, 60_000);
  runClients()
    .then((code) => {
      clearTimeout(watchdog);
      process.exit(code);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
} else {
  void runServer(workerData as Setup);
}
