/**
 * Which web pages may call the Node server from a browser: the origins of
 * `startMockServer({ corsOrigins })`, matched exactly, none by default. Without
 * the list no answer carries a CORS header, so a page on another origin cannot
 * read anything (the admin API, a user's history) from a dev server it finds.
 *
 * A request without an `Origin` header (curl, Node clients, tests) is not a
 * page's cross-origin call and is served as ever. WebSockets ignore CORS, so
 * the socket.io gateway refuses a handshake from any origin off the list
 * (`allows`).
 */
import { HttpError } from './http';

export interface OriginPolicy {
  /** No `Origin` header, or one on the list. */
  allows(origin: string | undefined): boolean;
  /** Headers for an answer to a request from `origin`: none without a list. */
  corsHeaders(origin: string | undefined): Record<string, string>;
  /** A CORS preflight's answer headers; throws `forbidden_origin` for an origin off the list. */
  preflightHeaders(origin: string | undefined): Record<string, string>;
  readonly origins: readonly string[];
}

const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
};

/** Throws unless every entry is an origin as browsers send it: `scheme://host[:port]`, no path, no `*`. */
function checkOrigin(origin: string): void {
  let parsed: string | undefined;
  try {
    parsed = new URL(origin).origin;
  } catch {
    parsed = undefined;
  }
  if (parsed !== origin) {
    throw new Error(`corsOrigins: ${JSON.stringify(origin)} is not an origin; write it as a browser sends it, e.g. 'http://localhost:5173'`);
  }
}

export function originPolicy(origins: readonly string[]): OriginPolicy {
  for (const origin of origins) checkOrigin(origin);
  const allowed = new Set(origins);
  const allows = (origin: string | undefined) => origin === undefined || allowed.has(origin);
  const corsHeaders = (origin: string | undefined): Record<string, string> => {
    if (allowed.size === 0) return {};
    // The answer depends on the Origin header: caches must keep one per origin.
    if (origin === undefined || !allowed.has(origin)) return { Vary: 'Origin' };
    return { Vary: 'Origin', 'Access-Control-Allow-Origin': origin };
  };
  return {
    origins: [...allowed],
    allows,
    corsHeaders,
    preflightHeaders(origin) {
      if (origin !== undefined && !allowed.has(origin)) {
        const name = JSON.stringify(origin.slice(0, 200));
        throw new HttpError('forbidden_origin', `Origin ${name} may not call this server; list it in startMockServer({ corsOrigins })`, {
          Vary: 'Origin',
        });
      }
      return origin === undefined ? {} : { ...corsHeaders(origin), ...PREFLIGHT_HEADERS };
    },
  };
}
