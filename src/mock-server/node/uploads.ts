/**
 * File uploads over HTTP.
 *
 * `POST /uploads` (multipart/form-data: `conversationId`, `file`; header
 * `Authorization: Bearer <user token>`) streams the file into the upload
 * directory under a random id — never the sender's name — and stops at the
 * size cap while streaming (the partial file is deleted). The type is then
 * judged by content (magic bytes; text only when it is clean UTF-8 and not
 * HTML) against an allowlist, images get their width and height, and the
 * answer is the attachment descriptor `{ id, url, name, size, mimeType,
 * width?, height? }` with an absolute `url`.
 *
 * `GET /uploads/:id` serves a file only to current members of its
 * conversation (token in the Authorization header, or `?token=` since an
 * `<img src>` cannot send headers), as the sniffed type, with `nosniff`,
 * `Content-Disposition` (inline for images, attachment otherwise), a
 * sandboxing CSP and `Cache-Control: private`. Ids are 32 hex characters,
 * looked up in a table: nothing from the URL ever becomes a path.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, readFile, rm, unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type busboy from 'busboy';
import type { Attachment } from '../../core/protocol';
import type { UploadFileType } from '../../core/fileTypes';
import { sanitizeFileName } from '../fileNames';
import { sniffBinaryType, sniffFileType } from '../fileSniffing';
import { readImageSize } from '../imageSize';
import type { MockChatServerCore } from '../MockChatServer';
import { bearerToken, CORS_HEADERS, HttpError } from './http';

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
}

interface StoredUpload {
  readonly attachment: Attachment;
  readonly conversationId: string;
  readonly uploaderId: string;
  readonly file: string;
}

/** Bytes kept in memory while streaming, for sniffing and image headers. */
const HEAD_BYTES = 256 * 1024;
/** Room for the multipart framing and the small fields around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
/** After a refusal the rest of the body is read and dropped, up to this much; then the connection is cut. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

const ID_PATTERN = /^[0-9a-f]{32}$/;

function userFrom(server: MockChatServerCore, token: string | undefined | null): string {
  if (!token) {
    throw new HttpError('unauthorized', 'Send "Authorization: Bearer <token>" (or ?token= on GET)', { 'WWW-Authenticate': 'Bearer' });
  }
  const auth = server.authenticate({ token });
  if (!auth.ok) throw new HttpError('unauthorized', auth.error.message, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  return auth.userId;
}

/** Unknown and not-a-member answer alike (as in the in-browser endpoint), so outsiders cannot probe ids. */
function checkMember(server: MockChatServerCore, conversationId: string, userId: string): void {
  if (!server.isMember(conversationId, userId)) {
    throw new HttpError('forbidden', `You are not a member of conversation ${JSON.stringify(conversationId.slice(0, 100))}`);
  }
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError('too_large', `The file is larger than the limit of ${maxBytes} bytes`, {}, { maxBytes });
}

/** Reads and drops the rest of a refused body, so the client gets its answer; cuts off a flood. */
function drain(req: IncomingMessage): void {
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAIN_BYTES) req.destroy();
  });
  req.resume();
}

/** `Content-Disposition` with an ASCII fallback and the RFC 5987 `filename*` for the real name. */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

interface ParsedUpload {
  readonly conversationId: string;
  readonly id: string;
  readonly file: string;
  readonly size: number;
  readonly name: string;
  readonly head: Buffer;
}

export class UploadStore {
  private readonly uploads = new Map<string, StoredUpload>();
  /** Files being written or checked, so dispose() can remove them too. */
  private readonly pending = new Set<string>();

  constructor(private readonly options: UploadStoreOptions) {}

