/**
 * The server's upload endpoint (`POST /uploads` in the wire protocol), in
 * plain TypeScript so the memory transport and an HTTP wrapper share it. Like
 * an HTTP request it authenticates by token on every call, independent of any
 * socket. Checks, cheapest first: token, membership, size, then the content
 * itself (type by magic bytes, image dimensions from the header).
 */
import type { Attachment, ErrorInfo } from '../core/protocol';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../core/fileTypes';
import { isUnsafeKey, LIMITS } from '../core/protocol';
import type { AuthResult, Credentials } from './auth';
import { sanitizeFileName } from './fileNames';
import { sniffFileType } from './fileSniffing';
import { placeholderOrigin } from './history';
import { readImageSize } from './imageSize';
import type { ServerData } from './state';
import { UploadRegistry, type ArchivedAttachment } from './uploadRegistry';
import { UNSEEN, visibleConversation } from './visibility';

/** One upload as it arrives: untrusted, like a multipart body. */
export interface UploadInput {
  readonly conversationId: unknown;
  /** A Blob (or File). */
  readonly file: unknown;
  /** The name to store; defaults to the File's own name. */
  readonly name?: unknown;
}

/** HTTP status and body of the answer, so an HTTP wrapper can pass both on. */
export type UploadAck =
  | { readonly ok: true; readonly status: 201; readonly attachment: Attachment }
  | {
      readonly ok: false;
      readonly status: 400 | 401 | 404 | 413 | 415 | 503;
      readonly error: ErrorInfo & { readonly maxBytes?: number };
    };

export interface UploadCallOptions {
  /** The URL to give the stored file; default: a `blob:` URL made in this realm. */
  readonly url?: (id: string) => string;
}

/** A stored upload, for an HTTP wrapper that serves the files itself. */
export interface StoredUpload {
  readonly id: string;
  readonly blob: Blob;
  readonly name: string;
  readonly mimeType: string;
}

export interface UploadEndpointDeps {
  readonly state: ServerData;
  readonly authenticate: (credentials: Credentials) => AuthResult;
  readonly isDisposed: () => boolean;
  readonly maxBytes?: number;
  readonly fileUrlTtlMs?: number;
}

interface BlobLike {
  readonly size: number;
  readonly name?: unknown;
  arrayBuffer(): Promise<ArrayBuffer>;
}

function isBlobLike(value: unknown): value is BlobLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BlobLike).size === 'number' &&
    typeof (value as BlobLike).arrayBuffer === 'function'
  );
}

type RefusalStatus = Extract<UploadAck, { ok: false }>['status'];

const refuse = (status: RefusalStatus, code: string, message: string, maxBytes?: number): UploadAck => ({
  ok: false,
  status,
  error: { code, message, ...(maxBytes !== undefined ? { maxBytes } : {}) },
});

/** Quotes a client-supplied name for an error message without letting it grow the message. */
const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** Object URLs exist in browsers and Node, not in every test DOM (jsdom); then an opaque stand-in. */
function objectUrl(blob: Blob, id: string): string {
  const make = (globalThis.URL as { createObjectURL?: (b: Blob) => string } | undefined)?.createObjectURL;
  return typeof make === 'function' ? make(blob) : `blob:parley-mock/${id}`;
}

function revokeObjectUrl(url: string): void {
  const revoke = (globalThis.URL as { revokeObjectURL?: (url: string) => void } | undefined)?.revokeObjectURL;
  if (url.startsWith('blob:') && typeof revoke === 'function') revoke(url);
}

/** A seeded message's placeholder (history.ts), read from its message: the archive is never stored up front. */
function archivedAttachment(state: ServerData, id: string): ArchivedAttachment | undefined {
  const origin = placeholderOrigin(id);
  if (!origin) return undefined;
  const attachment = state.conversation(origin.conversationId)?.log.get(origin.seq)?.attachments.find((a) => a.id === id);
  return attachment && { conversationId: origin.conversationId, attachment };
}

export class UploadEndpoint {
  /** Every upload (this endpoint's and the Node server's): what messages may attach. */
  readonly registry: UploadRegistry;
  private readonly stored = new Map<string, StoredUpload & { readonly url: string }>();
  private counter = 0;

