/**
 * Which `Host` names the Node server answers to. A page on evil.example can point
 * its own name at 127.0.0.1 (DNS rebinding) and then call the server as if it were
 * same-origin; its requests still say `Host: evil.example`, so only known names are
 * served: loopback ones (`localhost`, `*.localhost`, `127.0.0.1`, `[::1]`, any port)
 * and the host the server binds, plus `allowedHosts` (`.example.com` for the name
 * and its subdomains), or any with `allowedHosts: true` (behind a proxy that checks).
 * Others get 403 `forbidden_host` and reach nothing else, socket.io included.
 */
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import { HttpError } from './http';

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

/** The `FrontCheck` (frontDoor.ts) for a host policy: 403 `forbidden_host` for a name this server does not answer to. */
export function hostCheck(allows: (header: string | undefined) => boolean): (req: IncomingMessage) => HttpError | null {
  return (req) => {
    const header = req.headers.host;
    if (allows(header)) return null;
    const named = header === undefined ? 'A request without a Host header' : `Host ${JSON.stringify(header.slice(0, 200))}`;
    return new HttpError(
      'forbidden_host',
      `${named} is not one this server answers to (a guard against DNS rebinding): use localhost or 127.0.0.1, or list it in startMockServer({ allowedHosts })`,
    );
  };
}