  /** `POST /uploads`: answers 201 with the attachment, or throws an HttpError. */
  async handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { server, maxBytes } = this.options;
    try {
      const userId = userFrom(server, bearerToken(req));
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'multipart/form-data') {
        throw new HttpError('unsupported_type', 'Send the file as multipart/form-data with fields "conversationId" and "file"');
      }
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes + FORM_OVERHEAD_BYTES) {
        throw tooLarge(maxBytes);
      }
      const parsed = await this.receive(req, userId);
      const attachment = await this.check(parsed);
      this.uploads.set(parsed.id, { attachment, conversationId: parsed.conversationId, uploaderId: userId, file: parsed.file });
      this.pending.delete(parsed.file);
      const text = JSON.stringify(attachment);
      res.writeHead(201, {
        ...CORS_HEADERS,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(text),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        Location: attachment.url,
      });
      res.end(text);
    } catch (error) {
      // Whatever was refused, the client should still get the answer: read and drop the rest.
      if (!req.complete && !req.destroyed) drain(req);
      throw error;
    }
  }

  /** Streams the form; resolves once the file is on disk and every field was read. */
  private receive(req: IncomingMessage, userId: string): Promise<ParsedUpload> {
    const { server, maxBytes, dir } = this.options;
    return new Promise<ParsedUpload>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = this.options.busboy({
          headers: req.headers,
          // Browsers send the file name as raw UTF-8.
          defParamCharset: 'utf8',
          // busboy signals 'limit' on reaching fileSize, so one byte more means "over the cap".
          limits: { files: 1, fields: 10, parts: 20, fileSize: maxBytes + 1, fieldSize: 1024, fieldNameSize: 100, headerPairs: 20 },
        });
      } catch (error) {
        reject(new HttpError('invalid_payload', `Malformed multipart request: ${(error as Error).message}`));
        return;
      }

      let settled = false;
      let conversationId: string | undefined;
      let file: { id: string; path: string; name: string; out: WriteStream } | undefined;
      let size = 0;
      const head: Buffer[] = [];
      let headLength = 0;
      let fileWritten = false;
      let formDone = false;

      /** Deletes the partial file once its stream has closed (an unlink before the open would be undone by it). */
      const cleanup = (): Promise<void> => {
        if (!file) return Promise.resolve();
        const { out, path: filePath } = file;
        this.pending.delete(filePath);
        const remove = () => unlink(filePath).catch(() => {});
        if (out.closed) return remove();
        return new Promise<void>((done) => {
          out.once('close', () => void remove().then(done));
          out.destroy();
        });
      };
      /** Refuses once; answers only after the partial file is gone. */
      const fail = (error: HttpError) => {
        if (settled) return;
        settled = true;
        req.unpipe(parser);
        void cleanup().then(() => reject(error));
      };
      const maybeDone = () => {
        if (settled || !formDone || (file && !fileWritten)) return;
        if (conversationId === undefined) return fail(new HttpError('invalid_payload', 'The form needs a "conversationId" field'));
        if (!file) return fail(new HttpError('invalid_payload', 'The form needs a "file" field'));
        try {
          checkMember(server, conversationId, userId);
        } catch (error) {
          return fail(error as HttpError);
        }
        settled = true;
        resolve({ conversationId, id: file.id, file: file.path, size, name: file.name, head: Buffer.concat(head) });
      };

      parser.on('field', (name, value) => {
        if (name !== 'conversationId' || settled) return;
        conversationId = value;
        // Known early (the field came first): refuse before storing a byte.
        try {
          checkMember(server, value, userId);
        } catch (error) {
          fail(error as HttpError);
        }
      });

      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || settled || file) {
          stream.resume();
          return;
        }
        const id = randomBytes(16).toString('hex');
        const filePath = path.join(dir, id);
        const out = createWriteStream(filePath, { flags: 'wx', mode: 0o600 });
        file = { id, path: filePath, name: sanitizeFileName(info.filename ?? 'file'), out };
        this.pending.add(filePath);
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (headLength < HEAD_BYTES) {
            const part = chunk.subarray(0, HEAD_BYTES - headLength);
            head.push(part);
            headLength += part.length;
          }
        });
        stream.on('limit', () => {
          stream.unpipe(out);
          stream.resume();
          fail(tooLarge(maxBytes));
        });
        out.on('error', (error) => fail(new HttpError('internal', `Could not store the file: ${error.message}`)));
        out.on('finish', () => {
          fileWritten = true;
          maybeDone();
        });
        stream.pipe(out);
      });

      parser.on('filesLimit', () => {}); // a second file is ignored
      parser.on('error', (error: Error) => fail(new HttpError('invalid_payload', `Malformed multipart request: ${error.message}`)));
      parser.on('close', () => {
        formDone = true;
        maybeDone();
      });
      req.on('close', () => {
        if (!req.complete) fail(new HttpError('invalid_payload', 'The upload was cut off'));
      });
      req.on('error', () => fail(new HttpError('invalid_payload', 'The upload was cut off')));
      req.pipe(parser);
    });
  }

  /** Judges the stored file by content; builds the attachment or deletes the file and refuses. */
  private async check(parsed: ParsedUpload): Promise<Attachment> {
    const { types, baseUrl } = this.options;
    const refuse = async (error: HttpError): Promise<never> => {
      this.pending.delete(parsed.file);
      await unlink(parsed.file).catch(() => {});
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

  /** `GET /uploads/:id`: the file, to current members of its conversation only. */
  async handleDownload(req: IncomingMessage, res: ServerResponse, id: string, query: URLSearchParams): Promise<void> {
    const { server } = this.options;
    const userId = userFrom(server, bearerToken(req) ?? query.get('token'));
    const upload = ID_PATTERN.test(id) ? this.uploads.get(id) : undefined;
    if (!upload) throw new HttpError('not_found', 'No such upload');
    if (!server.isMember(upload.conversationId, userId)) {
      throw new HttpError('forbidden', 'Only members of its conversation can fetch this file');
    }
    const { attachment } = upload;
    // Open first, so a vanished file is a clean 404 rather than a broken 200.
    const handle = await open(upload.file, 'r').catch(() => null);
    if (!handle) throw new HttpError('not_found', 'No such upload');
    const inline = attachment.mimeType.startsWith('image/');
    res.writeHead(200, {
      'Access-Control-Allow-Origin': '*',
      'Content-Type': attachment.mimeType.startsWith('text/') ? `${attachment.mimeType}; charset=utf-8` : attachment.mimeType,
      'Content-Length': attachment.size,
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', attachment.name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=3600',
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
    this.uploads.clear();
    this.pending.clear();
  }
}
