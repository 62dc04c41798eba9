/**
 * `parley/mock-server`: the in-browser (and Node) mock chat server.
 * Browser-safe: no Node or DOM APIs anywhere below this entry point.
 */
export { createMockServer, type MockChatServer, type MockServerOptions } from './createMockServer';
export type { HistoryMessage, LiveMessage, SessionPort } from './MockChatServer';
export { ADMIN_ID_PATTERN, MockServerError, type MockServerErrorCode, type NewConversation, type NewUser } from './admin';
export type { AttachResult } from './presence';
export type { StoredUpload, UploadAck, UploadCallOptions, UploadInput } from './uploads';
export type { AuthResult, Credentials } from './auth';
export type { AckFor, ServerAck } from './requestHandlers';
export type { DropReason, ServerSession, SessionCallbacks } from './types';
export type { NetworkConditions } from './memoryAdapter';
export { BOT_ID, SEED_USERS } from './seed';
export type { Unfurled, UnfurledImage, UnfurlFn } from './previews/unfurl';
export type { LinkPreviewOptions } from './previews/createLinkPreviews';
export type { PreviewImageHost } from './previews/previewImages';
export { FIXTURE_PAGES, fixtureUnfurl } from './previews/fixtureUnfurl';
