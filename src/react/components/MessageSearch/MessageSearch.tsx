import { forwardRef, useEffect, useId, useRef, useState, type HTMLAttributes, type KeyboardEvent } from 'react';
import { LIMITS, type Message } from '../../../core/protocol';
import { selectConversationTitle } from '../../../core/selectors/conversations';
import { interpolate, plural } from '../../../i18n/format';
import { useCatalog, useChatClient } from '../../ChatProvider';
import { useChatStore } from '../../hooks/useChatStore';
import { SmallButton } from '../SmallButton';
import { partClassName } from '../className';
import { SearchResult } from './SearchResult';
import { useMessageSearch } from './useMessageSearch';

export interface MessageSearchProps extends Omit<HTMLAttributes<HTMLDivElement>, 'onSelect' | 'children'> {
  /** Search this conversation only; without it, every conversation the user is a member of. */
  conversationId?: string | undefined;
  /** A result was activated (click or Enter). */
  onSelect: (message: Message) => void;
  /** Escape in an empty search box (the host hides the search). */
  onClose?: (() => void) | undefined;
  /** Wait after the last keystroke before searching, ms. Default 250. */
  debounceMs?: number;
  /** Results per page (the server caps it). */
  pageSize?: number;
  /** Focus the search box when it mounts. Default true. */
  autoFocus?: boolean;
}

/**
 * A search box over the server's message search, with the results newest
 * first. Focus stays in the box: ArrowDown and ArrowUp move through the
 * results (a listbox the box points into with aria-activedescendant), Enter
 * opens the active one, Escape clears the box, and in an empty box closes.
 */
export const MessageSearch = forwardRef<HTMLDivElement, MessageSearchProps>(function MessageSearch(
  { conversationId, onSelect, onClose, debounceMs = 250, pageSize, autoFocus = true, className, ...rest },
  ref,
) {
  const catalog = useCatalog();
  const client = useChatClient();
  const search = useMessageSearch(client, conversationId, debounceMs, pageSize);
  const title = useChatStore((s) => (conversationId === undefined ? '' : selectConversationTitle(s, conversationId)));
  const ids = useId();
  const listId = `${ids}-results`;
  const statusId = `${ids}-status`;
  const hintId = `${ids}-hint`;
  const optionId = (i: number) => `${ids}-result-${i}`;
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(-1);
  const { results, status } = search;

  // New results start with none active; more results keep the one the reader is on.
  const [answered, setAnswered] = useState(search.resultsQuery);
  if (answered !== search.resultsQuery) {
    setAnswered(search.resultsQuery);
    setActive(-1);
  }
  const activeIndex = active < results.length ? active : -1;

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  // The active result stays in view as the arrows move through a list taller than its box.
  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(`${ids}-result-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [ids, activeIndex]);

  const choose = (message: Message | undefined) => {
    if (message) onSelect(message);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' && results.length > 0) {
      event.preventDefault();
      setActive(Math.min(activeIndex + 1, results.length - 1));
    } else if (event.key === 'ArrowUp' && results.length > 0) {
      event.preventDefault();
      // Above the first result is the box itself: no result active.
      setActive(Math.max(activeIndex - 1, -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (activeIndex >= 0) choose(results[activeIndex]);
      else search.searchNow();
    } else if (event.key === 'Escape') {
      if (search.query !== '') {
        event.preventDefault();
        event.stopPropagation();
        search.setQuery('');
      } else if (onClose) {
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }
    }
  };

  const statusText = (() => {
    switch (status) {
      case 'searching':
        return catalog.search.searching;
      case 'empty':
        return interpolate(catalog.search.noResults, { query: search.query.trim() });
      case 'error':
        return catalog.search.error;
      case 'tooLong':
        return interpolate(catalog.search.tooLong, { count: search.query.length, max: LIMITS.maxQueryLength });
      case 'results':
        return plural(catalog, search.hasMore ? catalog.search.countMore : catalog.search.count, results.length);
      default:
        return '';
    }
  })();
  const showResults = results.length > 0 && (status === 'results' || status === 'searching');

  return (
    <div ref={ref} className={partClassName('parley-message-search', className)} data-state={status} {...rest}>
      <div className="parley-message-search-box">
        <input
          ref={input}
          type="search"
          className="parley-message-search-input"
          value={search.query}
          onChange={(event) => search.setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={catalog.search.placeholder}
          aria-label={conversationId === undefined ? catalog.search.label : interpolate(catalog.search.labelIn, { title })}
          aria-describedby={`${statusId} ${hintId}`}
          aria-controls={showResults ? listId : undefined}
          aria-activedescendant={showResults && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          aria-invalid={status === 'tooLong' ? true : undefined}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
        />
        <span id={hintId} className="parley-visually-hidden">
          {catalog.search.hint}
        </span>
        <div className="parley-message-search-status" data-state={status}>
          {/* Polite: the count, "no results" or the failure is read once the answer is in. */}
          <span id={statusId} role="status">
            {statusText}
          </span>
          {status === 'error' && <SmallButton onClick={search.retry}>{catalog.search.retry}</SmallButton>}
        </div>
      </div>
      {showResults && (
        <ul
          id={listId}
          role="listbox"
          aria-label={catalog.search.results}
          aria-busy={status === 'searching' ? true : undefined}
          className="parley-message-search-results"
        >
          {results.map((message, i) => (
            <SearchResult
              key={message.id}
              id={optionId(i)}
              message={message}
              query={search.resultsQuery}
              active={i === activeIndex}
              showConversation={conversationId === undefined}
              onActivate={() => choose(message)}
              onPoint={() => activeIndex !== i && setActive(i)}
            />
          ))}
        </ul>
      )}
      {showResults && (search.hasMore || search.moreFailed) && (
        <div className="parley-message-search-more">
          {search.moreFailed ? (
            <>
              <span role="alert">{catalog.search.moreFailed}</span>
              <SmallButton data-variant="secondary" onClick={search.retry}>
                {catalog.search.retry}
              </SmallButton>
            </>
          ) : (
            <SmallButton data-variant="secondary" onClick={search.loadMore} aria-disabled={search.loadingMore}>
              {search.loadingMore ? catalog.search.loadingMore : catalog.search.loadMore}
            </SmallButton>
          )}
        </div>
      )}
    </div>
  );
});
MessageSearch.displayName = 'MessageSearch';
