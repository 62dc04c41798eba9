/**
 * Checks that stand in front of every listener the HTTP server has by now: ours and
 * socket.io's, which takes `/socket.io/` requests (long-polling) and websocket upgrades
 * before ours sees them. So call it after socket.io attaches. A check answers `null` to let
 * a request through, or the error to refuse it with; a refused upgrade gets the same status
 * and body written on the raw socket, and the connection closes.
 */
import { STATUS_CODES, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody, sendError, type HttpError } from './http';

export type FrontCheck = (req: IncomingMessage) => HttpError | null;

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

function refuseUpgrade(socket: Duplex, error: HttpError): void {
  const body = JSON.stringify(errorBody(error));
  socket.on('error', () => {});
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function guardFrontDoor(http: HttpServer, check: FrontCheck): void {
  const requests = http.listeners('request') as RequestListener[];
  const upgrades = http.listeners('upgrade') as UpgradeListener[];
  http.removeAllListeners('request');
  http.removeAllListeners('upgrade');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const refused = check(req);
    if (refused) return sendError(res, refused);
    for (const listener of requests) listener.call(http, req, res);
  });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refused = check(req);
    if (refused) return refuseUpgrade(socket, refused);
    if (upgrades.length === 0) return socket.destroy(); // what Node does with no upgrade listener
    for (const listener of upgrades) listener.call(http, req, socket, head);
  });
}
