/**
 * Wire protocol shared by the client, the transports and the mock server.
 * Everything that arrives from the network is `unknown` until one of the
 * schemas in `schemas/` has accepted it (see `schema.ts`); every payload and
 * result type below is derived from those schemas, so the types cannot drift
 * from what is checked. Object schemas strip unknown keys rather than reject
 * them, so a backend may send extra fields.
 *
 * schemas/limits.ts       LIMITS
 * schemas/messageText.ts  the rules for a message's text (one place, one `too_large`)
 * schemas/entities.ts     Message, Attachment, User, Conversation
 * schemas/requests.ts     client → server payloads and `parseRequest` (for servers)
 * schemas/acks.ts         ack results, errors and codes
 * schemas/pushes.ts       server → client pushes
 */
import type { RequestResult } from './schemas/acks';
import type { ClientEvent, RequestPayload } from './schemas/requests';

// One check for prototype keys, shared with the schemas' records.
export { isUnsafeKey } from './schema';
export { LIMITS } from './schemas/limits';
export { messageTextProblem, TextSchema } from './schemas/messageText';
export type { TextProblem } from './schemas/messageText';
export {
  AttachmentSchema,
  ConversationKindSchema,
  ConversationSchema,
  IdSchema,
  MessageSchema,
  SeqSchema,
  UserSchema,
} from './schemas/entities';
export type { Attachment, Conversation, ConversationKind, Message, User } from './schemas/entities';
export { isClientEvent, isSafeAttachmentUrl, parseRequest, RequestSchemas } from './schemas/requests';
export type { ClientEvent, RequestPayload, ValidRequest } from './schemas/requests';
export { ErrorInfoSchema, FailedAckSchema, ResultSchemas } from './schemas/acks';
export type { Ack, ErrorCode, ErrorInfo, RequestResult } from './schemas/acks';
export { isServerEvent, SERVER_EVENTS, ServerEventSchemas } from './schemas/pushes';
export type { ServerEvent, ServerEventPayload } from './schemas/pushes';

/** Every request's payload and result, by event. */
export type ClientRequests = { [E in ClientEvent]: { payload: RequestPayload<E>; result: RequestResult<E> } };
