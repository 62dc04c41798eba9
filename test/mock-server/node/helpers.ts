/** Real socket.io-client sockets and HTTP helpers against `startMockServer` on 127.0.0.1. */
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { deflateSync } from 'node:zlib';

export interface Client {
  readonly socket: Socket;
  /** Every server → client event, in arrival order. */
  readonly events: { event: string; payload: unknown }[];
  of(event: string): unknown[];
  /** Emits with an ack and resolves with it (rejects after `timeoutMs`). */
  request(event: string, payload?: unknown, timeoutMs?: number): Promise<any>;
  /** Resolves with the first event (already received or coming) that matches. */
  next(event: string, match?: (payload: any) => boolean, timeoutMs?: number): Promise<any>;
  close(): void;
}

const open: Socket[] = [];

export function socketOptions(token: unknown): Partial<ManagerOptions & SocketOptions> {
  return { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true };
}

/** Connects and resolves once the handshake succeeded (rejects with the connect_error). */
export function connect(url: string, token: unknown): Promise<Client> {
  const socket = io(url, socketOptions(token));
  open.push(socket);
  const events: { event: string; payload: unknown }[] = [];
  const waiters = new Set<{ event: string; match: (p: unknown) => boolean; resolve: (p: unknown) => void }>();
  socket.onAny((event: string, payload: unknown) => {
    events.push({ event, payload });
    for (const w of [...waiters]) {
      if (w.event === event && w.match(payload)) {
        waiters.delete(w);
        w.resolve(payload);
      }
    }
  });
  const client: Client = {
    socket,
    events,
    of: (event) => events.filter((e) => e.event === event).map((e) => e.payload),
    request: (event, payload = {}, timeoutMs = 3000) =>
      new Promise((resolve, reject) => {
        socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, ack: unknown) => (err ? reject(err) : resolve(ack)));
      }),
    next: (event, match = () => true, timeoutMs = 3000) =>
      new Promise((resolve, reject) => {
        const seen = events.find((e) => e.event === event && match(e.payload));
        if (seen) return resolve(seen.payload);
        const waiter = { event, match, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error(`no "${event}" within ${timeoutMs} ms`));
        }, timeoutMs);
      }),
    close: () => socket.disconnect(),
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (err) => reject(err));
  });
}

/** The connect_error a refused handshake produces. */
export function refusal(url: string, token: unknown): Promise<Error & { data?: any }> {
  const socket = io(url, socketOptions(token));
  open.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected, expected a refusal')));
    socket.once('connect_error', (err) => resolve(err));
  });
}

export function closeAllClients(): void {
  for (const socket of open.splice(0)) socket.disconnect();
}

export function disconnected(socket: Socket, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) return resolve('already');
    const timer = setTimeout(() => reject(new Error('still connected')), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

let counter = 0;
export const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

// ------------------------------------------------------------------ HTTP

export const ADMIN_KEY = 'test-admin-key-123';

export async function api(url: string, method: string, route: string, body?: unknown, key: string | null = ADMIN_KEY) {
  const headers: Record<string, string> = {};
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${url}${route}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as any) : undefined };
}

export type Part = readonly [name: string, value: string | { readonly filename: string; readonly data: Uint8Array; readonly type?: string }];

/** A multipart/form-data body, built by hand so tests control every byte (order, names, types). */
export function multipart(parts: readonly Part[]): { body: Buffer; contentType: string } {
  const boundary = `----parley${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of parts) {
    if (typeof value === 'string') {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.filename.replace(/["\\]/g, '\\$&')}"\r\n` +
            `Content-Type: ${value.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        Buffer.from(value.data),
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(
  url: string,
  token: string | null,
  parts: readonly Part[],
  options: { chunked?: boolean } = {},
): Promise<{ status: number; body: any }> {
  const { body, contentType } = multipart(parts);
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let payload: BodyInit = Uint8Array.from(body);
  if (options.chunked) {
    // A stream body has no Content-Length: the server must enforce the cap while streaming.
    const step = 64 * 1024;
    let offset = 0;
    payload = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= body.length) return controller.close();
        controller.enqueue(body.subarray(offset, offset + step));
        offset += step;
      },
    });
  }
  const res = await fetch(`${url}/uploads`, {
    method: 'POST',
    headers,
    body: payload,
    ...(options.chunked ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as any) : undefined };
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A real (tiny, grey) PNG of the given size. */
export function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    Buffer.from(data).copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter byte
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
