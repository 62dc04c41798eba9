/**
 * The server's message search index (searchHandlers.ts asks it). Every stored
 * message passes through `add` and every edit or delete through `replace`, so a
 * deleted message is never found and an edited one is found by its new text.
 *
 * Matching: a message matches when every query word (searchTokens.ts) is a
 * prefix of one of its words: "depl" finds "deploying", "cafe" finds "Café".
 * System notices and deleted messages are never indexed.
 *
 * Structure: an inverted index. Each indexed version of a message is a
 * document with a number; every word maps to the documents holding it
 * (ascending), and the words are also kept sorted, so the words a query word
 * begins are one binary search and a contiguous run. A query walks the
 * documents of its rarest word only and checks its other words against each
 * document's folded text, so a selective query costs what it finds, not the
 * size of the history.
 *
 * Seeded history is lazy (a conversation's log computes its messages on
 * demand, types.ts LazyHistory): the first search of a conversation reads its
 * whole log once (materializes it) and indexes what add/replace have not
 * already brought; from then on add/replace keep it current. Thread replies
 * are not in the log: they come through `add` only.
 */
import { comparePositions, NewestFirst, type SearchPosition } from './searchOrder';
import { searchTokens } from './searchTokens';
import type { ConversationRecord } from './state';
import type { StoredMessage } from './types';

export interface SearchRequest {
  /** Query words (searchTokens.ts queryTokens); none finds nothing. */
  readonly tokens: readonly string[];
  /** Where to look: the conversations the caller may read now. */
  readonly conversations: readonly ConversationRecord[];
  /** Only messages strictly older than this (a page's cursor). */
  readonly before?: SearchPosition;
  readonly limit: number;
}

export interface SearchPage {
  /** Newest first. */
  readonly messages: StoredMessage[];
  /** Older matches remain after these. */
  readonly more: boolean;
}

const searchable = (m: StoredMessage) => m.deletedAt === undefined && m.kind !== 'system';

export class SearchIndex {
  /** Per document: the message as indexed; undefined once it was replaced or removed. */
  private readonly docs: (StoredMessage | undefined)[] = [];
  /** Per document: its words, folded, each after a space (a query word begins one where `' ' + word` occurs). */
  private readonly texts: string[] = [];
  /** Message id → its live document. */
  private readonly docOf = new Map<string, number>();
  /** Word → the documents holding it, ascending; dead documents linger until `compact`. */
  private postings = new Map<string, number[]>();
  /** Every word with a posting, sorted by code unit; words new since the last search wait in `newWords`. */
  private words: string[] = [];
  private newWords: string[] = [];
  private dead = 0;
  /** Per conversation, the next seq of its log to read (reading is done once it passes lastSeq at that time). */
  private readonly readUpTo = new WeakMap<ConversationRecord, number>();
  private readonly materialized = new WeakSet<ConversationRecord>();
  /** Marks for the documents already seen by one query (a query word that begins several words). */
  private seen = new Uint32Array(0);
  private mark = 0;

  /** A message was stored (a conversation's or a thread's). */
  add(message: StoredMessage): void {
    const known = this.docOf.get(message.id);
    if (known !== undefined) this.drop(known);
    this.index(message);
  }

  /** A stored message changed (edit, delete, reaction); `next` replaces what was indexed for its id. */
  replace(next: StoredMessage): void {
    const doc = this.docOf.get(next.id);
    if (doc !== undefined) {
      const same = searchable(next) && next.createdAt === this.docs[doc]!.createdAt && textOf(next.text) === this.texts[doc];
      // A reaction changes no word: the document stays, holding the current message.
      if (same) {
        this.docs[doc] = next;
        return;
      }
      this.drop(doc);
    }
    this.index(next);
  }

