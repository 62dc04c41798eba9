/**
 * The server's link previews, built from its options: the `unfurl` function
 * (default: the fixture table, no network), its deadline, and where preview
 * images are served from.
 */
import { replaceMessage, type ServerContext } from '../messaging';
import type { UploadRegistry } from '../uploadRegistry';
import { fixtureUnfurl } from './fixtureUnfurl';
import { DEFAULT_UNFURL_TIMEOUT_MS, LinkPreviews } from './linkPreviews';
import { blobImageHost, PreviewImages, type PreviewImageHost } from './previewImages';
import type { UnfurlFn } from './unfurl';

export interface LinkPreviewOptions {
  /**
   * Makes the preview of a message's first http(s) link, after the message is stored. Default: a
   * fixture table of example.com/.org/.net pages (no network); `false`: no previews. For real
   * pages on Node, `createUnfurlFetcher()` from `parley/mock-server/node`.
   */
  unfurl?: UnfurlFn | false;
  /** An unfurl not answered by then leaves no preview (default 5 s); its signal aborts. */
  unfurlTimeoutMs?: number;
  /** Where preview images are served from (the Node server's HTTP route); default: `blob:` URLs. */
  previewImageHost?: PreviewImageHost;
}

export function createLinkPreviews(options: LinkPreviewOptions, registry: UploadRegistry, ctx: () => ServerContext): LinkPreviews {
  const timeoutMs = options.unfurlTimeoutMs ?? DEFAULT_UNFURL_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new Error('unfurlTimeoutMs must be a positive number of milliseconds');
  return new LinkPreviews({
    unfurl: options.unfurl ?? fixtureUnfurl,
    timeoutMs,
    images: new PreviewImages(registry, options.previewImageHost ?? blobImageHost),
    find: (id) => ctx().state.findMessage(id),
    replace: (conversation, next) => replaceMessage(ctx(), conversation, next),
  });
}
