/**
 * Every upload the server stored, whichever endpoint stored it (the in-browser
 * one in uploads.ts, the Node one over HTTP): who uploaded it, for which
 * conversation, and the facts the server found (name, type by content, size,
 * dimensions). A message refers to an attachment by upload id only; the server
 * fills in the rest from here, so no client-made URL, name or type is ever stored.
 *
 * One upload goes into one message. Sending the same message again (the same
 * clientId, as the outbox does after a reload) is not a second use.
 */
import type { Attachment, ErrorInfo } from '../core/protocol';
import { UNSEEN } from './visibility';

export interface RegisteredUpload {
  readonly uploaderId: string;
  readonly conversationId: string;
  /** The stored file's facts; `url` is where the storing endpoint serves it. */
  readonly attachment: Attachment;
  /** A URL for one viewer that expires (the Node server signs one); without it, `attachment.url`. */
  readonly urlFor?: (viewerId: string, ttlMs: number) => FileUrl;
}

export interface FileUrl {
  readonly url: string;
  readonly expiresAt?: number;
}

interface Entry extends RegisteredUpload {
  /** The message (by its author's clientId) this upload went into. */
  sentAs?: string;
}

export type ClaimResult = { ok: true; attachments: Attachment[] } | { ok: false; error: ErrorInfo };

/** How long a file URL made for one viewer works, unless the server says otherwise. */
export const DEFAULT_FILE_URL_TTL_MS = 10 * 60_000;

export class UploadRegistry {
  private readonly uploads = new Map<string, Entry>();

  constructor(private readonly fileUrlTtlMs = DEFAULT_FILE_URL_TTL_MS) {}

  /** Returns how to take it back (the file was deleted unsent). */
  add(upload: RegisteredUpload): () => void {
    const { id } = upload.attachment;
    this.uploads.set(id, { ...upload, attachment: { ...upload.attachment } });
    return () => this.uploads.delete(id);
  }

  get(id: string): RegisteredUpload | undefined {
    return this.uploads.get(id);
  }

  /**
   * The attachments for a message `userId` sends to `conversationId` as
   * `clientId`: each id must be their own upload for that conversation, not yet
   * in another message. Anything else is the one `not_found` (someone else's
   * upload is no business of the caller). Claims nothing unless all pass.
   */
  claim(userId: string, conversationId: string, clientId: string, ids: readonly string[]): ClaimResult {
    const entries: Entry[] = [];
    for (const id of ids) {
      const entry = this.uploads.get(id);
      const usable =
        entry !== undefined &&
        entry.uploaderId === userId &&
        entry.conversationId === conversationId &&
        (entry.sentAs === undefined || entry.sentAs === clientId) &&
        !entries.includes(entry);
      if (!usable) return { ok: false, error: UNSEEN.upload };
      entries.push(entry);
    }
    for (const entry of entries) entry.sentAs = clientId;
    return { ok: true, attachments: entries.map((e) => ({ ...e.attachment })) };
  }

  /**
   * Where `viewerId` loads a file from (`attachment:url`): a member of its conversation once it is
   * in a message, before that only its uploader. Anyone else gets the one `not_found`.
   */
  urlFor(viewerId: string, id: string, isMember: (conversationId: string) => boolean): { ok: true; file: FileUrl } | { ok: false; error: ErrorInfo } {
    const entry = this.uploads.get(id);
    const visible = entry !== undefined && isMember(entry.conversationId) && (entry.sentAs !== undefined || entry.uploaderId === viewerId);
    if (!visible) return { ok: false, error: UNSEEN.upload };
    return { ok: true, file: entry.urlFor ? entry.urlFor(viewerId, this.fileUrlTtlMs) : { url: entry.attachment.url } };
  }

  clear(): void {
    this.uploads.clear();
  }
}
