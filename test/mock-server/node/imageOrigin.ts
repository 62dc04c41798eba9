/**
 * An "external" image host for the image proxy tests, on a loopback address:
 * it serves good and bad images and records every connection, request and
 * whether each answer was sent whole or cut off by the proxy.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { png } from '../imageFixtures';

export const PNG = png(4, 3);
export const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>';
export const HTML = '<!doctype html><html><body><img src="x" onerror="alert(1)"></body></html>';
/** Far bigger than any test's `maxBytes`, and than what loopback buffers hold: a sender of it all was read to the end. */
export const HUGE = 32_000_000;

export interface SeenRequest {
  /** The path and query asked for. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** Settles when the answer closes: whether it was sent whole, and how many body bytes went out. */
  readonly closed: Promise<{ readonly finished: boolean; readonly sent: number }>;
}

export interface ImageOrigin {
  /** e.g. `http://127.0.0.1:40123` */
  readonly base: string;
  readonly requests: SeenRequest[];
  /** TCP connections accepted, requests or not. */
  connections(): number;
  /** The first request for `path` (and query), already seen or coming. */
  requested(path: string): Promise<SeenRequest>;
  close(): Promise<void>;
}

/** Writes `total` bytes (starting with `head`) as fast as the reader takes them; stops when cut off. */
function pump(out: ServerResponse | Socket, head: Uint8Array, total: number, onSent: (n: number) => void): void {
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  let sent = 0;
  const write = (bytes: Uint8Array) => {
    sent += bytes.length;
    onSent(sent);
    return out.write(bytes);
  };
  const more = () => {
    while (sent < total && !out.destroyed) {
      if (!write(chunk.subarray(0, Math.min(chunk.length, total - sent)))) return void out.once('drain', more);
    }
    if (!out.destroyed) out.end();
  };
  write(head);
  more();
}

/** A raw HTTP answer written on the socket itself, for what Node's own server would never send. */
function raw(socket: Socket, headers: string, total: number, onSent: (n: number) => void): void {
  socket.write(`HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\n${headers}\r\n`);
  pump(socket, PNG, total, onSent);
}

export async function startImageOrigin(host = '127.0.0.1'): Promise<ImageOrigin> {
  const requests: SeenRequest[] = [];
  const waiters = new Map<string, (r: SeenRequest) => void>();
  let connections = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://origin');
    let sent = 0;
    const counted = (n: number) => (sent = n);
    const closed = new Promise<{ finished: boolean; sent: number }>((resolve) => {
      req.socket.once('close', () => resolve({ finished: res.writableFinished, sent }));
    });
    const seen: SeenRequest = { path: `${url.pathname}${url.search}`, headers: req.headers, closed };
    requests.push(seen);
    waiters.get(seen.path)?.(seen);
    const hops = /^\/hops\/(\d+)$/.exec(url.pathname);
    if (hops) {
      const left = Number(hops[1]);
      res.writeHead(302, { Location: left > 1 ? `/hops/${left - 1}` : '/cat.png' }).end();
      return;
    }
    switch (url.pathname) {
      case '/cat.png':
        // A wrong type and a cookie: the proxy passes on neither.
        res.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': 'track=1', 'Content-Length': PNG.length }).end(PNG);
        sent = PNG.length;
        return;
      case '/icon.svg':
        return void res.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end(SVG);
      case '/page.png':
        return void res.writeHead(200, { 'Content-Type': 'image/png' }).end(HTML);
      case '/missing.png':
        return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no');
      case '/redirect':
        return void res.writeHead(302, { Location: url.searchParams.get('to') ?? '/' }).end();
      case '/huge.png':
        res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': HUGE });
        return pump(res, PNG, HUGE, counted);
      case '/chunked.png':
        res.writeHead(200, { 'Content-Type': 'image/png' });
        return pump(res, PNG, HUGE, counted);
      case '/unframed.png':
        // No Content-Length, no chunks: the body runs until the connection closes.
        return raw(req.socket, '', HUGE, counted);
      case '/short-length.png':
        // Says 1 000 bytes, sends 32 MB.
        return raw(req.socket, 'Content-Length: 1000\r\n', HUGE, counted);
      case '/slow-body.png':
        res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': 10_000 });
        res.write(PNG);
        sent = PNG.length;
        return; // and never the rest
      case '/no-answer.png':
        return; // never even the headers
      default:
        res.writeHead(404).end();
    }
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://${host}:${port}`,
    requests,
    connections: () => connections,
    requested: (path) =>
      new Promise((resolve) => {
        const seen = requests.find((r) => r.path === path);
        if (seen) resolve(seen);
        else waiters.set(path, resolve);
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
