// Plain Node: parley/mock-server/node. Without socket.io and busboy installed, importing it
// works and startMockServer() rejects; with them, it serves /health and a socket.io client
// (parley/socketio) sends a message through it. Prints one JSON line.
import { startMockServer } from 'parley/mock-server/node';

let running;
try {
  running = await startMockServer({ port: 0, host: '127.0.0.1' });
} catch (error) {
  console.log(JSON.stringify({ started: false, error: error instanceof Error ? error.message : String(error) }));
  process.exit(0);
}

try {
  const { createChatClient } = await import('parley/core');
  const { createSocketIoTransport } = await import('parley/socketio');
  const health = await fetch(`${running.url}/health`);
  const client = createChatClient({ transport: createSocketIoTransport({ url: running.url, token: 'bob-token' }), userId: 'bob' });
  await client.connect();
  const sent = await client.sendMessage('alice-bob', { text: 'Hello over socket.io' });
  const stored = running.server.messages('alice-bob').find((m) => m.id === sent.id);
  client.disconnect();
  console.log(JSON.stringify({ started: true, health: health.status, body: await health.json(), stored: stored?.text }));
} finally {
  await running.close();
}
