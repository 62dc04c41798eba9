/**
 * The admin REST API: the server half of a chat platform (users, tokens,
 * conversations, members, system and bot messages), protected by an admin key
 * (`Authorization: Bearer <adminKey>`). JSON in, JSON out; every refusal is
 * `{ error: { code, message } }` with a fitting status.
 *
 *   GET    /admin/users
 *   POST   /admin/users                               {id, name, color?, isBot?}
 *   POST   /admin/users/:id/tokens                    → {userId, token, expiresAt}
 *   DELETE /admin/users/:id/tokens/:token             → 204 (the token's connections close)
 *   GET    /admin/conversations
 *   GET    /admin/conversations/:id
 *   POST   /admin/conversations                       {id?, kind, title?, memberIds}
 *   POST   /admin/conversations/:id/members           {userId}
 *   DELETE /admin/conversations/:id/members/:userId
 *   POST   /admin/conversations/:id/messages          {text, kind?: 'system' | 'user', authorId?}
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LIMITS, messageTextProblem, TextSchema } from '../../core/protocol';
import { describeIssues } from '../../core/schema';
import * as v from '../../core/schema';
import { MockServerError } from '../admin';
import type { MockChatServerCore } from '../MockChatServer';
import { bearerToken, HttpError, readJsonBody, secretEquals, sendJson } from './http';

/** Admin bodies are small: a 10 000-character message fits comfortably. */
const MAX_ADMIN_BODY_BYTES = 100 * 1024;

const Id = v.string(100, 1);
/** Hex, a CSS colour name, or rgb()/hsl(): nothing that could smuggle more CSS. */
const Color = v.refine(
  v.string(40),
  (s) => /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(rgb|hsl)a?\([0-9.,%\s/]+\))$/.test(s),
  'must be a hex colour, a colour name, rgb() or hsl()',
);

const Schemas = {
  user: v.object({
    id: Id,
    name: v.string(LIMITS.maxNameLength, 1),
    color: v.optional(Color),
    isBot: v.optional(v.boolean),
  }),
  conversation: v.object({
    id: v.optional(Id),
    kind: v.picklist(['direct', 'group', 'bot']),
    title: v.optional(v.string(LIMITS.maxNameLength), () => ''),
    memberIds: v.array(Id, LIMITS.maxMembers, 1),
  }),
  member: v.object({ userId: Id }),
  message: v.object({
    text: TextSchema,
    kind: v.optional(v.picklist(['system', 'user']), () => 'system' as const),
    authorId: v.optional(Id),
  }),
};

function parse<S extends v.Schema<unknown>>(schema: S, body: unknown): v.Output<S> {
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  const code = result.issues[0].code === 'too_large' ? 'too_large' : 'invalid_payload';
  throw new HttpError(code, `Invalid body: ${describeIssues(result.issues)}`.slice(0, 300));
}

/** Core refusals → HTTP errors. */
function core<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MockServerError) throw new HttpError(error.code, error.message);
    throw error;
  }
}

function notAllowed(allowed: string): never {
  throw new HttpError('method_not_allowed', `Use ${allowed} here`, { Allow: `${allowed}, OPTIONS` });
}

export interface AdminApiOptions {
  readonly server: MockChatServerCore;
  readonly adminKey: string;
}

/** Answers a request under `/admin`; `segments` is the decoded path without the leading 'admin'. */
export async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  segments: readonly string[],
  options: AdminApiOptions,
): Promise<void> {
  const { server, adminKey } = options;
  const key = bearerToken(req);
  if (key === undefined) {
    throw new HttpError('unauthorized', 'The admin API needs "Authorization: Bearer <admin key>"', {
      'WWW-Authenticate': 'Bearer realm="parley-admin"',
    });
  }
  if (!secretEquals(key, adminKey)) {
    throw new HttpError('unauthorized', 'Wrong admin key', { 'WWW-Authenticate': 'Bearer realm="parley-admin", error="invalid_token"' });
  }
  const method = req.method ?? 'GET';
  const body = () => readJsonBody(req, MAX_ADMIN_BODY_BYTES);
  const [collection, id, sub, subId, ...rest] = segments;
  if (rest.length > 0) throw new HttpError('not_found', 'No such admin route');

  if (collection === 'users') {
    if (id === undefined) {
      if (method === 'GET') return sendJson(res, 200, { users: server.users() });
      if (method === 'POST') {
        const input = parse(Schemas.user, await body());
        return sendJson(res, 201, { user: core(() => server.createUser(input)) });
      }
      return notAllowed('GET, POST');
    }
    if (sub === 'tokens') {
      if (subId === undefined) {
        if (method !== 'POST') return notAllowed('POST');
        const token = core(() => server.issueToken(id));
        return sendJson(res, 201, { userId: id, token, expiresAt: server.tokenExpiresAt(token) });
      }
      if (method !== 'DELETE') return notAllowed('DELETE');
      core(() => server.revokeToken(id, subId));
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    throw new HttpError('not_found', 'No such admin route');
  }

  if (collection === 'conversations') {
    if (id === undefined) {
      if (method === 'GET') return sendJson(res, 200, { conversations: server.conversations() });
      if (method === 'POST') {
        const input = parse(Schemas.conversation, await body());
        const { id: wanted, ...restOfInput } = input;
        const conversation = core(() => server.createConversation(wanted === undefined ? restOfInput : { id: wanted, ...restOfInput }));
        return sendJson(res, 201, { conversation });
      }
      return notAllowed('GET, POST');
    }
    if (sub === undefined) {
      if (method !== 'GET') return notAllowed('GET');
      const conversation = server.conversation(id);
      if (!conversation) throw new HttpError('not_found', `Unknown conversation ${JSON.stringify(id.slice(0, 60))}`);
      return sendJson(res, 200, { conversation });
    }
    if (sub === 'members') {
      if (subId === undefined) {
        if (method !== 'POST') return notAllowed('POST');
        const { userId } = parse(Schemas.member, await body());
        return sendJson(res, 201, { conversation: core(() => server.addMember(id, userId)) });
      }
      if (method !== 'DELETE') return notAllowed('DELETE');
      return sendJson(res, 200, { conversation: core(() => server.removeMember(id, subId)) });
    }
    if (sub === 'messages' && subId === undefined) {
      if (method !== 'POST') return notAllowed('POST');
      const input = parse(Schemas.message, await body());
      const textProblem = messageTextProblem(input.text, 0);
      if (textProblem) throw new HttpError(textProblem.code, textProblem.message);
      if (input.kind === 'system') {
        const authorId = input.authorId;
        const message = core(() => server.postSystemMessage(id, input.text, authorId === undefined ? {} : { authorId }));
        return sendJson(res, 201, { message });
      }
      // A bot (or any member) speaking: stored, pushed live, answered by the demo bot where it lives.
      if (input.authorId === undefined) throw new HttpError('invalid_payload', 'A "user" message needs an authorId');
      const conversation = server.conversation(id);
      if (!conversation) throw new HttpError('not_found', `Unknown conversation ${JSON.stringify(id.slice(0, 60))}`);
      if (!server.isMember(id, input.authorId)) {
        throw new HttpError('forbidden', `User ${JSON.stringify(input.authorId)} is not a member of ${JSON.stringify(id)}`);
      }
      const authorId = input.authorId;
      return sendJson(res, 201, { message: server.postMessage(id, { authorId, text: input.text }) });
    }
  }
  throw new HttpError('not_found', 'No such admin route');
}
