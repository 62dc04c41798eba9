/**
 * The HTTP side of the Node mock server (socket.io takes `/socket.io/` itself):
 *
 *   GET  /health               → { ok: true }
 *   /admin/…                   admin REST API (adminApi.ts)
 *   POST /uploads              upload a file (uploads.ts)
 *   GET  /uploads/:id          fetch an uploaded file
 *   GET  /media/proxy          an external image, through the server (imageProxy.ts)
 *   GET  /previews/:id         a link preview's image, for members (previewImages.ts)
 *   OPTIONS *                  CORS preflight (204 for `corsOrigins`, 403 for other origins)
 *
 * CORS headers go on every answer to an allowed origin and on none otherwise
 * (origins.ts); the Host check runs before all of this (hosts.ts). Every failure is answered as `{ error: { code, message } }`; a handler bug
 * becomes a 500, never a crashed process.
 */
import type { IncomingMessage, RequestListener, ServerOptions, ServerResponse } from 'node:http';
import type { MockChatServerCore } from '../MockChatServer';
import { handleAdmin } from './adminApi';
import { HttpError, pathSegments, sendError, sendJson } from './http';
import type { ImageProxy } from './imageProxy';
import type { OriginPolicy } from './origins';
import type { PreviewImageRoute } from './previewImages';
import type { UploadStore } from './uploads';

export interface HttpRoutesOptions {
  readonly server: MockChatServerCore;
  readonly adminKey: string;
  readonly uploads: UploadStore;
  readonly origins: OriginPolicy;
  /** null: `imageProxy: false`, and /media/proxy is an unknown route. */
  readonly imageProxy: ImageProxy | null;
  readonly previewImages?: PreviewImageRoute;
}

async function route(req: IncomingMessage, res: ServerResponse, options: HttpRoutesOptions): Promise<void> {
  const method = req.method ?? 'GET';
  // Only the path and query are used; the host is fixed so a forged Host header changes nothing.
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (method === 'OPTIONS') {
    res.writeHead(204, { ...options.origins.preflightHeaders(req.headers.origin), 'Content-Length': 0 });
    res.end();
    return;
  }
  const segments = pathSegments(url.pathname);
  if (segments === null) throw new HttpError('not_found', 'No such route');
  const [first, second, ...rest] = segments;

  if (first === 'health' && segments.length === 1) {
    if (method !== 'GET') throw new HttpError('method_not_allowed', 'Use GET here', { Allow: 'GET, OPTIONS' });
    return sendJson(res, 200, { ok: true });
  }
  if (first === 'admin') return handleAdmin(req, res, segments.slice(1), options);
  if (first === 'uploads' && rest.length === 0) {
    if (second === undefined) {
      if (method !== 'POST') throw new HttpError('method_not_allowed', 'Use POST here', { Allow: 'POST, OPTIONS' });
      return options.uploads.handleUpload(req, res);
    }
    if (method !== 'GET') throw new HttpError('method_not_allowed', 'Use GET here', { Allow: 'GET, OPTIONS' });
    return options.uploads.handleDownload(req, res, second, url.searchParams);
  }
  if (first === 'media' && second === 'proxy' && rest.length === 0 && options.imageProxy) {
    if (method !== 'GET') throw new HttpError('method_not_allowed', 'Use GET here', { Allow: 'GET, OPTIONS' });
    return options.imageProxy.handle(req, res, url.searchParams);
  }
  if (first === 'previews' && second !== undefined && rest.length === 0 && options.previewImages) {
    if (method !== 'GET') throw new HttpError('method_not_allowed', 'Use GET here', { Allow: 'GET, OPTIONS' });
    return options.previewImages.handle(req, res, second, url.searchParams);
  }
  throw new HttpError('not_found', 'No such route');
}

export function createRequestListener(options: HttpRoutesOptions): RequestListener {
  return (req, res) => {
    // Set before any handler writes, so JSON answers and file downloads alike carry them.
    for (const [name, value] of Object.entries(options.origins.corsHeaders(req.headers.origin))) res.setHeader(name, value);
    route(req, res, options).catch((error: unknown) => {
      if (error instanceof HttpError) {
        sendError(res, error);
        return;
      }
      console.error('[parley mock server] request failed:', error);
      sendError(res, new HttpError('internal', 'The mock server failed to answer this request'));
    });
  };
}

/**
 * How long a client may take to send its request headers, and its whole request
 * (an upload included): past either, Node answers 408 and closes the connection,
 * so a client that opens connections and sends nothing cannot hold them. Node
 * checks every `connectionsCheckingInterval`, here a quarter of the shorter one.
 */
export function serverTimeouts(headersTimeoutMs: number, requestTimeoutMs: number): ServerOptions {
  const headersTimeout = requestTimeoutMs > 0 ? Math.min(headersTimeoutMs, requestTimeoutMs) : headersTimeoutMs;
  return {
    headersTimeout,
    requestTimeout: requestTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(headersTimeout / 4))),
  };
}
