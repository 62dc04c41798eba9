/**
 * What the server's `unfurl` function answers for a link: the page's title and
 * the rest of its card. The image comes as bytes the server itself fetched,
 * never as a URL: clients load it from the server, not from the third party.
 */

export interface UnfurledImage {
  readonly bytes: Uint8Array;
}

export interface Unfurled {
  readonly title: string;
  readonly description?: string;
  readonly siteName?: string;
  /** Served by the server when its bytes are a PNG, JPEG, GIF or WEBP image whose size it can read. */
  readonly image?: UnfurledImage;
}

/**
 * Turns a link (http or https) into a preview, or null when there is none.
 * `signal` aborts when the server no longer needs the answer (the message was
 * edited or deleted, the preview removed, the server disposed) or gave up waiting.
 */
export type UnfurlFn = (url: string, signal: AbortSignal) => Promise<Unfurled | null>;