  constructor(private readonly deps: UploadEndpointDeps) {
    this.registry = new UploadRegistry(deps.fileUrlTtlMs, (id) => archivedAttachment(deps.state, id));
  }

  get maxBytes(): number {
    return this.deps.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  }

  /** Validates, stores and describes one file. Never throws. */
  async handle(credentials: Credentials, input: UploadInput, options: UploadCallOptions = {}): Promise<UploadAck> {
    try {
      return await this.accept(credentials, input, options);
    } catch (error) {
      return refuse(400, 'invalid_payload', `The upload could not be read: ${String(error).slice(0, 300)}`);
    }
  }

  file(id: string): StoredUpload | undefined {
    const found = this.stored.get(id);
    return found && { id: found.id, blob: found.blob, name: found.name, mimeType: found.mimeType };
  }

  /** Frees the object URLs (the server is gone, and so are its files). */
  dispose(): void {
    for (const { url } of this.stored.values()) revokeObjectUrl(url);
    this.stored.clear();
    this.registry.clear();
  }

  /** Its message was deleted: the file and its object URL go. */
  private discard(id: string): void {
    const found = this.stored.get(id);
    if (!found) return;
    this.stored.delete(id);
    revokeObjectUrl(found.url);
  }

  private async accept(credentials: Credentials, input: UploadInput, options: UploadCallOptions): Promise<UploadAck> {
    if (this.deps.isDisposed()) return refuse(503, 'disconnected', 'The mock server was disposed');
    const auth = this.deps.authenticate(credentials);
    // `token_expired` stays itself (as on the handshake), so the client knows to get a fresh token.
    if (!auth.ok) return refuse(401, auth.error.code, auth.error.message);

    const { conversationId, file } = input;
    if (typeof conversationId !== 'string' || conversationId === '' || conversationId.length > LIMITS.maxIdLength || isUnsafeKey(conversationId)) {
      return refuse(400, 'invalid_payload', 'conversationId must be a conversation id');
    }
    if (!isBlobLike(file)) return refuse(400, 'invalid_payload', 'file must be a file');
    const rawName = typeof input.name === 'string' ? input.name : typeof file.name === 'string' ? file.name : 'file';
    const name = sanitizeFileName(rawName);

    // Unknown and not-a-member answer alike, word for word (visibility.ts), as over HTTP: nothing to probe.
    if (!visibleConversation(this.deps.state, auth.userId, conversationId)) {
      return refuse(404, UNSEEN.conversation.code, UNSEEN.conversation.message);
    }
    const { maxBytes } = this;
    if (file.size > maxBytes) {
      return refuse(413, 'too_large', `${quote(name)} is ${file.size} bytes; uploads are limited to ${maxBytes} bytes`, maxBytes);
    }

    const bytes = new Uint8Array(await file.arrayBuffer());
    // The declared size is the sender's claim too.
    if (bytes.length > maxBytes) {
      return refuse(413, 'too_large', `${quote(name)} is larger than ${maxBytes} bytes`, maxBytes);
    }
    const mimeType = sniffFileType(bytes, name);
    if (!mimeType) {
      return refuse(
        415,
        'unsupported_type',
        `${quote(name)} is not a supported file type: its content is not a PNG, JPEG, GIF or WEBP image, a PDF, or plain text (.txt, .md, .csv)`,
      );
    }

    const id = `upload_${++this.counter}`;
    // The blob gets the sniffed type, never the claimed one: that is what its URL will serve.
    const blob = new Blob([bytes], { type: mimeType });
    const url = options.url ? options.url(id) : objectUrl(blob, id);
    this.stored.set(id, { id, blob, name, mimeType, url });
    const size = readImageSize(bytes, mimeType);
    const attachment: Attachment = { id, url, name, size: bytes.length, mimeType, ...(size ?? {}) };
    this.registry.add({ uploaderId: auth.userId, conversationId, attachment, discard: () => this.discard(id) });
    return { ok: true, status: 201, attachment };
  }
}
