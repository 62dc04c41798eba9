import { useCallback, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

export interface ConversationListKeyboardOptions {
  /** Item ids in display order. */
  ids: readonly string[];
  /** Labels in the same order, for type-ahead (first letters jump to a match). */
  labels?: readonly string[];
  /** The selected item: where focus lands when the list is tabbed into. */
  selectedId?: string | undefined;
  /** Enter, Space or a click on an item. */
  onSelect: (id: string) => void;
}

export interface ConversationListItemProps {
  tabIndex: 0 | -1;
  ref: (element: HTMLElement | null) => void;
  onFocus: () => void;
  onClick: () => void;
}

export interface ConversationListKeyboard {
  /** The one item in the tab order (roving tabindex). */
  activeId: string | undefined;
  /** Put on the list element; item keydowns bubble to it. */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  /** Put on the list element: when focus leaves the list, the next Tab back lands on the selection. */
  onBlur: (event: FocusEvent<HTMLElement>) => void;
  getItemProps: (id: string) => ConversationListItemProps;
}

const TYPEAHEAD_RESET_MS = 700;

/**
 * Listbox keyboard behaviour with a roving tabindex: the list is one tab
 * stop, entered on the selected item (else the first); Up/Down/Home/End
 * move focus, Enter/Space select, typing jumps to a matching label. The active item is tracked by id, not index, so focus stays
 * on the same conversation when a new message moves it to the top.
 */
export function useConversationListKeyboard({
  ids,
  labels,
  selectedId,
  onSelect,
}: ConversationListKeyboardOptions): ConversationListKeyboard {
  const [focusedId, setFocusedId] = useState<string | undefined>();
  const elements = useRef(new Map<string, HTMLElement>());
  const typeahead = useRef({ query: '', at: 0 });

  const activeId =
    focusedId !== undefined && ids.includes(focusedId)
      ? focusedId
      : selectedId !== undefined && ids.includes(selectedId)
        ? selectedId
        : ids[0];

  const focusItem = useCallback((id: string) => {
    setFocusedId(id);
    elements.current.get(id)?.focus();
  }, []);

  const findByPrefix = (key: string, from: number): string | undefined => {
    if (!labels) return undefined;
    const now = Date.now();
    const t = typeahead.current;
    t.query = now - t.at > TYPEAHEAD_RESET_MS ? key : t.query + key;
    t.at = now;
    const query = t.query.toLocaleLowerCase();
    // A repeated single letter cycles through matches; a longer query refines the current one.
    const start = t.query.length === 1 ? from + 1 : from;
    for (let i = 0; i < ids.length; i++) {
      const index = (start + i) % ids.length;
      if (labels[index]?.toLocaleLowerCase().startsWith(query)) return ids[index];
    }
    return undefined;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || ids.length === 0) return;
    const index = activeId === undefined ? -1 : ids.indexOf(activeId);
    let next: string | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = ids[Math.min(index + 1, ids.length - 1)];
        break;
      case 'ArrowUp':
        next = ids[Math.max(index - 1, 0)];
        break;
      case 'Home':
        next = ids[0];
        break;
      case 'End':
        next = ids[ids.length - 1];
        break;
      case 'Enter':
      case ' ':
        if (activeId !== undefined) {
          event.preventDefault();
          onSelect(activeId);
        }
        return;
      default:
        if (event.key.length === 1 && event.key.trim() !== '') next = findByPrefix(event.key, index);
        if (next === undefined) return;
    }
    event.preventDefault();
    if (next !== undefined) focusItem(next);
  };

  const onBlur = (event: FocusEvent<HTMLElement>) => {
    const to = event.relatedTarget;
    if (!(to instanceof Node) || !event.currentTarget.contains(to)) setFocusedId(undefined);
  };

  const getItemProps = (id: string): ConversationListItemProps => ({
    tabIndex: id === activeId ? 0 : -1,
    ref: (element) => {
      if (element) elements.current.set(id, element);
      else elements.current.delete(id);
    },
    onFocus: () => setFocusedId(id),
    onClick: () => {
      setFocusedId(id);
      onSelect(id);
    },
  });

  return { activeId, onKeyDown, onBlur, getItemProps };
}
