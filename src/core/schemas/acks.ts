/**
 * Server → client answers to requests: the error shape and codes, and the
 * schema of the success half of every ack, from which result types are derived.
 */
import * as v from '../schema';
import { ConversationSchema, MessageSchema, UserSchema } from './entities';
import type { ClientEvent } from './requests';

export const ErrorInfoSchema = v.object({
  code: v.string(100),
  message: v.string(2_000),
});
export type ErrorInfo = v.Output<typeof ErrorInfoSchema>;

/** Codes the mock server answers with; other servers may add their own. */
export type ErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid_payload'
  | 'too_large'
  | 'unsupported_type'
  | 'rate_limited'
  | 'timeout'
  | 'disconnected'
  | 'internal';

const MessagePage = v.object({
  ok: v.literal(true),
  messages: v.array(MessageSchema, 5_000),
  hasMore: v.boolean,
});
const MessageResult = v.object({ ok: v.literal(true), message: MessageSchema });
const EmptyResult = v.object({ ok: v.literal(true) });

/** Schemas for the success half of every ack. */
export const ResultSchemas = {
  'message:send': MessageResult,
  'messages:since': MessagePage,
  'messages:before': MessagePage,
  typing: EmptyResult,
  read: EmptyResult,
  delivered: EmptyResult,
  'conversations:list': v.object({
    ok: v.literal(true),
    conversations: v.array(ConversationSchema),
    users: v.array(UserSchema),
  }),
  'message:edit': MessageResult,
  'message:delete': MessageResult,
  'reaction:add': MessageResult,
  'reaction:remove': MessageResult,
} satisfies { [E in ClientEvent]: v.Schema<unknown> };

export const FailedAckSchema = v.object({ ok: v.literal(false), error: ErrorInfoSchema });

/** What a successful ack carries besides `ok: true`. */
export type RequestResult<E extends ClientEvent> = Omit<v.Output<(typeof ResultSchemas)[E]>, 'ok'>;
export type Ack<E extends ClientEvent> =
  | ({ ok: true } & RequestResult<E>)
  | { ok: false; error: ErrorInfo };
