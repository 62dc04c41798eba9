/**
 * Wire protocol shared by the client, the transports and the mock server.
 * Everything that arrives from the network is `unknown` until one of the
 * schemas in `schemas/` has accepted it (see `schema.ts`); every payload and
 * result type below is derived from those schemas, so the types cannot drift
 * from what is checked. Object schemas strip unknown keys rather than reject
 * them, so a backend may send extra fields.
 *
 * schemas/limits.ts          LIMITS
 * schemas/messageText.ts     the rules for a message's text (one place, one `too_large`)
 * schemas/reactionEmoji.ts   the rule for a reaction: one emoji
 * schemas/serverToClient.ts  Message, Attachment, User, Conversation; acks, errors; pushes
 * schemas/clientToServer.ts  request payloads and `parseRequest` (what a server validates)
 */
import type { ClientEvent, RequestPayload } from './schemas/clientToServer';
import type { RequestResult } from './schemas/serverToClient';

// One check for prototype keys, shared with the schemas' records.
export { isUnsafeKey } from './schema';
export { LIMITS } from './schemas/limits';
export { messageTextProblem, TextSchema } from './schemas/messageText';
export type { TextProblem } from './schemas/messageText';
export { isReactionEmoji, ReactionEmojiSchema } from './schemas/reactionEmoji';
export {
  AttachmentSchema,
  ConversationKindSchema,
  ConversationSchema,
  ErrorInfoSchema,
  FailedAckSchema,
  IdSchema,
  isServerEvent,
  LinkPreviewSchema,
  MessageSchema,
  ResultSchemas,
  SeqSchema,
  SERVER_EVENTS,
  ServerEventSchemas,
  UserSchema,
} from './schemas/serverToClient';
export type {
  Ack,
  Attachment,
  Conversation,
  ConversationKind,
  ErrorCode,
  ErrorInfo,
  LinkPreview,
  Message,
  RequestResult,
  ServerEvent,
  ServerEventPayload,
  User,
} from './schemas/serverToClient';
export { isClientEvent, isSafeAttachmentUrl, parseRequest, RequestSchemas } from './schemas/clientToServer';
export type { ClientEvent, RequestPayload, ValidRequest } from './schemas/clientToServer';

/** Every request's payload and result, by event. */
export type ClientRequests = { [E in ClientEvent]: { payload: RequestPayload<E>; result: RequestResult<E> } };
