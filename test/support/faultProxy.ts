/**
 * A TCP proxy on 127.0.0.1 in front of a server, for network-fault tests:
 * what a Wi-Fi blip, a sleeping laptop or a restarting load balancer does to a
 * link, without touching the server.
 *
 * - `drop()` closes every open connection at once (both ends see a close);
 * - `refuse(true)` resets every new connection as soon as it is accepted (the
 *   server looks unreachable) until `refuse(false)`;
 * - `stall(true)` forwards nothing in either direction, on open and on new
 *   connections, and holds back closes too: a half-open link that just stops
 *   answering. `stall(false)` lets the held bytes and closes through.
 */
import net from 'node:net';

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: give this to clients instead of the server's URL. */
  readonly url: string;
  drop(): void;
  refuse(on: boolean): void;
  stall(on: boolean): void;
  /** Connections accepted so far (refused ones included). */
  readonly accepted: number;
  /** Connections open right now. */
  readonly open: number;
  close(): Promise<void>;
}

interface Pair {
  readonly client: net.Socket;
  readonly upstream: net.Socket;
  /** Bytes read while stalled, per direction, sent on when the stall ends. */
  readonly held: { toUpstream: Buffer[]; toClient: Buffer[] };
  /** A close that happened while stalled. */
  closing: boolean;
}

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const pairs = new Set<Pair>();
  let refusing = false;
  let stalled = false;
  let accepted = 0;

  const destroy = (pair: Pair) => {
    pairs.delete(pair);
    pair.client.destroy();
    pair.upstream.destroy();
  };
  const release = (pair: Pair) => {
    for (const chunk of pair.held.toUpstream.splice(0)) pair.upstream.write(chunk);
    for (const chunk of pair.held.toClient.splice(0)) pair.client.write(chunk);
    if (pair.closing) destroy(pair);
  };

  const server = net.createServer((client) => {
    accepted++;
    if (refusing) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect({ host: target.hostname, port: Number(target.port) });
    const pair: Pair = { client, upstream, held: { toUpstream: [], toClient: [] }, closing: false };
    pairs.add(pair);
    client.on('data', (chunk) => (stalled ? pair.held.toUpstream.push(chunk) : upstream.write(chunk)));
    upstream.on('data', (chunk) => (stalled ? pair.held.toClient.push(chunk) : client.write(chunk)));
    // A silent link does not tell anyone it died: while stalled, closes wait too.
    const closeBoth = () => {
      if (!pairs.has(pair)) return;
      if (stalled) pair.closing = true;
      else destroy(pair);
    };
    for (const s of [client, upstream]) s.on('error', closeBoth).on('close', closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    get accepted() {
      return accepted;
    },
    get open() {
      return pairs.size;
    },
    drop() {
      for (const pair of [...pairs]) destroy(pair);
    },
    refuse(on) {
      refusing = on;
    },
    stall(on) {
      stalled = on;
      if (!on) for (const pair of [...pairs]) release(pair);
    },
    async close() {
      refusing = true;
      stalled = false;
      for (const pair of [...pairs]) destroy(pair);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
