/**
 * Messages the server's own code adds (stories, tests, benchmarks, the admin API): trusted input,
 * so their attachments are taken as given, unlike a client's, which are upload ids only.
 */
import type { Attachment } from '../core/protocol';

/** One message of bulk history (`addMessages`). */
export interface HistoryMessage {
  authorId: string;
  text: string;
  createdAt: number;
  attachments?: Attachment[];
  clientId?: string;
  kind?: 'system';
}

/** A message posted "live" as another user (`postMessage`). */
export interface LiveMessage {
  authorId: string;
  text: string;
  attachments?: Attachment[];
  clientId?: string;
  createdAt?: number;
  kind?: 'system';
}
