/**
 * A plain WebSocket server on 127.0.0.1 in front of a MockChatServer, speaking the frames of
 * README's "your own backend" example (docs/examples/webSocketTransport.ts): a stand-in for
 * a team's own backend, built only on the server's session port (attach / handleRequest / detach).
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { SessionPort } from '../../src/mock-server/MockChatServer';
import type { ServerSession } from '../../src/mock-server/types';

export interface WebSocketBridge {
  readonly url: string;
  /** Closes every connection (the clients see a drop) and keeps listening. */
  dropAll(): void;
  close(): Promise<void>;
}

export async function startWebSocketBridge(server: SessionPort): Promise<WebSocketBridge> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (ws) => {
    let session: ServerSession | undefined;
    const send = (frame: unknown) => ws.send(JSON.stringify(frame));
    ws.on('message', (data) => {
      let frame: { token?: unknown; id?: unknown; event?: unknown; payload?: unknown };
      try {
        frame = JSON.parse(String(data)) as typeof frame;
      } catch {
        ws.close(1003, 'Frames are JSON');
        return;
      }
      if (!session) {
        const attached = server.attach({ token: String(frame.token) }, { deliver: (event, payload) => send({ event, payload }), drop: () => ws.close() });
        if (!attached.ok) {
          ws.close(4001, attached.error.message);
          return;
        }
        session = attached.session;
        send({ ready: true });
        return;
      }
      if (typeof frame.id === 'number' && typeof frame.event === 'string') {
        send({ id: frame.id, ack: server.handleRequest(session, frame.event, frame.payload) });
      }
    });
    ws.on('close', () => session && server.detach(session));
  });
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    dropAll: () => wss.clients.forEach((ws) => ws.terminate()),
    close: () => new Promise<void>((resolve) => {
      wss.clients.forEach((ws) => ws.terminate());
      wss.close(() => resolve());
    }),
  };
}
