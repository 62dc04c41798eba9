/**
 * A preview's image, kept by the server and handed out like an attachment:
 * registered in the upload registry for the message's conversation, so
 * `attachment:url` gives it to members only (per viewer and expiring where the
 * endpoint signs URLs, as the Node server does), and retired with its preview.
 */
import type { LinkPreview } from '../../core/protocol';
import { sniffBinaryType } from '../fileSniffing';
import { readImageSize } from '../imageSize';
import type { UploadRegistry } from '../uploadRegistry';
import type { StoredMessage } from '../types';
import type { UnfurledImage } from './unfurl';

/** Largest preview image kept, in bytes; a bigger one leaves the preview without an image. */
export const MAX_PREVIEW_IMAGE_BYTES = 1_000_000;
const IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Where a stored preview image is served from; the default is a `blob:` URL of this realm. */
export interface PreviewImageHost {
  /** The image's own URL (what the message carries). */
  url(id: string, blob: Blob): string;
  /** A URL for one viewer that may expire; without it, `url`'s. */
  urlFor?(id: string, viewerId: string, ttlMs: number): { url: string; expiresAt?: number };
  /** The image was retired: its URL must stop working. */
  discard?(id: string): void;
}

/** Object URLs exist in browsers and Node, not in every test DOM (jsdom); then an opaque stand-in. */
export const blobImageHost: PreviewImageHost = {
  url(id, blob) {
    const make = (globalThis.URL as { createObjectURL?: (b: Blob) => string } | undefined)?.createObjectURL;
    return typeof make === 'function' ? make(blob) : `blob:parley-mock/${id}`;
  },
};

export interface StoredPreviewImage {
  readonly id: string;
  readonly blob: Blob;
  readonly mimeType: string;
}

export class PreviewImages {
  private readonly images = new Map<string, StoredPreviewImage & { readonly url: string }>();
  private counter = 0;

  constructor(
    private readonly registry: UploadRegistry,
    private readonly host: PreviewImageHost,
  ) {}

  /** Stores the image for `message`'s preview, or null when it is no image the server serves. */
  store(message: StoredMessage, image: UnfurledImage): NonNullable<LinkPreview['image']> | null {
    const { bytes } = image;
    if (!(bytes instanceof Uint8Array) || bytes.length === 0 || bytes.length > MAX_PREVIEW_IMAGE_BYTES) return null;
    const mimeType = sniffBinaryType(bytes);
    if (mimeType === null || !IMAGE_TYPES.has(mimeType)) return null;
    const size = readImageSize(bytes, mimeType);
    if (!size) return null;
    const id = `preview_${++this.counter}`;
    const blob = new Blob([bytes.slice()], { type: mimeType });
    const url = this.host.url(id, blob);
    this.images.set(id, { id, blob, mimeType, url });
    const { host } = this;
    this.registry.add({
      uploaderId: message.authorId,
      conversationId: message.conversationId,
      attachment: { id, url, name: 'preview', size: bytes.length, mimeType, ...size },
      ...(host.urlFor ? { urlFor: (viewerId: string, ttlMs: number) => host.urlFor!(id, viewerId, ttlMs) } : {}),
      discard: () => this.discard(id),
    });
    // Taken by its message at once, so members may load it and no other message may attach it.
    this.registry.claim(message.authorId, message.conversationId, message.clientId, [id]);
    return { id, url, ...size };
  }

  /** The stored image, for an endpoint that serves it (the registry says who may). */
  get(id: string): StoredPreviewImage | undefined {
    return this.images.get(id);
  }

  /** Its preview is gone (replaced, removed, or its message deleted). */
  retire(conversationId: string, image: LinkPreview['image']): void {
    if (image?.id !== undefined) this.registry.retire(conversationId, [image.id]);
  }

  dispose(): void {
    for (const id of [...this.images.keys()]) this.discard(id);
  }

  private discard(id: string): void {
    const found = this.images.get(id);
    if (!found) return;
    this.images.delete(id);
    const revoke = (globalThis.URL as { revokeObjectURL?: (url: string) => void } | undefined)?.revokeObjectURL;
    if (found.url.startsWith('blob:') && typeof revoke === 'function') revoke(found.url);
    this.host.discard?.(id);
  }
}
