/**
 * Which `Host` names the Node server answers to. A page on evil.example can point
 * its own name at 127.0.0.1 (DNS rebinding) and then call the server as if it were
 * same-origin; its requests still say `Host: evil.example`, so only known names are
 * served: loopback ones (`localhost`, `*.localhost`, `127.0.0.1`, `[::1]`, any port)
 * and the host the server binds, plus `allowedHosts` (`.example.com` for the name
 * and its subdomains), or any with `allowedHosts: true` (behind a proxy that checks).
 * Others get 403 `forbidden_host` and reach nothing else, socket.io included.
 */
import { STATUS_CODES, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import { errorBody, HttpError, sendError } from './http';

export type AllowedHosts = readonly string[] | true;

const LOOPBACK = ['.localhost', '127.0.0.1', '[::1]'];
const WILDCARDS = new Set(['', '0.0.0.0', '::']);

/** A Host header's name without its port, lowercased (IPv6 keeps its brackets); null if malformed. */
export function hostName(header: string): string | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]\s/@]+)(?::\d{1,5})?$/.exec(header.trim().toLowerCase());
  return match ? match[1]!.replace(/\.$/, '') : null;
}

/** `::1` → `[::1]`, as it stands in a Host header. */
function asHostName(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

function boundNames(host: string): string[] {
  if (!WILDCARDS.has(host)) return [asHostName(host)];
  // A wildcard bind answers on every address of this machine: those are its own names.
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => asHostName(a.address)));
}

function checkedName(entry: string): string {
  const name = asHostName(entry);
  if (hostName(name) !== name) {
    throw new Error(`allowedHosts: ${JSON.stringify(entry)} is not a host name (no scheme, no port), e.g. 'chat.example.com' or '.example.com'`);
  }
  return name;
}

/** Whether a request's Host header names this server. */
export function hostPolicy(allowed: AllowedHosts | undefined, host: string): (header: string | undefined) => boolean {
  if (allowed === true) return () => true;
  const names = [...LOOPBACK, ...boundNames(host), ...(allowed ?? []).map(checkedName)];
  const exact = new Set(names.filter((n) => !n.startsWith('.')));
  const domains = names.filter((n) => n.startsWith('.'));
  return (header) => {
    const name = header === undefined ? null : hostName(header);
    if (name === null) return false;
    return exact.has(name) || domains.some((d) => name.endsWith(d) || name === d.slice(1));
  };
}

function refusal(header: string | undefined): HttpError {
  const named = header === undefined ? 'A request without a Host header' : `Host ${JSON.stringify(header.slice(0, 200))}`;
  return new HttpError(
    'forbidden_host',
    `${named} is not one this server answers to (a guard against DNS rebinding): use localhost or 127.0.0.1, or list it in startMockServer({ allowedHosts })`,
  );
}

function refuseUpgrade(socket: Duplex, error: HttpError): void {
  const body = JSON.stringify(errorBody(error));
  socket.on('error', () => {});
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Puts the Host check in front of every listener the HTTP server has by now — ours and
 * socket.io's, which takes `/socket.io/` before ours sees it — so call it after socket.io attaches.
 */
export function guardHosts(http: HttpServer, allows: (header: string | undefined) => boolean): void {
  const requests = http.listeners('request') as RequestListener[];
  const upgrades = http.listeners('upgrade') as UpgradeListener[];
  http.removeAllListeners('request');
  http.removeAllListeners('upgrade');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!allows(req.headers.host)) return sendError(res, refusal(req.headers.host));
    for (const listener of requests) listener.call(http, req, res);
  });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!allows(req.headers.host)) return refuseUpgrade(socket, refusal(req.headers.host));
    if (upgrades.length === 0) return socket.destroy(); // what Node does with no upgrade listener
    for (const listener of upgrades) listener.call(http, req, socket, head);
  });
}
