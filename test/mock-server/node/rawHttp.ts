/**
 * Raw node:http requests and WebSocket upgrades against the Node server: every header,
 * Host included, is the caller's choice (fetch would not send a forged one).
 */
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';

export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

export function collect(res: IncomingMessage): Promise<Answer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
  });
}

/** One request with exactly these headers (Host included: fetch would not send a forged one). */
export function raw(url: string, path: string, headers: Record<string, string>, method = 'GET', body?: Buffer): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, headers, agent: false }, (res) => resolve(collect(res)));
    req.on('error', reject);
    req.end(body);
  });
}

/** A WebSocket upgrade to socket.io: 101 when accepted, else the refusal's status and body. */
export function upgrade(url: string, headers: Record<string, string>): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({
      host: hostname,
      port,
      path: '/socket.io/?EIO=4&transport=websocket',
      agent: false,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, text: '' });
    });
    req.on('response', (res) => resolve(collect(res)));
    req.on('error', reject);
    req.end();
  });
}
