/**
 * The Node server's own dependencies, socket.io and busboy, are optional peer
 * dependencies of the kit: an app that only uses the components never installs
 * them. They load when a server starts, so a missing one is one clear line
 * naming what to install instead of a resolver error from deep inside the package.
 */
import type busboy from 'busboy';
import type { Server } from 'socket.io';

export interface ServerPeers {
  readonly SocketIoServer: typeof Server;
  readonly busboy: typeof busboy;
}

function isMissing(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    typeof message === 'string' &&
    message.includes(`'${name}'`)
  );
}

async function load<T>(name: string, importer: () => Promise<T>, missing: string[]): Promise<T | undefined> {
  try {
    return await importer();
  } catch (error) {
    if (!isMissing(error, name)) throw error;
    missing.push(name);
    return undefined;
  }
}

export async function loadServerPeers(): Promise<ServerPeers> {
  const missing: string[] = [];
  const io = await load('socket.io', () => import('socket.io'), missing);
  const bb = await load('busboy', () => import('busboy'), missing);
  if (!io || !bb) {
    throw new Error(`parley/mock-server/node needs ${missing.join(' and ')}: npm install --save-dev ${missing.join(' ')}`);
  }
  return { SocketIoServer: io.Server, busboy: bb.default };
}
