/**
 * Small HTTP helpers for the Node mock server: JSON answers in one error
 * shape (`{ error: { code, message } }`), a capped JSON body reader, bearer
 * tokens, and path segments decoded safely. CORS headers are the request
 * listener's (origins.ts): answers here carry none of their own.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../../core/protocol';

/** The protocol's codes (but a socket's `disconnected`), and the ones only HTTP answers with. */
export type HttpErrorCode =
  | Exclude<ErrorCode, 'disconnected'>
  /** An issued token past its time (as the handshake says it): get a fresh one, unlike `unauthorized`. */
  | 'token_expired'
  /** The `Host` header names no host this server answers to (DNS rebinding): hosts.ts. */
  | 'forbidden_host'
  /** A CORS preflight from an origin not on `corsOrigins`: origins.ts. */
  | 'forbidden_origin'
  | 'method_not_allowed'
  | 'conflict'
  /** The image proxy's upstream failed or sent what it does not serve: imageProxy.ts. */
  | 'bad_gateway';

// 408 `timeout`: the body stalled (no bytes for the idle timeout) and the connection closes.
// 415 `unsupported_type`: the same code the in-browser upload endpoint and the client use.
// 429 `rate_limited`: over a budget or quota, with `Retry-After` and `retryAfterMs`.
const STATUS: Record<HttpErrorCode, number> = {
  invalid_payload: 400,
  unauthorized: 401,
  token_expired: 401,
  forbidden: 403,
  forbidden_host: 403,
  forbidden_origin: 403,
  not_found: 404,
  method_not_allowed: 405,
  timeout: 408,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  rate_limited: 429,
  internal: 500,
  bad_gateway: 502,
};

/** Thrown by route handlers; the server answers it as `{ error: { code, message } }`. */
export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra fields for the error object, e.g. `maxBytes` on a 413. */
    readonly details: Readonly<Record<string, number | string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = STATUS[code];
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** The JSON body of an error answer. */
export function errorBody(error: HttpError): { error: Record<string, number | string> } {
  return { error: { ...error.details, code: error.code, message: error.message } };
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, errorBody(error), error.headers);
}

/** The body's media type, lowercased, without its parameters (`multipart/form-data`). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The declared `Content-Length` is over `maxBytes`: the body is refused before a byte of it is read. */
export function declaredOver(req: IncomingMessage, maxBytes: number): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > maxBytes;
}

/** Reads a JSON body of at most `maxBytes`; refuses other content types and bad JSON. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (mediaType(req) !== 'application/json') {
    throw new HttpError('unsupported_type', 'Send a JSON body with "Content-Type: application/json"');
  }
  if (declaredOver(req, maxBytes)) throw new HttpError('too_large', `The body is larger than ${maxBytes} bytes`);
  const text = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over) {
        // Dropped unread, so the client still gets its 413; a flood cuts the connection.
        if (size > maxBytes * 16) req.destroy();
        return;
      }
      if (size > maxBytes) {
        over = true;
        chunks.length = 0;
        reject(new HttpError('too_large', `The body is larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', () => reject(new HttpError('invalid_payload', 'The request was cut off')));
  });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError('invalid_payload', 'The body is not valid JSON');
  }
}

/** The token of `Authorization: Bearer <token>`, if any. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant-time comparison (over fixed-length digests, so lengths leak nothing either). */
export function secretEquals(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * The path split into decoded segments: `/admin/users/a%20b` → ['admin', 'users', 'a b'].
 * Raw segments are split before decoding, so an encoded slash stays inside its segment.
 * `null` when a segment is malformed percent-encoding.
 */
export function pathSegments(pathname: string): string[] | null {
  const raw = pathname.split('/').filter((s) => s !== '');
  try {
    return raw.map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}
