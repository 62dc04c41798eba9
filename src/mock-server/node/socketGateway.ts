/**
 * socket.io ↔ the MockChatServer core. Each socket is one core session:
 *
 * - handshake `io(url, { auth: { token } })` → `server.attach({ token }, …)` in an
 *   `io.use` middleware; a refusal fails the handshake with `err.message` the
 *   core's reason and `err.data = { code, retry }`, which the client sees as
 *   `connect_error` (`unauthorized` is final, `token_expired` asks for a fresh
 *   token, a network cut is retried);
 * - server → client pushes (`deliver`) → `socket.emit(event, payload)`; pushes
 *   made during the handshake are held until the socket is connected;
 * - the core dropping a session (`restart()`, `setOnline(id, false)`,
 *   `dispose()`, its token revoked or expired) → `socket.disconnect(true)`; the
 *   client reconnects by itself, and the handshake says why when it may not
 *   (one path for every refusal);
 * - limits (limits/*.ts): handshakes per address and per user, connections at
 *   once per address and per user (refused with `rate_limited` and
 *   `retryAfterMs` in `err.data`), then every request against its user's budget;
 *   reads wait their turn in a queue that leaves the event loop free between
 *   them; a socket refused too often is disconnected;
 * - every client → server event with an ack → limits, then
 *   `ack(server.handleRequest(session, event, payload))`: the core validates
 *   the payload, checks membership and ownership and takes the author from the
 *   session. Unknown events get an `invalid_payload` ack; events without an ack
 *   callback are ignored; nothing a client sends can throw here;
 * - frames over `maxHttpBufferSize` close that connection (engine.io refuses
 *   them), and every other socket goes on as before;
 * - a handshake whose `Origin` is not on `corsOrigins` is refused (403) before any
 *   token is read: WebSockets ignore CORS, so a page elsewhere could open one.
 *   Clients without an Origin (Node, tests) connect as before.
 */
import type { Server as HttpServer } from 'node:http';
import type { Server, Socket } from 'socket.io';
import type { ErrorInfo, Message, ServerEvent } from '../../core/protocol';
import type { MockChatServerCore, SessionPort } from '../MockChatServer';
import type { ServerSession } from '../types';
import type { HandshakeError } from './handshakeError';
import { addressKey } from './limits/addressKey';
import type { ConnectionLimiter } from './limits/connectionLimits';
import { createReadQueue } from './limits/readQueue';
import { rateLimitedAck, type Refusal } from './limits/refusal';
import { isRead, type RequestLimiter } from './limits/requestLimits';
import type { OriginPolicy } from './origins';

export interface SocketGatewayOptions {
  /** Largest frame a client may send, in bytes (engine.io `maxHttpBufferSize`). */
  readonly maxHttpBufferSize: number;
  /** Heartbeat (engine.io `pingInterval` / `pingTimeout`). */
  readonly pingIntervalMs: number;
  readonly pingTimeoutMs: number;
  /** How long an engine.io connection may stay open without joining (socket.io `connectTimeout`). */
  readonly joinTimeoutMs: number;
  /** Handshakes and connections, and the users' request budgets (no-ops with `rateLimits: false`). */
  readonly limits: { readonly connections: ConnectionLimiter; readonly requests: RequestLimiter };
  /** A message was stored through `message:send` (its attachments are now in use). */
  readonly onMessageSent?: (message: Message) => void;
  /** The pages (origins) that may connect from a browser. */
  readonly origins: OriginPolicy;
}


interface SocketState {
  session: ServerSession;
  /** Pushes made before the socket finished connecting. */
  held: [ServerEvent, unknown][] | null;
  /** Set when the core dropped the session before the socket finished connecting. */
  droppedEarly: boolean;
}

function handshakeError(error: ErrorInfo, retry: boolean): HandshakeError {
  const err = new Error(error.message) as HandshakeError;
  err.data = { code: error.code, retry };
  return err;
}

function rateLimitedHandshake(refusal: Refusal): HandshakeError {
  const err = handshakeError({ code: 'rate_limited', message: refusal.message }, true);
  err.data.retryAfterMs = refusal.retryAfterMs;
  return err;
}

type Ack = (answer: unknown) => void;

