/**
 * The one lifecycle of the client's engines (the outbox sender, position reports,
 * conversation sync, typing, uploads). The connection drives them all the
 * same way, so no engine needs to know how connecting works:
 *
 * - `start()`: `connect()` was called; work may begin (again, after `stop()`).
 * - `online()`: the link is up and the conversation list is in: send what waited.
 * - `offline()`: the link dropped and the transport is trying again.
 * - `stop()`: `disconnect()` was called: clear timers, send nothing until the next
 *   `start()`; keep what must survive (queued reports, the outbox).
 *
 * An engine with nothing to do in a phase says why in an empty method.
 */
export interface Engine {
  start(): void;
  online(): void;
  offline(): void;
  stop(): void;
}
