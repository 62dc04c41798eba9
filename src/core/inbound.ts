/**
 * The boundary for server pushes: every frame is validated before it touches
 * the store. A malformed or unknown frame is dropped and reported; it never
 * throws into the transport or into React.
 */
import { describeIssues, safeParse } from './schema';
import { ChatError, safeString } from './errors';
import { isServerEvent, ServerEventSchemas, type ServerEvent, type ServerEventPayload } from './protocol';

export type ServerEventHandlers = { [E in ServerEvent]: (payload: ServerEventPayload<E>) => void };

export function createInboundDispatcher(
  handlers: ServerEventHandlers,
  report: (error: ChatError) => void,
): (event: string, payload: unknown) => void {
  return (event, payload) => {
    if (typeof event !== 'string' || !isServerEvent(event)) {
      const name = safeString(event).slice(0, 60);
      report(new ChatError({ code: 'invalid_payload', message: `Unknown server event "${name}"`, event: name }));
      return;
    }
    const parsed = safeParse(ServerEventSchemas[event], payload);
    if (!parsed.success) {
      report(new ChatError({ code: 'invalid_payload', message: `Malformed "${event}": ${describeIssues(parsed.issues)}`, event }));
      return;
    }
    try {
      (handlers[event] as (p: unknown) => void)(parsed.output);
    } catch (err) {
      report(new ChatError({ code: 'internal', message: `Handling "${event}" failed: ${safeString(err)}`, event }));
    }
  };
}