export function attachSocketGateway(
  http: HttpServer,
  server: SessionPort & Pick<MockChatServerCore, 'authenticate'>,
  options: SocketGatewayOptions,
  SocketIoServer: typeof Server,
): Server {
  const io = new SocketIoServer(http, {
    maxHttpBufferSize: options.maxHttpBufferSize,
    pingInterval: options.pingIntervalMs,
    pingTimeout: options.pingTimeoutMs,
    // A connection that opened but never joined (no socket.io CONNECT, so no token checked)
    // is closed after this long instead of socket.io's 45 s.
    connectTimeout: options.joinTimeoutMs,
    // CORS for long-polling from the listed pages only; no list, no CORS headers.
    ...(options.origins.origins.length > 0 ? { cors: { origin: [...options.origins.origins] } } : {}),
    allowRequest: (req, callback) => {
      const { origin } = req.headers;
      if (options.origins.allows(origin)) callback(null, true);
      else callback(`Origin ${JSON.stringify(origin?.slice(0, 200))} may not connect; list it in startMockServer({ corsOrigins })`, false);
    },
    serveClient: false,
  });
  const states = new WeakMap<Socket, SocketState>();
  const { connections, requests } = options.limits;
  const reads = createReadQueue();
  // engine.io keeps a long-polling transport of a dead client for 30 s, waiting to hand it a
  // close packet on a poll that never comes; past the heartbeat's own patience that is moot.
  io.engine.on('connection', (raw: { transport?: { closeTimeout?: unknown } }) => {
    if (raw.transport && typeof raw.transport.closeTimeout === 'number') raw.transport.closeTimeout = options.pingTimeoutMs;
  });

  io.use((socket, next) => {
    const address = addressKey(socket.handshake.address);
    const crowded = connections.admitAddress(address);
    if (crowded) return next(rateLimitedHandshake(crowded));
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || token === '') {
      next(handshakeError({ code: 'unauthorized', message: 'Missing token: connect with io(url, { auth: { token } })' }, false));
      return;
    }
    // Judged before attaching: a refused handshake tells no contact anything.
    const user = server.authenticate({ token });
    const tooMany = user.ok ? connections.admitUser(user.userId) : null;
    if (tooMany) return next(rateLimitedHandshake(tooMany));
    const state: Partial<SocketState> = { held: [], droppedEarly: false };
    const result = server.attach(
      { token },
      {
        deliver(event, payload) {
          if (state.held) state.held.push([event, payload]);
          else socket.emit(event, payload);
        },
        drop() {
          if (state.held) state.droppedEarly = true;
          else socket.disconnect(true);
        },
      },
    );
    if (!result.ok) {
      next(handshakeError(result.error, result.retry));
      return;
    }
    state.session = result.session;
    states.set(socket, state as SocketState);
    const release = connections.opened(address, result.session.userId);
    // If the client goes away before `connection`, socket.io never emits it: detach here too.
    socket.conn.once('close', () => {
      release();
      server.detach(result.session);
    });
    next();
  });

  io.on('connection', (socket) => {
    const state = states.get(socket);
    if (!state) {
      socket.disconnect(true);
      return;
    }
    const { session } = state;
    const held = state.held ?? [];
    state.held = null;
    if (state.droppedEarly) {
      socket.disconnect(true);
      return;
    }
    for (const [event, payload] of held) socket.emit(event, payload);

    const limiter = requests.forSocket(session.userId);
    socket.on('disconnect', () => server.detach(session));
    socket.onAny((event: unknown, ...args: unknown[]) => {
      const ack = args[args.length - 1];
      if (typeof ack !== 'function') return; // every request expects an answer; a bare emit is ignored
      const payload = args.length > 1 ? args[0] : undefined;
      const answer = (value: unknown) => {
        try {
          (ack as Ack)(value);
        } catch {
          // The socket closed meanwhile; nothing to answer.
        }
      };
      if (typeof event !== 'string') {
        answer({ ok: false, error: { code: 'invalid_payload', message: 'Event names are strings' } });
        return;
      }
      const verdict = limiter.check(event, payload);
      if (!verdict.ok) {
        answer(rateLimitedAck(verdict.refusal));
        if (verdict.disconnect) socket.disconnect(true);
        return;
      }
      const respond = () => {
        const result = server.handleRequest(session, event, payload);
        verdict.settle(result);
        answer(result);
        if (event === 'message:send' && result.ok && 'message' in result) options.onMessageSent?.(result.message as Message);
      };
      if (!isRead(event)) return respond();
      // A socket gone meanwhile is not answered, and its budget is given back.
      reads(() => (socket.connected ? respond() : verdict.settle(undefined)));
    });
  });

  return io;
}
