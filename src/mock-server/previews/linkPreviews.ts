/**
 * Link previews: after a message is stored, its first http(s) link is
 * unfurled in the background (the ack never waits for it); the preview is
 * stored on the message and pushed as `message:updated`. An edit that changes
 * the first link unfurls again, one that removes it drops the preview. A
 * failed, refused or slow unfurl just leaves no preview. A preview its author
 * removed stays removed, edits included. Whatever a client sends as `preview`
 * is never read: the message schema strips it.
 */
import { LIMITS, type LinkPreview } from '../../core/protocol';
import { firstLink } from '../../core/text/firstLink';
import type { ConversationRecord } from '../state';
import type { StoredMessage } from '../types';
import type { PreviewImages } from './previewImages';
import type { Unfurled, UnfurlFn } from './unfurl';

export const DEFAULT_UNFURL_TIMEOUT_MS = 5_000;

export interface LinkPreviewDeps {
  /** `false`: the server makes no previews. */
  readonly unfurl: UnfurlFn | false;
  readonly timeoutMs: number;
  readonly images: PreviewImages;
  /** The message as stored now, by id (it may have changed or gone while the unfurl ran). */
  readonly find: (id: string) => { conversation: ConversationRecord; message: StoredMessage } | undefined;
  /** Stores the changed message and pushes `message:updated` (messaging.ts `replaceMessage`). */
  readonly replace: (conversation: ConversationRecord, next: StoredMessage) => void;
}

interface Pending {
  readonly url: string;
  readonly controller: AbortController;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A string worth showing (trimmed, whitespace runs as one space), cut to `max`; undefined for anything else. */
function clean(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : cut(text, max);
}

/** Without what `message` carries about previews. */
export function withoutPreview(message: StoredMessage): StoredMessage {
  if (message.preview === undefined) return message;
  const { preview: _preview, ...rest } = message;
  return rest;
}

export class LinkPreviews {
  private readonly pending = new Map<string, Pending>();
  /** Messages whose author removed the preview. */
  private readonly removed = new Set<string>();
  private disposed = false;

  constructor(private readonly deps: LinkPreviewDeps) {}

  /** A message was stored: unfurl its first link, if it has one. */
  posted(message: StoredMessage): void {
    if (message.kind === 'system' || message.deletedAt !== undefined) return;
    const url = firstLink(message.text);
    if (url !== null) this.start(message.id, url);
  }

  /**
   * `next` is `before` with its new text: what to store. The same first link keeps the
   * preview; another one drops it and is unfurled; none drops it.
   */
  edited(conversation: ConversationRecord, before: StoredMessage, next: StoredMessage): StoredMessage {
    const url = firstLink(next.text);
    if (url !== null && url === firstLink(before.text)) return next;
    this.cancel(before.id);
    this.deps.images.retire(conversation.id, before.preview?.image);
    if (url !== null && !this.removed.has(before.id)) this.start(before.id, url);
    return withoutPreview(next);
  }

  /** The author takes the preview off, for good. */
  remove(conversation: ConversationRecord, message: StoredMessage): StoredMessage {
    this.removed.add(message.id);
    this.cancel(message.id);
    this.deps.images.retire(conversation.id, message.preview?.image);
    return withoutPreview(message);
  }

  /** The message was deleted: nothing of its preview stays. */
  deleted(conversation: ConversationRecord, message: StoredMessage): void {
    this.cancel(message.id);
    this.deps.images.retire(conversation.id, message.preview?.image);
  }

  dispose(): void {
    this.disposed = true;
    for (const id of [...this.pending.keys()]) this.cancel(id);
    this.deps.images.dispose();
  }

  private cancel(id: string): void {
    this.pending.get(id)?.controller.abort();
    this.pending.delete(id);
  }

  private start(id: string, url: string): void {
    const { unfurl, timeoutMs } = this.deps;
    if (unfurl === false || this.disposed || this.removed.has(id)) return;
    this.cancel(id);
    const controller = new AbortController();
    const job: Pending = { url, controller };
    this.pending.set(id, job);
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const deadline = new Promise<null>((resolve) => controller.signal.addEventListener('abort', () => resolve(null)));
    // Called on a later tick: the ack of the request that stored the message goes out first.
    Promise.resolve()
      .then(() => Promise.race([unfurl(url, controller.signal), deadline]))
      .catch(() => null)
      .then((found) => {
        clearTimeout(timer);
        if (this.pending.get(id) !== job) return;
        this.pending.delete(id);
        if (!controller.signal.aborted && found) this.apply(id, url, found);
      });
  }

  private apply(id: string, url: string, found: Unfurled): void {
    const current = this.deps.find(id);
    if (!current || this.removed.has(id)) return;
    const { conversation, message } = current;
    if (message.deletedAt !== undefined || firstLink(message.text) !== url) return;
    const title = clean(found.title, LIMITS.maxPreviewTitleLength);
    if (title === undefined) return;
    const description = clean(found.description, LIMITS.maxPreviewDescriptionLength);
    const siteName = clean(found.siteName, LIMITS.maxNameLength);
    const image = found.image ? this.deps.images.store(message, found.image) : null;
    const preview: LinkPreview = {
      url,
      title,
      ...(description !== undefined ? { description } : {}),
      ...(siteName !== undefined ? { siteName } : {}),
      ...(image ? { image } : {}),
    };
    this.deps.images.retire(conversation.id, message.preview?.image);
    this.deps.replace(conversation, { ...message, preview });
  }
}
