/**
 * File uploads over HTTP: the two routes and the table of stored files.
 *
 * `POST /uploads` (multipart/form-data: `conversationId`, `file`; header
 * `Authorization: Bearer <user token>`) streams the file into the upload
 * directory under a random id — never the sender's name — and stops at the
 * size cap while streaming (the partial file is deleted; uploadForm.ts reads
 * the form). The type is then
 * judged by content (magic bytes; text only when it is clean UTF-8 and not
 * HTML) against an allowlist, images get their width and height, and the
 * answer is the attachment descriptor `{ id, url, name, size, mimeType,
 * width?, height? }` with an absolute `url`.
 *
 * `GET /uploads/:id` serves a file only to current members of its
 * conversation, checked at every download, anyone else getting the 404 of an
 * unknown id (token in the Authorization header, or a URL signed for one viewer
 * and one file by `attachment:url`, fileUrls.ts: an `<img src>` cannot send
 * headers, and a session token in a URL would end up in history and logs), as
 * the sniffed type, with `nosniff`, `Content-Disposition` (inline for images,
 * attachment otherwise), a sandboxing CSP and `Cache-Control: private, no-store`. Ids are 32 hex characters,
 * looked up in a table: nothing from the URL ever becomes a path.
 *
 * Limits (limits/uploadLimits.ts): per user uploads per window, at once and a
 * quota of bytes stored; a stalled body is cut off (uploadForm.ts). A file not
 * sent in a message within `unattachedTtlMs` is deleted and its bytes freed, and
 * so is a file whose message was deleted (the registry retires it: uploadRegistry.ts).
 */
