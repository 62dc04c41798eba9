/**
 * The server side of the load bench, in its own worker thread (its own event
 * loop, like a separate process): `startMockServer` on 127.0.0.1 with the load
 * users and rooms made through the core API, limits on (the defaults) or off.
 */
import { performance } from 'node:perf_hooks';
import type { MessagePort } from 'node:worker_threads';
import { DEFAULT_RATE_LIMITS, startMockServer, type RateLimits } from 'parley/mock-server/node';

export interface Setup {
  clients: number;
  group: number;
  /** The default limits, or `rateLimits: false`. */
  limits: boolean;
}

export interface ServerReady {
  type: 'ready';
  url: string;
  users: string[];
  tokens: string[];
  /** Conversation id per user index. */
  conversationOf: string[];
  membersOf: Record<string, number>;
  /** What was changed from the defaults, if anything. */
  limitsNote: string;
}

/**
 * Every bench client comes from 127.0.0.1, so the per-address caps meet the whole crowd at once;
 * they are raised to the crowd's size only when it is larger than they are (not at 200).
 */
function benchLimits(clients: number): { rateLimits: Partial<RateLimits>; note: string } {
  const { connectionsPerIp, handshakesPerIp } = DEFAULT_RATE_LIMITS;
  const burst = handshakesPerIp.burst ?? handshakesPerIp.limit;
  if (clients <= connectionsPerIp && clients <= burst) return { rateLimits: {}, note: 'the defaults' };
  return {
    rateLimits: {
      connectionsPerIp: Math.max(connectionsPerIp, clients),
      handshakesPerIp: { ...handshakesPerIp, limit: Math.max(handshakesPerIp.limit, clients), burst: Math.max(burst, clients) },
    },
    note: `the defaults, per-address caps raised to ${clients} (one address, ${clients} clients)`,
  };
}

export async function runServer(setup: Setup, port: MessagePort): Promise<void> {
  const { rateLimits, note } = benchLimits(setup.clients);
  const running = await startMockServer({ port: 0, host: '127.0.0.1', seed: 'bench', rateLimits: setup.limits ? rateLimits : false });
  const { server } = running;
  const users: string[] = [];
  const tokens: string[] = [];
  for (let i = 0; i < setup.clients; i++) {
    const id = `load-${i}`;
    server.createUser({ id, name: `Load ${i}` });
    users.push(id);
    tokens.push(server.issueToken(id));
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
  const ready: ServerReady = {
    type: 'ready',
    url: running.url,
    users,
    tokens,
    conversationOf,
    membersOf,
    limitsNote: setup.limits ? note : 'rateLimits: false',
  };
  port.postMessage(ready);
}
