/**
 * File uploads: check the file on the client, hand its bytes to the
 * transport, track progress in `state.uploads`, then post a message carrying
 * the attachment through the ordinary `sendMessage` path, so the outbox and
 * its exactly-once delivery apply to it like to any other message.
 *
 * The files themselves stay here, outside the store: the store holds plain,
 * serializable data, and Retry needs the bytes again.
 */
import { describeIssues, safeParse } from './schema';
import { deferred, type Deferred } from './deferred';
import type { Engine } from './engine';
import { ChatError } from './errors';
import { DEFAULT_UPLOAD_POLICY, matchUploadType, type UploadPolicy } from './fileTypes';
import { createClientId } from './ids';
import { AttachmentSchema, messageTextProblem, type Attachment, type Message } from './protocol';
import type { ChatStore } from './store';
import { UploadError, type Transport } from './transport';
import type { NewMessage, Upload } from './types';
import { autoRetryIn, toUploadErrorInfo, type AutoRetries } from './uploadErrorInfo';

export { toUploadErrorInfo };

export interface UploadFileOptions {
  /** Stored name; defaults to the File's own name (a bare Blob becomes "file"). */
  name?: string;
  /** Text of the message that carries the attachment; empty by default. */
  text?: string;
}

export interface UploadManagerDeps {
  readonly store: ChatStore;
  readonly transport: Transport;
  /** Posts the message that carries a finished upload (the client's `sendMessage`). */
  readonly send: (conversationId: string, message: NewMessage) => Promise<Message>;
  /** Told about malformed answers from the backend (the client's `error` event). */
  readonly report: (error: ChatError) => void;
  readonly policy?: Partial<UploadPolicy>;
  readonly createId?: () => string;
  /** Whether the client's link is up; uploads made offline wait for it (default: always up). */
  readonly isOnline?: () => boolean;
}

interface Job {
  readonly file: Blob;
  readonly text: string;
  controller: AbortController | null;
  /** Bumped by every attempt and by cancel, so a stale attempt's late answer is ignored. */
  attempt: number;
  /** How far the current try has gone on by itself (reset by the user's Retry). */
  tries: AutoRetries;
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** What `uploadFile` (or the latest `retryUpload`) resolves with: the sent message, or the final failure. */
  outcome: Deferred<Message>;
}

const freshTries = (): AutoRetries => ({ lostLinks: 0, waitedUntil: null });