import { open, readFile, rm, unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type busboy from 'busboy';
import type { Attachment } from '../../core/protocol';
import type { UploadFileType } from '../../core/fileTypes';
import { sniffBinaryType, sniffFileType } from '../fileSniffing';
import { readImageSize } from '../imageSize';
import type { MockChatServerCore } from '../MockChatServer';
import { UNSEEN } from '../visibility';
import { createFileUrlSigner, type FileUrlSigner } from './fileUrls';
import { bearerToken, HttpError, sendJson } from './http';
import type { UploadLimiter, UploadTicket } from './limits/uploadLimits';
import { drain, receiveUploadForm, tooLarge, type ReceivedUpload } from './uploadForm';

export interface UploadStoreOptions {
  readonly server: MockChatServerCore;
  readonly dir: string;
  /** Whether `dispose()` removes `dir` itself (it was made for this server). */
  readonly ownsDir: boolean;
  readonly maxBytes: number;
  readonly types: readonly UploadFileType[];
  /** The server's base URL (known once it listens), for absolute attachment URLs. */
  readonly baseUrl: () => string;
  /** The multipart parser (an optional peer dependency, loaded by the server: `peers.ts`). */
  readonly busboy: typeof busboy;
  readonly limits: UploadLimiter;
  /** A body with no bytes for this long is cut off (0: never). */
  readonly idleTimeoutMs: number;
  /** A file not sent in a message within this long is deleted. */
  readonly unattachedTtlMs: number;
}

interface StoredUpload {
  readonly attachment: Attachment;
  readonly conversationId: string;
  readonly uploaderId: string;
  readonly file: string;
  /** Takes it out of the server's registry, so no message can attach it any more. */
  readonly unregister: () => void;
  /** Until the file is sent in a message: when it goes. */
  expiry?: ReturnType<typeof setTimeout>;
}

const ID_PATTERN = /^[0-9a-f]{32}$/;

function userFrom(server: MockChatServerCore, token: string | undefined | null): string {
  if (!token) {
    throw new HttpError('unauthorized', 'Send "Authorization: Bearer <token>" (or, to download, use a URL from attachment:url)', { 'WWW-Authenticate': 'Bearer' });
  }
  const auth = server.authenticate({ token });
  if (!auth.ok) {
    // 401 either way; the code tells "get a fresh token" (`token_expired`) from "signed out".
    const code = auth.error.code === 'token_expired' ? 'token_expired' : 'unauthorized';
    throw new HttpError(code, auth.error.message, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  }
  return auth.userId;
}

/** Unknown and not-a-member answer alike, word for word (visibility.ts), so outsiders cannot probe ids. */
function checkMember(server: MockChatServerCore, conversationId: string, userId: string): void {
  if (!server.isMember(conversationId, userId)) throw new HttpError('not_found', UNSEEN.conversation.message);
}

/** `Content-Disposition` with an ASCII fallback and the RFC 5987 `filename*` for the real name. */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export class UploadStore {
  private readonly uploads = new Map<string, StoredUpload>();
  /** Files being written or checked, so dispose() can remove them too. */
  private readonly pending = new Set<string>();

  /** Signs download URLs per file and viewer (fileUrls.ts), so no token goes into a URL. */
  private readonly signer: FileUrlSigner;

  constructor(private readonly options: UploadStoreOptions) {
    this.signer = createFileUrlSigner({ baseUrl: options.baseUrl });
  }

  /** `POST /uploads`: answers 201 with the attachment, or throws an HttpError. */
  async handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { server, busboy, dir, maxBytes, limits, idleTimeoutMs } = this.options;
    let ticket: UploadTicket | undefined;
    try {
      const userId = userFrom(server, bearerToken(req));
      ticket = limits.begin(userId);
      // Whichever cap is nearer cuts the file off: the size limit (413) or what is left of the quota (429).
      const quotaFirst = ticket.room < maxBytes;
      const parsed = await receiveUploadForm(req, {
        busboy,
        dir,
        maxBytes: quotaFirst ? ticket.room : maxBytes,
        overLimit: quotaFirst ? ticket.overQuota : () => tooLarge(maxBytes),
        idleTimeoutMs,
        checkConversation: (conversationId) => checkMember(server, conversationId, userId),
        pending: this.pending,
      });
      const attachment = await this.check(parsed);
      try {
        ticket.commit(attachment.size);
      } catch (error) {
        await this.forget(parsed.file);
        throw error;
      }
      const { conversationId } = parsed;
      // The registry is how a message attaches it (by id, and only by this user in this conversation).
      const urlFor = (viewerId: string, ttlMs: number) => this.signer.sign(parsed.id, viewerId, ttlMs);
      const discard = () => void this.remove(parsed.id);
      const unregister = server.registerUpload({ uploaderId: userId, conversationId, attachment, urlFor, discard });
      const upload: StoredUpload = { attachment, conversationId, uploaderId: userId, file: parsed.file, unregister };
      this.uploads.set(parsed.id, upload);
      this.pending.delete(parsed.file);
      upload.expiry = setTimeout(() => void this.expire(parsed.id), this.options.unattachedTtlMs);
      upload.expiry.unref();
      sendJson(res, 201, attachment, { Location: attachment.url });
    } catch (error) {
      // Whatever was refused, the client should still get the answer: read and drop the rest.
      if (!req.complete && !req.destroyed) drain(req);
      throw error;
    } finally {
      ticket?.end();
    }
  }

  /** A message was stored with these attachments: those uploaded to its conversation stay. */
  markSent(conversationId: string, attachmentIds: readonly string[]): void {
    for (const id of attachmentIds) {
      const upload = this.uploads.get(id);
      if (!upload || upload.conversationId !== conversationId) continue;
      clearTimeout(upload.expiry);
      delete upload.expiry;
    }
  }

  /** Never sent in a message: no message may attach it any more, and the file goes. */
  private async expire(id: string): Promise<void> {
    const upload = this.uploads.get(id);
    if (!upload?.expiry) return;
    upload.unregister();
    await this.remove(id);
  }

  /** The file goes (its GET answers 404 from now on), and its bytes leave the uploader's quota. */
  private async remove(id: string): Promise<void> {
    const upload = this.uploads.get(id);
    if (!upload) return;
    clearTimeout(upload.expiry);
    this.uploads.delete(id);
    this.options.limits.freed(upload.uploaderId, upload.attachment.size);
    await unlink(upload.file).catch(() => {});
  }

  private async forget(file: string): Promise<void> {
    this.pending.delete(file);
    await unlink(file).catch(() => {});
  }

  /** Judges the stored file by content; builds the attachment or deletes the file and refuses. */
  private async check(parsed: ReceivedUpload): Promise<Attachment> {
    const { types, baseUrl } = this.options;
    const refuse = async (error: HttpError): Promise<never> => {
      await this.forget(parsed.file);
      throw error;
    };
    if (parsed.size === 0) return refuse(new HttpError('invalid_payload', 'The file is empty'));
    // Binary types are known from the head; text must be clean UTF-8 throughout.
    const bytes =
      parsed.size <= parsed.head.length || sniffBinaryType(parsed.head) !== null ? parsed.head : await readFile(parsed.file);
    const mimeType = sniffFileType(bytes, parsed.name, types);
    if (mimeType === null) {
      const allowed = types.map((t) => t.mimeType).join(', ');
      return refuse(new HttpError('unsupported_type', `This kind of file is not allowed (by its content). Allowed: ${allowed}`));
    }
    const attachment: Attachment = {
      id: parsed.id,
      url: `${baseUrl()}/uploads/${parsed.id}`,
      name: parsed.name,
      size: parsed.size,
      mimeType,
    };
    const dimensions = readImageSize(bytes, mimeType);
    if (dimensions) {
      attachment.width = dimensions.width;
      attachment.height = dimensions.height;
    }
    return attachment;
  }

  /** `GET /uploads/:id`: the file, to current members of its conversation (or of one a forwarded copy stands in) only. */
  async handleDownload(req: IncomingMessage, res: ServerResponse, id: string, query: URLSearchParams): Promise<void> {
    const { server } = this.options;
    // A signed URL names its viewer; otherwise the header. Never a session token in the URL.
    const userId = query.has('sig') ? this.signer.verify(id, query) : userFrom(server, bearerToken(req));
    const upload = ID_PATTERN.test(id) ? this.uploads.get(id) : undefined;
    // Someone else's file is answered as if it did not exist.
    if (userId === null || !upload || !server.mayDownload(id, userId)) throw new HttpError('not_found', UNSEEN.upload.message);
    const { attachment } = upload;
    // Open first, so a vanished file is a clean 404 rather than a broken 200.
    const handle = await open(upload.file, 'r').catch(() => null);
    if (!handle) throw new HttpError('not_found', UNSEEN.upload.message);
    const inline = attachment.mimeType.startsWith('image/');
    res.writeHead(200, {
      'Content-Type': attachment.mimeType.startsWith('text/') ? `${attachment.mimeType}; charset=utf-8` : attachment.mimeType,
      'Content-Length': attachment.size,
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', attachment.name),
      'X-Content-Type-Options': 'nosniff',
      // Membership is checked at every download: a removed member must not keep a cached copy.
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    // The stream owns the FileHandle (closes it); a raw fd here would leave the handle
    // to be closed again on garbage collection, which crashes the process with EBADF.
    const stream = handle.createReadStream({ autoClose: true });
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  }

  /** Removes every stored file (and the directory if it was made for this server). */
  async dispose(): Promise<void> {
    const { dir, ownsDir } = this.options;
    if (ownsDir) {
      await rm(dir, { recursive: true, force: true });
    } else {
      const files = [...this.uploads.values()].map((u) => u.file).concat([...this.pending]);
      await Promise.all(files.map((f) => unlink(f).catch(() => {})));
    }
    for (const upload of this.uploads.values()) clearTimeout(upload.expiry);
    this.uploads.clear();
    this.pending.clear();
  }
}
