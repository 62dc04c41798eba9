/**
 * `GET /previews/:id?u=&exp=&sig=`: link-preview images over HTTP. The
 * server fetched them (never the viewer's browser from the third party) and
 * keeps them in memory; a URL from `attachment:url` is signed for one image
 * and one viewer and expires (fileUrls.ts's signer, its own secret), and
 * membership of the image's conversation is checked again at every download.
 * Anything else (unsigned, forged, expired, not a member, a preview since
 * removed) is the one 404 of an unknown id.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockChatServerCore } from '../MockChatServer';
import type { PreviewImageHost } from '../previews/previewImages';
import { createExpiringSigner, singleParam } from './fileUrls';
import { HttpError } from './http';

export const PREVIEW_PATH = '/previews';

export interface PreviewImageRoute extends PreviewImageHost {
  handle(req: IncomingMessage, res: ServerResponse, id: string, query: URLSearchParams): Promise<void>;
}

export function createPreviewImageRoute(server: () => MockChatServerCore, baseUrl: () => string): PreviewImageRoute {
  const signer = createExpiringSigner();
  const images = new Map<string, Blob>();
  return {
    url(id, blob) {
      images.set(id, blob);
      return `${baseUrl()}${PREVIEW_PATH}/${encodeURIComponent(id)}`;
    },
    urlFor(id, viewerId, ttlMs) {
      const { exp, sig, expiresAt } = signer.sign([id, viewerId], ttlMs);
      return { url: `${baseUrl()}${PREVIEW_PATH}/${encodeURIComponent(id)}?${new URLSearchParams({ u: viewerId, exp, sig })}`, expiresAt };
    },
    discard(id) {
      images.delete(id);
    },
    async handle(_req, res, id, query) {
      const viewerId = singleParam(query, 'u');
      const blob = images.get(id);
      const allowed = viewerId !== null && signer.verify([id, viewerId], query) && server().mayDownload(id, viewerId);
      if (!blob || !allowed) throw new HttpError('not_found', 'No such image');
      const body = Buffer.from(await blob.arrayBuffer());
      res.writeHead(200, {
        'Content-Type': blob.type,
        'Content-Length': body.length,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cross-Origin-Resource-Policy': 'cross-origin',
      });
      res.end(body);
    },
  };
}
