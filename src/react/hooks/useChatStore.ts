import { useRef } from 'react';
import { useStore } from 'zustand';
import type { ChatState } from '../../core/store';
import { useChatClient } from '../ChatProvider';

/**
 * Read a slice of the chat store. The component re-renders only when the
 * selected value changes (by `Object.is`), so select narrowly.
 */
export function useChatStore<T>(selector: (state: ChatState) => T): T {
  return useStore(useChatClient().store, selector);
}

/**
 * `useChatStore` for a selector that builds a new array on every call: the
 * previous array is returned while it holds the same items (by `Object.is`),
 * so a change elsewhere in the store re-renders nothing. (zustand's
 * `useShallow` does the same for any value; arrays are all the hooks select.)
 */
export function useChatStoreList<T>(selector: (state: ChatState) => T[]): T[] {
  const previous = useRef<T[] | undefined>(undefined);
  return useChatStore((state) => {
    const next = selector(state);
    const prev = previous.current;
    return prev?.length === next.length && prev.every((item, i) => Object.is(item, next[i])) ? prev : (previous.current = next);
  });
}
