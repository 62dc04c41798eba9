/**
 * Which addresses the image proxy may connect to: only ones reachable on the
 * public internet. Anything this machine or its network would answer for
 * (loopback, private ranges, link-local such as the cloud metadata service at
 * 169.254.169.254, CGNAT, multicast, unspecified, reserved and documentation
 * ranges) is refused, for IPv4 and IPv6 alike. IPv6 forms that carry an IPv4
 * address (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`,
 * 6to4 `2002::/16`) are judged by that IPv4 address. Other IPv6 is public only
 * inside global unicast (2000::/3) and outside its special blocks.
 */
import { isIPv4, isIPv6 } from 'node:net';

export type AddressScope = 'public' | 'loopback' | 'private' | 'link-local' | 'cgnat' | 'multicast' | 'unspecified' | 'reserved';

/** [first address, prefix length, scope]: IANA's special-purpose IPv4 registry, what is not public. */
const IPV4_BLOCKS: readonly (readonly [string, number, Exclude<AddressScope, 'public'>])[] = [
  ['0.0.0.0', 32, 'unspecified'],
  ['0.0.0.0', 8, 'reserved'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

function ipv4Number(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function ipv4Scope(value: number): AddressScope {
  for (const [first, bits, scope] of IPV4_BLOCKS) {
    const size = 2 ** (32 - bits);
    // Blocks are aligned, so the block of `value` starts at value rounded down to its size.
    if (Math.floor(value / size) * size === ipv4Number(first)) return scope;
  }
  return 'public';
}

/** The 16 bytes of an IPv6 address (`isIPv6` already checked it), a zone id dropped. */
function ipv6Bytes(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (dotted) {
    const n = ipv4Number(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const before = head ? head.split(':') : [];
  const after = tail ? tail.split(':') : [];
  const groups = tail === undefined ? before : [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

const startsWith = (bytes: readonly number[], prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const fromBytes = (bytes: readonly number[]) => bytes.reduce((n, b) => n * 256 + b, 0);

function ipv6Scope(bytes: readonly number[]): AddressScope {
  const zeros = (n: number) => Array<number>(n).fill(0);
  if (bytes.every((b) => b === 0)) return 'unspecified';
  if (startsWith(bytes, [...zeros(15), 1])) return 'loopback';
  // Mapped, compatible and NAT64 carry an IPv4 address in their last four bytes.
  if (startsWith(bytes, [...zeros(10), 0xff, 0xff]) || startsWith(bytes, zeros(12)) || startsWith(bytes, [0, 0x64, 0xff, 0x9b, ...zeros(8)])) {
    return ipv4Scope(fromBytes(bytes.slice(12)));
  }
  if (startsWith(bytes, [0x20, 0x02])) return ipv4Scope(fromBytes(bytes.slice(2, 6)));
  const first = bytes[0]!;
  if (first === 0xff) return 'multicast';
  if (first === 0xfe && (bytes[1]! & 0xc0) === 0x80) return 'link-local';
  if ((first & 0xfe) === 0xfc) return 'private';
  // Outside global unicast, or IETF protocol assignments (Teredo among them) and documentation.
  if ((first & 0xe0) !== 0x20) return 'reserved';
  if (first === 0x20 && bytes[1] === 0x01 && bytes[2]! < 0x02) return 'reserved';
  if (startsWith(bytes, [0x20, 0x01, 0x0d, 0xb8]) || (startsWith(bytes, [0x3f, 0xff]) && bytes[2]! < 0x10)) return 'reserved';
  return 'public';
}

/** The scope of an IP address (IPv4, or IPv6 with or without brackets), or null for anything that is not one. */
export function addressScope(address: string): AddressScope | null {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  if (isIPv4(bare)) return ipv4Scope(ipv4Number(bare));
  if (isIPv6(bare)) return ipv6Scope(ipv6Bytes(bare));
  return null;
}

export function isPublicAddress(address: string): boolean {
  return addressScope(address) === 'public';
}
