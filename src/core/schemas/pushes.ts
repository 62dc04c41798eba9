/** Server → client pushes: one schema per event, from which payload types are derived. */
import * as v from '../schema';
import { ConversationSchema, IdSchema as Id, MessageSchema, SeqSchema as Seq } from './entities';

/** A member's position moved (`read`, `delivered`). */
const MemberPosition = v.object({ conversationId: Id, userId: Id, seq: Seq });

export const ServerEventSchemas = {
  'message:new': MessageSchema,
  'message:updated': MessageSchema,
  typing: v.object({ conversationId: Id, userId: Id, isTyping: v.boolean }),
  /** Implies `delivered` up to the same seq; no separate `delivered` push is sent for it. */
  read: MemberPosition,
  delivered: MemberPosition,
  presence: v.object({ userId: Id, online: v.boolean }),
  'conversation:updated': ConversationSchema,
} as const;
export type ServerEvent = keyof typeof ServerEventSchemas;
export type ServerEventPayload<E extends ServerEvent> = v.Output<(typeof ServerEventSchemas)[E]>;
export const SERVER_EVENTS = Object.keys(ServerEventSchemas) as ServerEvent[];

export function isServerEvent(name: string): name is ServerEvent {
  return Object.prototype.hasOwnProperty.call(ServerEventSchemas, name);
}
