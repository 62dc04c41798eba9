import { TransportError, type Transport, type TransportStatus } from 'parley/core';

/** Frames: `{ token }` → `{ ready: true }` (or close 4001), `{ id, event, payload }` → `{ id, ack }`; pushes `{ event, payload }`. */
export function createWebSocketTransport(url: string, token: string): Transport {
  let ws: WebSocket | undefined;
  let status: TransportStatus = { state: 'disconnected', willRetry: false };
  const events = new Set<(event: string, payload: unknown) => void>();
  const statuses = new Set<(status: TransportStatus) => void>();
  const acks = new Map<number, (ack: unknown) => void>();
  let nextId = 0;
  const setStatus = (next: TransportStatus) => ((status = next), statuses.forEach((l) => l(next)));
  const open = () => {
    const socket = (ws = new WebSocket(url));
    setStatus({ state: 'connecting' });
    socket.onopen = () => socket.send(JSON.stringify({ token }));
    socket.onmessage = ({ data }) => {
      const frame = JSON.parse(String(data));
      if (frame.ready) setStatus({ state: 'connected' });
      else if (typeof frame.id === 'number') acks.get(frame.id)?.(frame.ack);
      else events.forEach((l) => l(frame.event, frame.payload));
    };
    socket.onclose = ({ code, reason }) => {
      if (ws !== socket) return;
      acks.clear(); // pending requests time out; the client resends what matters
      // 4001: the server refused the token. Retrying cannot help.
      if (code === 4001) return setStatus({ state: 'disconnected', willRetry: false, error: { code: 'unauthorized', message: reason } });
      setStatus({ state: 'disconnected', willRetry: true, nextRetryAt: Date.now() + 1000 });
      setTimeout(() => ws === socket && open(), 1000);
    };
  };
  return {
    get status() { return status; },
    connect: () => void (ws ?? open()),
    disconnect() { const s = ws; ws = undefined; s?.close(); setStatus({ state: 'disconnected', willRetry: false }); },
    reconnectNow() { if (ws && status.state === 'disconnected') open(); },
    request: (event, payload, timeoutMs) => new Promise((resolve, reject) => {
      if (status.state !== 'connected') return reject(new TransportError('disconnected', 'Not connected'));
      const id = nextId++;
      const timer = setTimeout(() => (acks.delete(id), reject(new TransportError('timeout', `No answer to ${event}`))), timeoutMs);
      acks.set(id, (ack) => (clearTimeout(timer), acks.delete(id), resolve(ack)));
      ws!.send(JSON.stringify({ id, event, payload }));
    }),
    onEvent: (listener) => (events.add(listener), () => void events.delete(listener)),
    onStatus: (listener) => (statuses.add(listener), () => void statuses.delete(listener)),
  };
}
