import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatClient } from '../../../core/client';
import { LIMITS, type Message } from '../../../core/protocol';

/**
 * `idle`: nothing to search for; `searching`: a first page is on its way;
 * `results` / `empty`: its answer; `error`: it failed (retry);
 * `tooLong`: the query is over `LIMITS.maxQueryLength`, nothing is asked.
 */
export type SearchStatus = 'idle' | 'searching' | 'results' | 'empty' | 'error' | 'tooLong';

export interface MessageSearchState {
  readonly query: string;
  setQuery(query: string): void;
  readonly status: SearchStatus;
  /** Newest first; kept while a new query is on its way, so the list does not flicker. */
  readonly results: readonly Message[];
  /** The query the results answer. */
  readonly resultsQuery: string;
  /** Another page exists. */
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  /** The last "Load more" failed. */
  readonly moreFailed: boolean;
  loadMore(): void;
  /** Ask again what failed: the first page or the next one. */
  retry(): void;
  /** Skip the wait: search for what is typed now (Enter). */
  searchNow(): void;
}

interface Answer {
  readonly query: string;
  readonly results: readonly Message[];
  readonly nextCursor: string | undefined;
}

/**
 * The search box's state: the typed query, searched once typing pauses for
 * `debounceMs`; an answer that arrives after a newer query was typed is dropped.
 */
export function useMessageSearch(client: ChatClient, conversationId: string | undefined, debounceMs: number, limit: number | undefined): MessageSearchState {
  const [query, setQuery] = useState('');
  // The query as last sent (after the pause), and a counter that makes Retry send it again.
  const [asked, setAsked] = useState({ query: '', attempt: 0 });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  // The newest request: answers to older ones are dropped.
  const latest = useRef(0);

  const wanted = query.trim();
  const tooLong = query.length > LIMITS.maxQueryLength;

  // Wait for a pause in typing; an empty or too long query is never sent.
  useEffect(() => {
    if (wanted === asked.query || tooLong) return;
    const timer = setTimeout(() => setAsked((a) => ({ query: wanted, attempt: a.attempt })), wanted === '' ? 0 : debounceMs);
    return () => clearTimeout(timer);
  }, [wanted, tooLong, asked.query, debounceMs]);

  useEffect(() => {
    const id = ++latest.current;
    setFailed(null);
    setMoreFailed(false);
    setLoadingMore(false);
    if (asked.query === '') {
      setAnswer(null);
      return;
    }
    client
      .searchMessages({ query: asked.query, ...(conversationId !== undefined ? { conversationId } : {}), ...(limit !== undefined ? { limit } : {}) })
      .then(
        ({ results, nextCursor }) => {
          if (id === latest.current) setAnswer({ query: asked.query, results, nextCursor });
        },
        () => {
          if (id === latest.current) setFailed(asked.query);
        },
      );
  }, [client, conversationId, limit, asked]);

  const loadMore = useCallback(() => {
    if (!answer?.nextCursor || loadingMore) return;
    const id = latest.current;
    setLoadingMore(true);
    setMoreFailed(false);
    client
      .searchMessages({
        query: answer.query,
        cursor: answer.nextCursor,
        ...(conversationId !== undefined ? { conversationId } : {}),
        ...(limit !== undefined ? { limit } : {}),
      })
      .then(
        ({ results, nextCursor }) => {
          if (id !== latest.current) return;
          // A message edited between pages may come twice: once is enough.
          const seen = new Set(answer.results.map((m) => m.id));
          setAnswer({ query: answer.query, results: [...answer.results, ...results.filter((m) => !seen.has(m.id))], nextCursor });
          setLoadingMore(false);
        },
        () => {
          if (id !== latest.current) return;
          setMoreFailed(true);
          setLoadingMore(false);
        },
      );
  }, [answer, loadingMore, client, conversationId, limit]);

  let status: SearchStatus;
  if (tooLong) status = 'tooLong';
  else if (wanted === '') status = 'idle';
  else if (failed === wanted) status = 'error';
  else if (answer?.query !== wanted) status = 'searching';
  else status = answer.results.length > 0 ? 'results' : 'empty';

  return {
    query,
    setQuery,
    status,
    results: wanted === '' || tooLong ? [] : (answer?.results ?? []),
    resultsQuery: answer?.query ?? '',
    hasMore: answer?.nextCursor !== undefined && answer.query === wanted,
    loadingMore,
    moreFailed,
    loadMore,
    retry: () => {
      if (status === 'error') setAsked((a) => ({ query: wanted, attempt: a.attempt + 1 }));
      else if (moreFailed) loadMore();
    },
    searchNow: () => {
      if (!tooLong && wanted !== asked.query) setAsked((a) => ({ query: wanted, attempt: a.attempt }));
    },
  };
}
