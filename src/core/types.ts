/** Client-side shapes: what the store holds and components render. */
import type { Attachment, ErrorInfo, Message } from './protocol';

/** Where one own message stands in being sent (`sent`: the server stored it). */
export type MessageStatus = 'sending' | 'sent' | 'failed';

/** A message the server has stored (it has an id and a seq). */
export interface ChatMessage extends Message {
  readonly status: 'sent';
}

/** A message of ours that the server has not acknowledged yet. */
export interface PendingMessage {
  /** Equal to `clientId` until the server assigns an id. */
  readonly id: string;
  readonly clientId: string;
  readonly conversationId: string;
  readonly authorId: string;
  readonly seq: null;
  readonly createdAt: number;
  readonly text: string;
  readonly attachments: Attachment[];
  readonly status: 'sending' | 'failed';
  /** Why the last attempt failed, when it did. */
  readonly error?: ErrorInfo;
  readonly editedAt?: undefined;
  readonly deletedAt?: undefined;
  readonly reactions?: undefined;
  readonly kind?: 'user';
  readonly replyTo?: string;
  /** A thread reply waiting for its ack: it shows in the thread, not the conversation. */
  readonly parentId?: string;
  readonly alsoInConversation?: boolean;
  readonly mentions?: string[];
}

export type DisplayMessage = ChatMessage | PendingMessage;

export type ConnectionStateName = 'idle' | 'connecting' | 'online' | 'offline' | 'reconnecting';

export interface ConnectionState {
  readonly state: ConnectionStateName;
  /** When the transport tries again (epoch ms), while offline/reconnecting. */
  readonly nextRetryAt?: number;
  /** Why the connection was refused or lost, if known. */
  readonly error?: ErrorInfo;
}

export interface HistoryState {
  /** Latest page requested / loaded. */
  readonly status: 'loading' | 'ready' | 'error';
  /** Older messages exist on the server beyond the oldest one loaded. */
  readonly hasOlder: boolean;
  readonly loadingOlder: boolean;
  readonly error?: ErrorInfo;
}

export interface NewMessage {
  text: string;
  attachments?: Attachment[];
  /** Quote this message (a quoted reply). */
  replyTo?: string;
  /** Post in the thread of this root message; the reply is not in `getMessages(conversationId)`. */
  parentId?: string;
  /** With `parentId`: show the reply in the conversation too. */
  alsoInConversation?: boolean;
  /** User ids the text mentions, or `here`. */
  mentions?: string[];
}

export interface SearchQuery {
  query: string;
  /** Search one conversation; default: every conversation the user is a member of. */
  conversationId?: string;
  /** From an earlier page's `nextCursor`. */
  cursor?: string;
  limit?: number;
}

export interface SearchResults {
  /** Newest first. */
  readonly results: Message[];
  /** Absent on the last page. */
  readonly nextCursor?: string;
}

export type ChatErrorCode = ErrorInfo['code'];

/** Where a file upload stands. `done` is brief: the entry leaves once its message is handed to the outbox. */
/** `waiting`: for the link to come back (made offline, or the link dropped on the way); it starts by itself. */
export type UploadStatus = 'waiting' | 'uploading' | 'failed' | 'done';

/** Why an upload failed; `maxBytes` is the limit a `too_large` file broke, when known. */
export interface UploadErrorInfo extends ErrorInfo {
  readonly maxBytes?: number;
}

/** A file on its way into a conversation (`state.uploads`); plain data, the file itself stays in the client. */
export interface Upload {
  readonly id: string;
  readonly conversationId: string;
  readonly name: string;
  readonly size: number;
  /** As declared or inferred from the name; the server decides the stored type by content. */
  readonly mimeType: string;
  readonly sentBytes: number;
  readonly status: UploadStatus;
  readonly error?: UploadErrorInfo;
}
