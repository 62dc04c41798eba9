/**
 * Search: `messages:search`. Looks in the conversations the caller is a member
 * of at the moment of asking (or the one named, which must be one of them:
 * otherwise the one `not_found`), newest first, a page at a time.
 */
import { LIMITS } from '../core/protocol';
import { memberConversation, refuse, type HandlersOf } from './handlerRules';
import { decodeCursor, encodeCursor } from './searchOrder';
import { queryTokens } from './searchTokens';
import { toWireMessage } from './wire';

/** Results per page when the client names no limit. */
export const DEFAULT_SEARCH_LIMIT = 20;

export const SEARCH_HANDLERS: HandlersOf<'messages:search'> = {
  'messages:search'(ctx, session, p) {
    const conversations =
      p.conversationId === undefined
        ? ctx.state.conversationsOf(session.userId)
        : [memberConversation(ctx, session, p.conversationId)];
    const before = p.cursor === undefined ? undefined : decodeCursor(p.cursor);
    if (before === null) refuse('invalid_payload', 'cursor is not one this server gave out');
    const limit = Math.min(p.limit ?? DEFAULT_SEARCH_LIMIT, LIMITS.maxPageSize);
    // A query of punctuation alone has no words: it finds nothing (rather than everything).
    const tokens = queryTokens(p.query);
    const page = ctx.search.search({ tokens, conversations, limit, ...(before ? { before } : {}) });
    const last = page.messages[page.messages.length - 1];
    return {
      ok: true,
      results: page.messages.map(toWireMessage),
      ...(page.more && last ? { nextCursor: encodeCursor(last) } : {}),
    };
  },
};
