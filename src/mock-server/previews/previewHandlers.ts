/** `message:preview:remove`: the author takes the link preview off their message. */
import { memberMessage, refuse, type HandlersOf } from '../handlerRules';
import { replaceMessage } from '../messaging';
import { toWireMessage } from '../wire';

export const PREVIEW_HANDLERS: HandlersOf<'message:preview:remove'> = {
  'message:preview:remove'(ctx, session, p) {
    const { conversation, message } = memberMessage(ctx, session, p.id);
    if (message.authorId !== session.userId || message.kind === 'system') refuse('forbidden', 'Only its author can remove a link preview');
    // Marked removed even without a preview yet: one still being made never arrives.
    const next = ctx.previews.remove(conversation, message);
    if (next !== message) replaceMessage(ctx, conversation, next);
    return { ok: true, message: toWireMessage(next) };
  },
};
