/**
 * Browser commands (they run in Vitest's Node process) that give e2e tests a
 * real Node mock server: HTTP + socket.io on 127.0.0.1, port chosen by the OS.
 * One server per test file run; `stopLiveServer` in afterAll closes it.
 */
import type { BrowserCommand } from 'vitest/node';
import type { Message } from '../../src/core/protocol';
import type { RunningMockServer } from '../../src/mock-server/node';

let running: Promise<RunningMockServer> | null = null;

async function live(): Promise<RunningMockServer> {
  if (!running) throw new Error('startLiveServer was not called');
  return running;
}

export const startLiveServer: BrowserCommand<[]> = async (ctx) => {
  if (running) await (await running).close();
  // Through the project's module runner, not a static import: vite.config.ts imports this
  // file, and the config bundle would otherwise take in the whole Node server.
  const { startMockServer } = await ctx.project.import<typeof import('../../src/mock-server/node')>('./src/mock-server/node.ts');
  running = startMockServer({ port: 0, host: '127.0.0.1', seed: 'demo' });
  return (await running).url;
};

export const stopLiveServer: BrowserCommand<[]> = async () => {
  if (!running) return;
  const server = await running;
  running = null;
  await server.close();
};

export const restartLiveServer: BrowserCommand<[]> = async () => {
  (await live()).server.restart();
};

export const liveServerMessages: BrowserCommand<[conversationId: string]> = async (_ctx, conversationId): Promise<Message[]> =>
  (await live()).server.messages(conversationId);

export const liveServerPost: BrowserCommand<[conversationId: string, authorId: string, text: string]> = async (
  _ctx,
  conversationId,
  authorId,
  text,
) => {
  (await live()).server.postMessage(conversationId, { authorId, text });
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    startLiveServer(): Promise<string>;
    stopLiveServer(): Promise<void>;
    restartLiveServer(): Promise<void>;
    liveServerMessages(conversationId: string): Promise<Message[]>;
    liveServerPost(conversationId: string, authorId: string, text: string): Promise<void>;
  }
}
