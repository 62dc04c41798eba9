import type { MessageTimeline } from '../../../core/messageTimeline';
import type { Message } from '../../../core/protocol';
import type { ChatMessage, DisplayMessage } from '../../../core/types';

/** What a quote reads of its original: a loaded message, or a thread's root as the store keeps it. */
export type QuotedOriginal = Pick<Message, 'authorId' | 'text' | 'attachments' | 'deletedAt'>;

/**
 * Each timeline chunk's messages by id, built the first time a quote looks in
 * it. Chunks are shared between versions of a timeline (a new message copies
 * only the last one), so a lookup after an arrival rebuilds one chunk's index,
 * and a quote re-reading the store on every change costs a map lookup per
 * chunk, not a scan of the conversation.
 */
const idsOfChunk = new WeakMap<readonly ChatMessage[], Map<string, ChatMessage>>();

function chunkIndex(chunk: readonly ChatMessage[]): Map<string, ChatMessage> {
  let ids = idsOfChunk.get(chunk);
  if (!ids) {
    ids = new Map();
    for (const m of chunk) ids.set(m.id, m);
    idsOfChunk.set(chunk, ids);
  }
  return ids;
}

/** The loaded message with this id (the quoted original), newest chunk first; undefined when it is not in the store. */
export function findMessageIn(timeline: MessageTimeline | undefined, id: string): DisplayMessage | undefined {
  if (!timeline) return undefined;
  for (let c = timeline.chunks.length - 1; c >= 0; c--) {
    const found = chunkIndex(timeline.chunks[c]!).get(id);
    if (found) return found;
  }
  return timeline.pending.find((m) => m.id === id || m.clientId === id);
}

/** What a quote shows of the original: its first line, else its first file's name, else that it is gone or not here. */
export type QuoteSummary =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'attachment'; readonly text: string }
  | { readonly kind: 'deleted' }
  | { readonly kind: 'missing' };

/** A quote is one line: longer text is cut here (CSS ends the visible line with an ellipsis). */
const MAX_QUOTE_CHARS = 200;

export function quoteSummary(original: QuotedOriginal | undefined): QuoteSummary {
  if (!original) return { kind: 'missing' };
  if (original.deletedAt !== undefined) return { kind: 'deleted' };
  const line = original.text.split('\n').find((l) => l.trim() !== '');
  if (line !== undefined) {
    const text = line.trim();
    // By code points, so an emoji is never cut in half.
    return { kind: 'text', text: text.length > MAX_QUOTE_CHARS ? Array.from(text).slice(0, MAX_QUOTE_CHARS).join('') : text };
  }
  const file = original.attachments[0];
  return file ? { kind: 'attachment', text: file.name } : { kind: 'text', text: '' };
}
