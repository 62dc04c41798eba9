/**
 * Sends one request through the transport and validates its ack, so the rest
 * of the client only ever sees well-formed results or a `ChatError`.
 */
import { describeIssues, safeParse } from './schema';
import { ChatError, safeString, toChatError } from './errors';
import {
  FailedAckSchema,
  ResultSchemas,
  type ClientEvent,
  type RequestPayload,
  type RequestResult,
} from './protocol';
import { TransportError, type Transport } from './transport';

export type Requester = <E extends ClientEvent>(event: E, payload: RequestPayload<E>) => Promise<RequestResult<E>>;

export function createRequester(
  transport: Transport,
  timeoutMs: number,
  reportInvalid: (error: ChatError) => void,
): Requester {
  return async (event, payload) => {
    let raw: unknown;
    try {
      raw = await transport.request(event, payload, timeoutMs);
    } catch (err) {
      if (isTransportError(err)) throw new ChatError({ code: err.code, message: err.message, event });
      throw new ChatError({ code: 'internal', message: safeString(err), event });
    }
    const failed = safeParse(FailedAckSchema, raw);
    if (failed.success) throw new ChatError({ ...failed.output.error, event });
    const ok = safeParse(ResultSchemas[event], raw);
    if (!ok.success) {
      const error = new ChatError({
        code: 'invalid_payload',
        message: `Malformed ack for "${event}": ${describeIssues(ok.issues)}`,
        event,
      });
      reportInvalid(error);
      throw error;
    }
    return ok.output as unknown as RequestResult<typeof event>;
  };
}

/**
 * By shape, not `instanceof`: a transport built by another copy of this
 * package, or in another frame, throws an equivalent error of another class.
 */
function isTransportError(err: unknown): err is TransportError {
  return (
    err instanceof TransportError ||
    (typeof err === 'object' && err !== null &&
      (err as { name?: unknown }).name === 'TransportError' &&
      ((err as { code?: unknown }).code === 'timeout' || (err as { code?: unknown }).code === 'disconnected'))
  );
}

/**
 * The requester for what a user does from a click (the UI drops the promise): a
 * refusal also goes out through the error event, whatever its code. A malformed ack
 * is not reported twice (the requester did; its wording is the only mark it has).
 */
export function reported(request: Requester, report: (error: ChatError) => void): Requester {
  return async (event, payload) => {
    try {
      return await request(event, payload);
    } catch (error) {
      const chatError = toChatError(error);
      if (!(chatError.code === 'invalid_payload' && chatError.message.startsWith('Malformed ack for '))) report(chatError);
      throw chatError;
    }
  };
}
