/**
 * Browser commands (they run in Vitest's Node process) that give e2e tests a
 * real Node mock server: HTTP + socket.io on 127.0.0.1, port chosen by the OS.
 * One server per test file run; `stopLiveServer` in afterAll closes it.
 *
 * With `{ faults: true }` the URL handed out is a fault proxy's in front of
 * the server (test/support/faultProxy.ts), which `networkDrop`,
 * `networkRefuse` and `networkStall` drive; `pingMs` shortens the heartbeat so
 * a stalled link is noticed in a test's time.
 */
import type { Route } from 'playwright';
import type { BrowserCommand } from 'vitest/node';
import type { Message } from '../../src/core/protocol';
import type { RunningMockServer, StartMockServerOptions } from '../../src/mock-server/node';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy.ts';

export interface LiveServerOptions {
  readonly faults?: boolean;
  /** Heartbeat interval and timeout, each (default socket.io's 25 s / 20 s). */
  readonly pingMs?: number;
  /** The server's limits (its defaults otherwise), e.g. a small upload budget or quota. */
  readonly rateLimits?: StartMockServerOptions['rateLimits'];
  /** How long a signed file URL works (default 10 minutes). */
  readonly fileUrlTtlMs?: number;
}

let running: Promise<RunningMockServer> | null = null;
let proxy: FaultProxy | null = null;

function faults(): FaultProxy {
  if (!proxy) throw new Error('startLiveServer({ faults: true }) was not called');
  return proxy;
}

async function live(): Promise<RunningMockServer> {
  if (!running) throw new Error('startLiveServer was not called');
  return running;
}

export const startLiveServer: BrowserCommand<[options?: LiveServerOptions]> = async (ctx, options = {}) => {
  await stopLiveServer(ctx);
  // Through the project's module runner, not a static import: vite.config.ts imports this
  // file, and the config bundle would otherwise take in the whole Node server.
  const { startMockServer } = await ctx.project.import<typeof import('../../src/mock-server/node')>('./src/mock-server/node.ts');
  // The test page is a browser on another origin: the server serves no origin it is not told of.
  const pageOrigin = new URL((await ctx.frame()).url()).origin;
  running = startMockServer({
    port: 0,
    host: '127.0.0.1',
    seed: 'demo',
    corsOrigins: [pageOrigin],
    ...(options.pingMs ? { pingIntervalMs: options.pingMs, pingTimeoutMs: options.pingMs } : {}),
    ...(options.rateLimits !== undefined ? { rateLimits: options.rateLimits } : {}),
    ...(options.fileUrlTtlMs !== undefined ? { fileUrlTtlMs: options.fileUrlTtlMs } : {}),
  });
  const { url } = await running;
  if (!options.faults) return url;
  proxy = await startFaultProxy(url);
  return proxy.url;
};

/** What the page navigated to under `/uploads/<id>` (a file link followed), and what the server answered. */
export interface FileNavigation {
  readonly url: string;
  readonly status: number;
}

let fileNavigations: FileNavigation[] = [];
let unrouteFiles: (() => Promise<void>) | null = null;
const isFileUrl = (url: URL) => /^\/uploads\/[^/]+$/.test(url.pathname);

/**
 * From now on, a navigation to a file URL (a download link followed) is sent to the server as
 * the browser sent it and its status recorded, but the page is answered 204 No Content, so the
 * test page stays where it is whatever the server said (a 404 would otherwise replace it).
 */
export const watchFileNavigations: BrowserCommand<[]> = async (ctx) => {
  fileNavigations = [];
  await unrouteFiles?.();
  const handler = async (route: Route) => {
    if (!route.request().isNavigationRequest()) return route.continue();
    const answer = await route.fetch();
    fileNavigations.push({ url: route.request().url(), status: answer.status() });
    await route.fulfill({ status: 204 });
  };
  await ctx.page.route(isFileUrl, handler);
  unrouteFiles = () => ctx.page.unroute(isFileUrl, handler);
};

export const fileNavigationsSeen: BrowserCommand<[]> = async (): Promise<FileNavigation[]> => fileNavigations;

export const stopLiveServer: BrowserCommand<[]> = async () => {
  await unrouteFiles?.();
  unrouteFiles = null;
  await proxy?.close();
  proxy = null;
  if (!running) return;
  const server = await running;
  running = null;
  await server.close();
};

/** Closes every open connection through the proxy. */
export const networkDrop: BrowserCommand<[]> = async () => faults().drop();
/** While on, new connections are reset at once: the server looks unreachable. */
export const networkRefuse: BrowserCommand<[on: boolean]> = async (_ctx, on) => faults().refuse(on);
/** While on, nothing is forwarded either way (a half-open link). */
export const networkStall: BrowserCommand<[on: boolean]> = async (_ctx, on) => faults().stall(on);
/** Connections the proxy accepted so far. */
export const networkConnections: BrowserCommand<[]> = async () => faults().accepted;

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

/** A fresh token for the user, as a host's own backend would get one (`POST /admin/users/:id/tokens`). */
export const liveServerIssueToken: BrowserCommand<[userId: string]> = async (_ctx, userId) => (await live()).server.issueToken(userId);

/** `DELETE /admin/users/:id/tokens/:token`: the token's connections close at once. */
export const liveServerRevokeToken: BrowserCommand<[userId: string, token: string]> = async (_ctx, userId, token) => {
  (await live()).server.revokeToken(userId, token);
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    startLiveServer(options?: LiveServerOptions): Promise<string>;
    networkDrop(): Promise<void>;
    networkRefuse(on: boolean): Promise<void>;
    networkStall(on: boolean): Promise<void>;
    networkConnections(): Promise<number>;
    stopLiveServer(): Promise<void>;
    restartLiveServer(): Promise<void>;
    liveServerMessages(conversationId: string): Promise<Message[]>;
    liveServerPost(conversationId: string, authorId: string, text: string): Promise<void>;
    liveServerIssueToken(userId: string): Promise<string>;
    liveServerRevokeToken(userId: string, token: string): Promise<void>;
    watchFileNavigations(): Promise<void>;
    fileNavigationsSeen(): Promise<FileNavigation[]>;
  }
}
