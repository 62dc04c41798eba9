/**
 * The body of `POST /uploads`: a multipart/form-data form with the fields
 * `conversationId` and `file`, streamed into the upload directory under a
 * random id and stopped at the size cap while streaming (the partial file is
 * deleted). The conversation is checked as soon as its field arrives, so a
 * refused upload stores nothing. A body that stalls (no bytes for
 * `idleTimeoutMs`) is refused as 408 `timeout` and its partial file deleted.
 * Judging the content is the caller's part.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type busboy from 'busboy';
import { sanitizeFileName } from '../fileNames';
import { declaredOver, HttpError, mediaType } from './http';

export interface UploadFormOptions {
  /** The multipart parser (an optional peer dependency, loaded by the server: `peers.ts`). */
  readonly busboy: typeof busboy;
  readonly dir: string;
  readonly maxBytes: number;
  /** The refusal for a file over `maxBytes` (default 413 `too_large`; a quota's cap is a 429). */
  readonly overLimit?: () => HttpError;
  /** A body with no bytes for this long is refused and its partial file deleted; 0 for never. */
  readonly idleTimeoutMs: number;
  /** Throws the HttpError to answer with when the uploader may not post to this conversation. */
  readonly checkConversation: (conversationId: string) => void;
  /** Files being written; one is added when it opens and removed when it is deleted. */
  readonly pending: Set<string>;
}

/** A form read to its end, its file on disk (not yet judged by content). */
export interface ReceivedUpload {
  readonly conversationId: string;
  readonly id: string;
  readonly file: string;
  readonly size: number;
  readonly name: string;
  /** The file's first bytes, for sniffing its type and reading image headers. */
  readonly head: Buffer;
}

/** Bytes kept in memory while streaming, for sniffing and image headers. */
const HEAD_BYTES = 256 * 1024;
/** Room for the multipart framing and the small fields around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
/** After a refusal the rest of the body is read and dropped, up to this much; then the connection is cut. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

export function tooLarge(maxBytes: number): HttpError {
  return new HttpError('too_large', `The file is larger than the limit of ${maxBytes} bytes`, {}, { maxBytes });
}

/** Reads and drops the rest of a refused body, so the client gets its answer; cuts off a flood. */
export function drain(req: IncomingMessage): void {
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAIN_BYTES) req.destroy();
  });
  req.resume();
}

/**
 * Reads the form; resolves once the file is on disk and every field was read,
 * or rejects with the HttpError to answer (a wrong content type, a declared or
 * streamed size over the cap, a missing field, a cut-off body).
 */
export async function receiveUploadForm(req: IncomingMessage, options: UploadFormOptions): Promise<ReceivedUpload> {
  if (mediaType(req) !== 'multipart/form-data') {
    throw new HttpError('unsupported_type', 'Send the file as multipart/form-data with fields "conversationId" and "file"');
  }
  if (declaredOver(req, options.maxBytes + FORM_OVERHEAD_BYTES)) throw (options.overLimit ?? (() => tooLarge(options.maxBytes)))();
  return streamForm(req, options);
}

function streamForm(req: IncomingMessage, options: UploadFormOptions): Promise<ReceivedUpload> {
  const { maxBytes, dir, pending, idleTimeoutMs } = options;
  const overLimit = options.overLimit ?? (() => tooLarge(maxBytes));
  return new Promise<ReceivedUpload>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = options.busboy({
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
      pending.delete(filePath);
      const remove = () => unlink(filePath).catch(() => {});
      if (out.closed) return remove();
      return new Promise<void>((done) => {
        out.once('close', () => void remove().then(done));
        out.destroy();
      });
    };
    let idle: ReturnType<typeof setTimeout> | undefined;
    const stalled = () =>
      fail(new HttpError('timeout', `The upload stalled: no data for ${idleTimeoutMs / 1000} s`, { Connection: 'close' }));
    const awake = () => {
      clearTimeout(idle);
      if (!settled && idleTimeoutMs > 0) idle = setTimeout(stalled, idleTimeoutMs);
    };
    /** Refuses once; answers only after the partial file is gone. */
    const fail = (error: HttpError) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      req.unpipe(parser);
      void cleanup().then(() => reject(error));
    };
    const maybeDone = () => {
      if (settled || !formDone || (file && !fileWritten)) return;
      if (conversationId === undefined) return fail(new HttpError('invalid_payload', 'The form needs a "conversationId" field'));
      if (!file) return fail(new HttpError('invalid_payload', 'The form needs a "file" field'));
      try {
        options.checkConversation(conversationId);
      } catch (error) {
        return fail(error as HttpError);
      }
      settled = true;
      clearTimeout(idle);
      resolve({ conversationId, id: file.id, file: file.path, size, name: file.name, head: Buffer.concat(head) });
    };

    parser.on('field', (name, value) => {
      if (name !== 'conversationId' || settled) return;
      conversationId = value;
      // Known early (the field came first): refuse before storing a byte.
      try {
        options.checkConversation(value);
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
      pending.add(filePath);
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
        fail(overLimit());
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
    req.on('data', awake);
    req.on('end', () => clearTimeout(idle)); // the rest (writing the file) is ours, not the client's
    awake();
    req.pipe(parser);
  });
}
