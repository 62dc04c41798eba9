/** Files on their way into a conversation. */
import type { ChatState } from '../store';
import type { Upload } from '../types';
import { stableList } from './memo';

/**
 * Files being uploaded to (or that failed to upload to) a conversation, oldest
 * first. The same array while they do not change, whatever happens to uploads elsewhere.
 */
export function selectUploads(state: ChatState, conversationId: string): Upload[] {
  const uploads: Upload[] = [];
  for (const upload of Object.values(state.uploads)) if (upload.conversationId === conversationId) uploads.push(upload);
  return stableList(uploads);
}