  /** The newest `limit` matches in the given conversations (and whether there are more). */
  search(request: SearchRequest): SearchPage {
    const { tokens, before, limit } = request;
    if (tokens.length === 0 || limit < 1) return { messages: [], more: false };
    for (const conversation of request.conversations) this.materialize(conversation);
    if (this.dead > Math.max(1024, this.docOf.size)) this.compact();
    this.settleWords();

    const ranges = tokens.map((token) => this.wordRange(token));
    let driver = 0;
    for (let i = 1; i < ranges.length; i++) if (ranges[i]!.documents < ranges[driver]!.documents) driver = i;
    const { from, to, documents } = ranges[driver]!;
    if (documents === 0) return { messages: [], more: false };
    const others = tokens.filter((_, i) => i !== driver).map((t) => ` ${t}`);
    const scope = new Set(request.conversations.map((c) => c.id));
    const newest = new NewestFirst<number>(limit + 1, (a, b) => this.compareDocs(a, b));
    // Several words: one document may hold two of them, so each is taken once.
    const dedupe = to - from > 1;
    if (dedupe) this.nextMark();
    const { docs, texts, seen, mark } = this;

    for (let w = from; w < to; w++) {
      const posting = this.postings.get(this.words[w]!)!;
      // Newest-stored first: with the usual order of createdAt, most later offers are rejected at once.
      for (let i = posting.length - 1; i >= 0; i--) {
        const doc = posting[i]!;
        if (dedupe) {
          if (seen[doc] === mark) continue;
          seen[doc] = mark;
        }
        const message = docs[doc];
        if (message === undefined || !scope.has(message.conversationId)) continue;
        if (before && comparePositions(message, before) >= 0) continue;
        const text = texts[doc]!;
        let all = true;
        for (const other of others) if (!text.includes(other)) { all = false; break; }
        if (all) newest.offer(doc);
      }
    }
    const found = newest.take();
    return { messages: found.slice(0, limit).map((doc) => docs[doc]!), more: found.length > limit };
  }

  private index(message: StoredMessage): void {
    if (!searchable(message)) return;
    const tokens = searchTokens(message.text);
    if (tokens.length === 0) return;
    const doc = this.docs.length;
    this.docs.push(message);
    this.texts.push(` ${tokens.join(' ')}`);
    this.docOf.set(message.id, doc);
    for (const token of tokens) {
      const posting = this.postings.get(token);
      if (posting) posting.push(doc);
      else {
        this.postings.set(token, [doc]);
        this.newWords.push(token);
      }
    }
  }

  private drop(doc: number): void {
    const message = this.docs[doc];
    if (!message) return;
    this.docOf.delete(message.id);
    this.docs[doc] = undefined;
    this.texts[doc] = '';
    this.dead++;
  }

  /**
   * Reads up to `budget` more messages of the conversation's log into the index ahead of its
   * first search (the Node server does, a slice at a time while idle, so no search stalls the
   * server reading a long seeded history at once). True when its log has been read whole.
   */
  warm(conversation: ConversationRecord, budget: number): boolean {
    if (this.materialized.has(conversation)) return true;
    const { log } = conversation;
    let seq = this.readUpTo.get(conversation) ?? 1;
    for (const end = Math.min(log.lastSeq, seq + budget - 1); seq <= end; seq++) {
      const message = log.get(seq);
      // What add/replace brought is current already; the rest is the untouched seed.
      if (message && !this.docOf.has(message.id)) this.index(message);
    }
    this.readUpTo.set(conversation, seq);
    // Anything stored from now on comes through add.
    if (seq > log.lastSeq) this.materialized.add(conversation);
    return seq > log.lastSeq;
  }

  private materialize(conversation: ConversationRecord): void {
    this.warm(conversation, Infinity);
  }

  /** The run of sorted words that `prefix` begins, and how many documents they hold (dead ones too). */
  private wordRange(prefix: string): { from: number; to: number; documents: number } {
    const { words } = this;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    let to = lo;
    let documents = 0;
    while (to < words.length && words[to]!.startsWith(prefix)) documents += this.postings.get(words[to++]!)!.length;
    return { from: lo, to, documents };
  }

  private settleWords(): void {
    if (this.newWords.length === 0) return;
    const added = this.newWords.sort();
    this.newWords = [];
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    const { words } = this;
    while (i < words.length || j < added.length) {
      if (j >= added.length || (i < words.length && words[i]! < added[j]!)) merged.push(words[i++]!);
      else merged.push(added[j++]!);
    }
    this.words = merged;
  }

  /** Postings lose their dead documents (edits and deletes leave them), and words left with none go. */
  private compact(): void {
    const live = new Map<string, number[]>();
    for (const [word, posting] of this.postings) {
      const kept = posting.filter((doc) => this.docs[doc] !== undefined);
      if (kept.length > 0) live.set(word, kept);
    }
    this.postings = live;
    this.words = [...live.keys()].sort();
    this.newWords = [];
    this.dead = 0;
  }

  private nextMark(): void {
    if (this.seen.length < this.docs.length) {
      this.seen = new Uint32Array(Math.max(this.docs.length, this.seen.length * 2));
      this.mark = 0;
    }
    if (this.mark === 0xffffffff) {
      this.seen.fill(0);
      this.mark = 0;
    }
    this.mark++;
  }

  private compareDocs(a: number, b: number): number {
    return comparePositions(this.docs[a]!, this.docs[b]!);
  }
}

/** A document's text as `index` builds it, to tell whether an edit changed any word. */
function textOf(text: string): string {
  return ` ${searchTokens(text).join(' ')}`;
}
