export { createChatClient } from './client';
export type { ChatClient, ChatClientEvents, ChatClientOptions } from './client';
export { createChatStore, orderConversations } from './store';
export type { ChatState, ChatStore } from './store';
export { createMemoryOutbox } from './outbox';
export { createDefaultOutbox } from './defaultOutbox';
export { createIndexedDbOutbox } from './indexedDbOutbox';
export type { IndexedDbOutboxOptions } from './indexedDbOutbox';
export type { Outbox, OutboxEntry } from './outbox';
export { ChatError } from './errors';
export { TransportError, UploadError } from './transport';
export type { Transport, TransportStatus, UploadErrorCode, UploadRequest } from './transport';
export { acceptAttribute, DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_UPLOAD_TYPES, matchUploadType } from './fileTypes';
export type { UploadFileType } from './fileTypes';
export { DEFAULT_UPLOAD_POLICY } from './fileTypes';
export type { UploadPolicy } from './fileTypes';
// Types only: the upload code itself is loaded on the first upload (see lazyUploads.ts).
export type { UploadFileOptions } from './uploads';
export { DEFAULT_RETRY } from './outboxSender';
export type { RetryPolicy } from './outboxSender';
export {
  EMPTY_TIMELINE,
  findBySeq,
  firstSeq,
  lastSeq,
  timelineAt,
  timelineToArray,
} from './messageTimeline';
export type { MessageTimeline } from './messageTimeline';
export {
  AttachmentSchema,
  ConversationSchema,
  ErrorInfoSchema,
  FailedAckSchema,
  isClientEvent,
  isReactionEmoji,
  isServerEvent,
  LIMITS,
  LinkPreviewSchema,
  MessageSchema,
  messageTextProblem,
  parseRequest,
  ReactionEmojiSchema,
  RequestSchemas,
  ResultSchemas,
  SERVER_EVENTS,
  ServerEventSchemas,
  TextSchema,
  UserSchema,
} from './protocol';
export type { TextProblem, ValidRequest } from './protocol';
export { describeIssues, safeParse } from './schema';
export { firstLink } from './text/firstLink';
export type { Issue, SafeParseResult, Schema } from './schema';
export type {
  Ack,
  Attachment,
  ClientEvent,
  ClientRequests,
  Conversation,
  ConversationKind,
  ErrorCode,
  ErrorInfo,
  LinkPreview,
  Message,
  RequestPayload,
  RequestResult,
  ServerEvent,
  ServerEventPayload,
  User,
} from './protocol';
// selectors/index.ts is itself an explicit list of the selectors' public names (and nothing else).
export * from './selectors';
export { TYPING_EXPIRY_MS, TYPING_THROTTLE_MS } from './typing';
export type {
  ChatMessage,
  ConnectionState,
  ConnectionStateName,
  DisplayMessage,
  HistoryState,
  MessageStatus,
  NewMessage,
  PendingMessage,
  SearchQuery,
  SearchResults,
  Upload,
  UploadErrorInfo,
  UploadStatus,
} from './types';
