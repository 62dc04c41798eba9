import type { ConnectionState } from '../../core/types';
import { useChatStore } from './useChatStore';

export function useConnection(): ConnectionState {
  return useChatStore((s) => s.connection);
}