/** A bare Blob has no name; a File (from any realm) does. */
function nameOf(file: Blob): string {
  const name = (file as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : 'file';
}

export class UploadManager implements Engine {
  private readonly jobs = new Map<string, Job>();
  private readonly policy: UploadPolicy;
  private readonly createId: () => string;

  constructor(private readonly deps: UploadManagerDeps) {
    this.policy = { ...DEFAULT_UPLOAD_POLICY, ...deps.policy };
    this.createId = deps.createId ?? createClientId;
  }

  /**
   * Starts an upload; resolves with the sent message, rejects with a `ChatError`
   * once it has failed for good (the entry stays as failed) or is cancelled.
   * Offline, or when the link drops on the way, it waits (`status: 'waiting'`)
   * and starts again by itself once the link is back.
   */
  upload(conversationId: string, file: Blob, options: UploadFileOptions = {}): Promise<Message> {
    const id = this.createId();
    const name = options.name ?? nameOf(file);
    const type = matchUploadType(name, file.type, this.policy.types);
    const job: Job = { file, text: options.text ?? '', controller: null, attempt: 0, tries: freshTries(), retryTimer: undefined, outcome: deferred<Message>() };
    this.jobs.set(id, job);
    this.put({
      id,
      conversationId,
      name,
      size: file.size,
      mimeType: type?.mimeType ?? (file.type || 'application/octet-stream'),
      sentBytes: 0,
      status: 'uploading',
    });
    this.begin(id, job);
    return job.outcome.promise;
  }

  retry(id: string): Promise<Message> {
    const upload = this.get(id);
    const job = this.jobs.get(id);
    if (!upload || upload.status !== 'failed' || !job) {
      return Promise.reject(new ChatError({ code: 'not_found', message: `No failed upload with id "${id}"` }));
    }
    job.tries = freshTries();
    job.outcome = deferred<Message>();
    this.begin(id, job);
    return job.outcome.promise;
  }

  start(): void {
    // Nothing to do: an upload made before connect() waits for online().
  }

  /** The link is back: every upload that was waiting for it starts again (one sitting out a server's wait, once it ends). */
  online(): void {
    for (const [id, job] of this.jobs) if (this.get(id)?.status === 'waiting') this.retryIn(id, job, (job.tries.waitedUntil ?? 0) - Date.now());
  }

  offline(): void {
    // Nothing to do: a transfer cut by the lost link goes back to waiting by itself.
  }

  /** disconnect(): transfers stop and wait for the next connect. */
  stop(): void {
    for (const [id, job] of this.jobs) {
      clearTimeout(job.retryTimer);
      if (this.get(id)?.status !== 'uploading') continue;
      job.attempt++;
      job.controller?.abort();
      job.controller = null;
      this.patch(id, { status: 'waiting', sentBytes: 0 });
    }
  }

  /** Stops an upload in flight and forgets it; nothing is sent. */
  cancel(id: string): void {
    const job = this.jobs.get(id);
    if (job) {
      job.attempt++;
      clearTimeout(job.retryTimer);
      job.controller?.abort();
      job.outcome.reject(new ChatError({ code: 'aborted', message: 'The upload was cancelled' }));
    }
    this.forget(id);
  }

  /** Removes a failed upload (or cancels one in flight). */
  dismiss(id: string): void {
    this.cancel(id);
  }

  /** Uploads now, or marks the upload as waiting for the link. */
  private begin(id: string, job: Job): void {
    clearTimeout(job.retryTimer);
    const current = this.get(id);
    if (!current) return;
    const { error: _error, ...rest } = current;
    try {
      // What can be known here fails at once, online or not.
      this.check(current, job);
    } catch (err) {
      const error = toUploadErrorInfo(err);
      this.put({ ...rest, sentBytes: 0, status: 'failed', error });
      job.outcome.reject(new ChatError(error));
      return;
    }
    const online = this.deps.isOnline?.() ?? true;
    this.put({ ...rest, sentBytes: 0, status: online ? 'uploading' : 'waiting' });
    if (online) void this.run(id, job);
  }

  /** One attempt; settles the job's outcome unless the upload goes back to waiting. Never rejects. */
  private async run(id: string, job: Job): Promise<void> {
    const upload = this.get(id);
    if (!upload) return;
    const attempt = ++job.attempt;
    const isCurrent = () => this.jobs.get(id) === job && job.attempt === attempt;

    let attachment: Attachment;
    try {
      attachment = await this.transfer(upload, job, isCurrent);
    } catch (err) {
      // Cancelled or superseded: whoever did that has settled the outcome.
      if (!isCurrent()) return;
      job.controller = null;
      const error = toUploadErrorInfo(err);
      // A lost link, or a server that said "too many uploads" for a moment: it waits and goes again.
      const retryInMs = autoRetryIn(error, job.tries, Date.now());
      if (retryInMs !== undefined) {
        this.patch(id, { status: 'waiting', sentBytes: 0, error });
        this.retryIn(id, job, retryInMs);
        return;
      }
      this.patch(id, { status: 'failed', error });
      job.outcome.reject(new ChatError(error));
      return;
    }
    if (!isCurrent()) return;
    this.patch(id, { status: 'done', sentBytes: upload.size });
    // The pending message shows in the list at once, so the upload entry can go now; from
    // here on the outbox owns delivery (and its retries), offline or not.
    const sent = this.deps.send(upload.conversationId, { text: job.text, attachments: [attachment] });
    this.forget(id);
    sent.then(job.outcome.resolve, (err: unknown) => job.outcome.reject(err instanceof ChatError ? err : new ChatError(toUploadErrorInfo(err))));
  }

  /** Starts a waiting upload again in `ms`, or now; offline by then, it waits for online() (which starts it sooner after a lost link). */
  private retryIn(id: string, job: Job, ms: number): void {
    clearTimeout(job.retryTimer);
    if (ms <= 0) return this.begin(id, job);
    job.retryTimer = setTimeout(() => {
      if (this.get(id)?.status === 'waiting') this.begin(id, job);
    }, ms);
  }

  private async transfer(upload: Upload, job: Job, isCurrent: () => boolean): Promise<Attachment> {
    const send = this.transportUpload();
    const controller = new AbortController();
    job.controller = controller;
    const raw = await send({
      conversationId: upload.conversationId,
      file: job.file,
      name: upload.name,
      signal: controller.signal,
      onProgress: (sent, total) => {
        if (!isCurrent() || !Number.isFinite(sent)) return;
        const sentBytes = Math.max(0, Math.min(upload.size, total > 0 ? Math.round((sent / total) * upload.size) : sent));
        if (this.get(upload.id)?.sentBytes !== sentBytes) this.patch(upload.id, { sentBytes });
      },
    });
    const parsed = safeParse(AttachmentSchema, raw);
    if (!parsed.success) {
      const error = new ChatError({
        code: 'invalid_payload',
        message: `Malformed upload answer: ${describeIssues(parsed.issues)}`,
        event: 'upload',
      });
      this.deps.report(error);
      throw error;
    }
    return parsed.output;
  }

  /** The client's own checks, before any byte is sent: friendlier and cheaper than a server refusal. */
  private check(upload: Upload, job: Job): void {
    const { maxBytes, types } = this.policy;
    // The upload becomes the message's attachment, so only the length rule can apply.
    const textProblem = messageTextProblem(job.text, 1);
    if (textProblem) throw new ChatError(textProblem);
    if (upload.size > maxBytes) {
      throw new UploadError('too_large', `${upload.name} is larger than ${maxBytes} bytes`, maxBytes);
    }
    if (!matchUploadType(upload.name, job.file.type, types)) {
      throw new ChatError({ code: 'unsupported_type', message: `${upload.name} is not an allowed file type` });
    }
    this.transportUpload();
  }

  /** The transport's upload, or `unsupported` when it has none. */
  private transportUpload(): NonNullable<Transport['upload']> {
    const { transport } = this.deps;
    if (typeof transport.upload !== 'function') throw new ChatError({ code: 'unsupported', message: 'This transport cannot upload files' });
    return transport.upload.bind(transport);
  }

  private get(id: string): Upload | undefined {
    return Object.prototype.hasOwnProperty.call(this.deps.store.getState().uploads, id)
      ? this.deps.store.getState().uploads[id]
      : undefined;
  }

  private put(upload: Upload): void {
    this.deps.store.setState((s) => ({ uploads: { ...s.uploads, [upload.id]: upload } }));
  }

  private patch(id: string, changes: Partial<Omit<Upload, 'id'>>): void {
    const current = this.get(id);
    if (current) this.put({ ...current, ...changes });
  }

  private forget(id: string): void {
    this.jobs.delete(id);
    if (!this.get(id)) return;
    this.deps.store.setState((s) => {
      const { [id]: _gone, ...uploads } = s.uploads;
      return { uploads };
    });
  }
}
