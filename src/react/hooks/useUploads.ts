import { selectUploads } from '../../core/selectors';
import type { Upload } from '../../core/types';
import { useChatStore } from './useChatStore';

/**
 * Files being uploaded to (or that failed to upload to) a conversation, oldest
 * first. Progress of one upload re-renders only the views of its conversation.
 */
export function useUploads(conversationId: string): Upload[] {
  return useChatStore((s) => selectUploads(s, conversationId));
}
