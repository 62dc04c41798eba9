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
