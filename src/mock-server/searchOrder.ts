/**
 * The order search results come in, newest first, and the cursor that pages
 * through them: a position (createdAt, id) in that order, and a page after a
 * cursor holds only messages strictly older than it, so no page repeats or
 * skips a message whatever is stored, edited or deleted meanwhile.
 */

export interface SearchPosition {
  readonly createdAt: number;
  readonly id: string;
}

/**
 * Ids break ties of createdAt: shorter first, then by code unit, so
 * `m_general_9` comes before `m_general_10` (seq order within a conversation).
 * Any total order would page correctly; this one reads naturally.
 */
function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when `a` is older than `b`. */
export function comparePositions(a: SearchPosition, b: SearchPosition): number {
  return a.createdAt - b.createdAt || compareIds(a.id, b.id);
}

const PREFIX = 'p1.';

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return null;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/**
 * Opaque to clients: they pass it back as given. Message ids here are ASCII and at
 * most LIMITS.maxIdLength long, so a cursor stays within the schema's twice that.
 */
export function encodeCursor(position: SearchPosition): string {
  return PREFIX + toBase64Url(`${position.createdAt}:${position.id}`);
}

/** The position a cursor names, or null for anything this server did not make. */
export function decodeCursor(cursor: string): SearchPosition | null {
  if (!cursor.startsWith(PREFIX)) return null;
  const decoded = fromBase64Url(cursor.slice(PREFIX.length));
  const match = decoded === null ? null : /^(0|[1-9]\d{0,15}):(.+)$/s.exec(decoded);
  if (!match) return null;
  const createdAt = Number(match[1]);
  return Number.isSafeInteger(createdAt) ? { createdAt, id: match[2]! } : null;
}

/**
 * The `size` newest of whatever is offered, kept in a min-heap whose root is
 * the oldest kept: an offer older than a full heap's root costs one comparison.
 * `compare` is negative when its first item is the older.
 */
export class NewestFirst<T> {
  private readonly heap: T[] = [];

  constructor(
    private readonly size: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  offer(item: T): void {
    const { heap } = this;
    if (heap.length < this.size) {
      heap.push(item);
      this.up(heap.length - 1);
    } else if (this.size > 0 && this.older(heap[0]!, item)) {
      heap[0] = item;
      this.down(0);
    }
  }

  /** What was kept, newest first. */
  take(): T[] {
    return [...this.heap].sort((a, b) => this.compare(b, a));
  }

  private older(a: T, b: T): boolean {
    return this.compare(a, b) < 0;
  }

  private up(i: number): void {
    const { heap } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.older(heap[i]!, heap[parent]!)) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const { heap } = this;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let oldest = i;
      if (left < heap.length && this.older(heap[left]!, heap[oldest]!)) oldest = left;
      if (right < heap.length && this.older(heap[right]!, heap[oldest]!)) oldest = right;
      if (oldest === i) return;
      [heap[i], heap[oldest]] = [heap[oldest]!, heap[i]!];
      i = oldest;
    }
  }
}
