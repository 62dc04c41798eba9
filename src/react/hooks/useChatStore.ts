import { useStore } from 'zustand';
import type { ChatState } from '../../core/store';
import { useChatClient } from '../ChatProvider';

/**
 * Read a slice of the chat store. The component re-renders only when the
 * selected value changes (by `Object.is`), so select narrowly; a selector that
 * builds an object must give the same one for the same inputs, as the
 * `parley/core` selectors do (`useChatStore((s) => selectUploads(s, id))`).
 */
export function useChatStore<T>(selector: (state: ChatState) => T): T {
  return useStore(useChatClient().store, selector);
}
