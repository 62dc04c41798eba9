/**
 * The handshake error a client's `connect_error` receives from the Node server: `code`
 * `unauthorized` (no such token, or revoked: final), `token_expired` (connect again with a
 * fresh token), `disconnected` (retry: true, e.g. a network cut) or `rate_limited` (retry:
 * true, after `retryAfterMs`: too many connections or connection attempts). On its
 * own, without socket.io or Node types, so that a consumer's TypeScript can read the
 * published declarations of `parley/mock-server/node` without those packages' types.
 */
export type HandshakeError = Error & { data: { code: string; retry: boolean; retryAfterMs?: number } };
