/**
 * Every upload the server stored, whichever endpoint stored it (the in-browser
 * one in uploads.ts, the Node one over HTTP): who uploaded it, for which
 * conversation, and the facts the server found (name, type by content, size,
 * dimensions). A message refers to an attachment by upload id only; the server
 * fills in the rest from here, so no client-made URL, name or type is ever stored.
 *
 * One upload goes into one message. Sending the same message again (the same
 * clientId, as the outbox does after a reload) is not a second use. Once that
 * message is deleted the upload is retired: no URL is issued for it again, and
 * the endpoint that stored it frees the file (`discard`).
 *
 * The seeded archive's placeholders (history.ts) are found here too, through
 * `archived`: computed where their message is, since the archive is never
 * stored up front.
 *
 * A forwarded message carries copies (`copyForward`): each a new id, in the
 * target conversation, readable by its members only, over the same stored
 * file. Deleting a message retires only the attachments it carried; the file
 * itself goes once no standing message carries it or a copy of it.
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
  /** Frees the stored file: the message carrying it was deleted, and its URL must answer 404 from now on. */
  readonly discard?: () => void;
}

/** An attachment of a message already in a conversation's log (the seeded archive). */
export interface ArchivedAttachment {
  readonly conversationId: string;
  readonly attachment: Attachment;
}

export interface FileUrl {
  readonly url: string;
  readonly expiresAt?: number;
}

interface Entry extends RegisteredUpload {
  /** The message (by its author's clientId) this upload went into. */
  sentAs?: string;
  /** That message was deleted. Kept (not removed) so sending it again still finds its tombstone. */
  retired?: boolean;
  /** A forwarded copy: the id of the file it copies (an upload's, or a seeded placeholder's). */
  copyOf?: string;
}

export type ClaimResult = { ok: true; attachments: Attachment[] } | { ok: false; error: ErrorInfo };

/** How long a file URL made for one viewer works, unless the server says otherwise. */
export const DEFAULT_FILE_URL_TTL_MS = 10 * 60_000;

export class UploadRegistry {
  private readonly uploads = new Map<string, Entry>();
  /** File id → its forwarded copies. */
  private readonly copies = new Map<string, Entry[]>();
  private copyCount = 0;

  constructor(
    private readonly fileUrlTtlMs = DEFAULT_FILE_URL_TTL_MS,
    /** An attachment id no upload has: the archive's, if a message there still carries it. */
    private readonly archived: (id: string) => ArchivedAttachment | undefined = () => undefined,
  ) {}

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
        entry.copyOf === undefined &&
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
   * in a message, before that only its uploader. Anyone else, and anyone once the message was
   * deleted, gets the one `not_found`.
   */
  urlFor(viewerId: string, id: string, isMember: (conversationId: string) => boolean): { ok: true; file: FileUrl } | { ok: false; error: ErrorInfo } {
    const entry = this.uploads.get(id);
    if (!entry) {
      const archived = this.archived(id);
      if (!archived || !isMember(archived.conversationId)) return { ok: false, error: UNSEEN.upload };
      return { ok: true, file: { url: archived.attachment.url } };
    }
    const visible = !entry.retired && isMember(entry.conversationId) && (entry.sentAs !== undefined || entry.uploaderId === viewerId);
    if (!visible) return { ok: false, error: UNSEEN.upload };
    return { ok: true, file: entry.urlFor ? entry.urlFor(viewerId, this.fileUrlTtlMs) : { url: entry.attachment.url } };
  }

  /**
   * Copies of a message's attachments for its copy that `userId` forwards into
   * `conversationId` as `clientId` (the caller checked they may read the original).
   * A copy of a copy copies the same file.
   */
  copyForward(userId: string, conversationId: string, clientId: string, attachments: readonly Attachment[]): Attachment[] {
    return attachments.map((original) => {
      const fileId = this.uploads.get(original.id)?.copyOf ?? original.id;
      const file = this.uploads.get(fileId);
      const id = `fwd_${++this.copyCount}`;
      const copy: Entry = {
        uploaderId: userId,
        conversationId,
        attachment: { ...original, id },
        sentAs: clientId,
        copyOf: fileId,
        // The file's own URLs (signed per viewer on the Node server); a placeholder has its data: URL.
        ...(file?.urlFor ? { urlFor: file.urlFor } : {}),
      };
      this.uploads.set(id, copy);
      this.copies.set(fileId, [...(this.copies.get(fileId) ?? []), copy]);
      return { ...copy.attachment };
    });
  }

  /**
   * Whether `viewerId` may download the stored file `id` (the Node server asks at every download):
   * a member of its conversation while its message stands (or, unsent, as before), or of a
   * conversation a standing forwarded copy of it is in.
   */
  mayDownload(id: string, isMember: (conversationId: string) => boolean): boolean {
    const entry = this.uploads.get(id);
    if (!entry || entry.copyOf !== undefined) return false;
    if (!entry.retired && isMember(entry.conversationId)) return true;
    return (this.copies.get(id) ?? []).some((copy) => !copy.retired && isMember(copy.conversationId));
  }

  /** The message in `conversationId` that carried these uploads was deleted: retire them (see the top). */
  retire(conversationId: string, ids: readonly string[]): void {
    for (const id of ids) {
      const entry = this.uploads.get(id);
      if (!entry || entry.retired || entry.sentAs === undefined || entry.conversationId !== conversationId) continue;
      entry.retired = true;
      this.release(entry.copyOf ?? id);
    }
  }

  clear(): void {
    this.uploads.clear();
    this.copies.clear();
  }

  /** Frees the file once neither its message nor any copy of it stands. */
  private release(fileId: string): void {
    if ((this.copies.get(fileId) ?? []).some((copy) => !copy.retired)) return;
    const file = this.uploads.get(fileId);
    if (file?.retired) file.discard?.();
  }
}
