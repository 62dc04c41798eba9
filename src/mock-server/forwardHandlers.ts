/**
 * Forwarding: `message:forward`. A copy of a message the caller can read, in
 * another conversation of theirs, as a new message of theirs that names its
 * source (`forwardedFrom`). Its attachments are copies readable by the target's
 * members (uploadRegistry.ts copyForward); reactions, mentions, quotes and
 * thread ties stay with the original.
 */
import { memberConversation, memberMessage, refuse, type HandlersOf } from './handlerRules';
import { clientKey, postMessage } from './messaging';
import { toWireMessage } from './wire';

export const FORWARD_HANDLERS: HandlersOf<'message:forward'> = {
  'message:forward'(ctx, session, p) {
    const { userId } = session;
    const { message: source } = memberMessage(ctx, session, p.id);
    const target = memberConversation(ctx, session, p.conversationId);
    // A resend (the ack was lost) answers what was stored, even if the source went since.
    const seenSeq = target.sentByClientId.get(clientKey(userId, p.clientId));
    const seen = seenSeq === undefined ? undefined : target.log.get(seenSeq);
    if (seen) return { ok: true, message: toWireMessage(seen) };
    if (source.deletedAt !== undefined) refuse('forbidden', 'A deleted message cannot be forwarded');
    if (source.kind === 'system') refuse('forbidden', 'A notice cannot be forwarded');

    const attachments = ctx.uploads.copyForward(userId, target.id, p.clientId, source.attachments);
    const { message } = postMessage(ctx, target, {
      authorId: userId,
      clientId: p.clientId,
      text: source.text,
      attachments,
      forwardedFrom: { conversationId: source.conversationId, messageId: source.id, authorId: source.authorId },
    });
    return { ok: true, message: toWireMessage(message) };
  },
};
