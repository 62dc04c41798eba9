/**
 * `parley/mock-server/node`: the mock chat server over real HTTP and socket.io,
 * for e2e tests and local development (`npm run server`). It runs the same
 * MockChatServer core as the browser; `server` is that object, so tests can
 * read its data and drive its faults (`server.restart()` drops every socket).
 *
 * What it exposes: no CORS header unless `corsOrigins` lists a page's origin, only
 * loopback `Host` names (and the bound host) unless `allowedHosts` says more, an
 * admin key of its own, random per start unless `adminKey` is given, and the demo
 * tokens (`<id>-token`) only on a loopback address.
 *
 * Node-only: nothing under src/core, src/react or the browser-safe
 * `parley/mock-server` entry imports this file or `./node/*`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_UPLOAD_TYPES, type UploadFileType } from '../core/fileTypes';
import type { Message } from '../core/protocol';
import { createMockServer, type MockChatServer, type MockServerOptions } from './createMockServer';
import { guardFrontDoor } from './node/frontDoor';
import { hostCheck, hostPolicy } from './node/hosts';
import { createRequestListener, serverTimeouts } from './node/httpServer';
import { createImageProxy } from './node/imageProxy';
import { createPreviewImageRoute } from './node/previewImages';
import { httpRequestCheck } from './node/limits/httpLimits';
import { createServerLimits } from './node/limits/serverLimits';
import { originPolicy } from './node/origins';
import type { RateLimits } from './node/rateLimit';
import { loadServerPeers } from './node/peers';
import { attachSocketGateway } from './node/socketGateway';
import { UploadStore } from './node/uploads';

export { DEFAULT_RATE_LIMITS, type RateLimitRule, type RateLimits } from './node/rateLimit';
export type { HandshakeError } from './node/handshakeError';
export { createUnfurlFetcher, type UnfurlFetcherOptions } from './node/unfurl/createUnfurlFetcher';
export { UnfurlError, type ResolvedAddress, type Resolver, type UnfurlProblem } from './node/unfurl/unfurlErrors';

/**
 * @deprecated The admin key that was the default, printed in the README: a server now refuses
 * to start with it. Omit `adminKey` for a random one (`RunningMockServer.adminKey`) or pass your own.
 */
export const DEV_ADMIN_KEY = 'parley-admin-key';

/** A client sends socket.io's CONNECT as soon as its link opens; 10 s covers a slow network. */
const JOIN_TIMEOUT_MS = 10_000;
/** Seeded messages read into the search index per slice (warmSearch). */
const SEARCH_WARM_SLICE = 200;

export interface StartMockServerOptions extends Omit<MockServerOptions, 'network'> {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default '127.0.0.1': reachable from this machine only. */
  host?: string;
  /**
   * Whether `<id>-token` works for the six seeded users. Default true, which only a loopback
   * `host` allows: on any other address the server refuses to start unless this is `false`,
   * and then only tokens issued through the admin API (`POST /admin/users/:id/tokens`) work.
   */
  demoTokens?: boolean;
  /**
   * `Authorization: Bearer <adminKey>` opens the admin API; at least 8 characters.
   * Default: a random key per start, read it from `RunningMockServer.adminKey`.
   */
  adminKey?: string;
  /**
   * The pages that may call the server from a browser, as exact origins
   * (`['http://localhost:5173']`): they get CORS headers and may open a socket.io
   * connection. Default none: no CORS headers, and a handshake with an `Origin` is
   * refused. Requests without an `Origin` (Node, curl, tests) are always served.
   */
  corsOrigins?: readonly string[];
  // Spelled out, not imported from node/hosts: these declarations must not need Node's types.
  /**
   * `Host` names served besides loopback (`localhost`, `*.localhost`, `127.0.0.1`, `[::1]`)
   * and the bound `host` (guards against DNS rebinding); `.example.com` is the name and its
   * subdomains. `true` serves any, for a server behind a proxy that checks the host itself.
   */
  allowedHosts?: readonly string[] | true;
  /** Where uploads are stored. Default: a fresh directory under the OS temp dir, removed by `close()`. */
  uploadDir?: string;
  /** Largest upload, in bytes. Default 10 MB (10 000 000, as the client checks). */
  maxUploadBytes?: number;
  /** What may be uploaded, judged by content. Default: the kit's allowlist (images, PDF, plain text). */
  uploadTypes?: readonly UploadFileType[];
  /** Largest socket.io frame a client may send; bigger ones close that connection. Default 1 MB. */
  maxHttpBufferSize?: number;
  /**
   * socket.io heartbeat: the server pings every `pingIntervalMs` and drops a client that
   * has not answered within `pingTimeoutMs` (defaults 25 000 and 20 000, socket.io's own).
   * Clients take a link as dead after both together; tests shorten them.
   */
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
  /**
   * Limits per user, per address and per socket (`RateLimits`: requests, reads by what they
   * return, handshakes, connections at once, HTTP, uploads), merged over `DEFAULT_RATE_LIMITS`;
   * `false` turns every one of them off (tests, benchmarks). Refusals are `rate_limited`.
   */
  rateLimits?: Partial<RateLimits> | false;
  /** An upload body with no bytes for this long is cut off (408) and its partial file deleted. Default 30 000; 0: never. */
  uploadIdleTimeoutMs?: number;
  /**
   * Read the seeded history into the search index after starting, a slice at a time between
   * other work, so the first search does not hold every socket for the second it takes at
   * once (about 10 000 demo messages). Default false: a second of CPU per start that tests skip.
   */
  warmSearch?: boolean;
  /** An upload not sent in a message (over socket.io) within this long is deleted. Default 3 600 000 (1 h). */
  unattachedUploadTtlMs?: number;
  /** How long a client may take over a request's headers, and over the whole request (defaults 10 000 and 120 000). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /**
   * `GET /media/proxy`: external images fetched by the server, from URLs it signed
   * (`proxyImageUrl`), so viewers' browsers never fetch them. Defaults: 5 MB, 5 s for the whole
   * fetch, 16 fetches at once; only public addresses. `allowPrivateNetworks` (`true`, or exact
   * addresses such as `['127.0.0.1']`) is for tests that serve a fixture from this machine,
   * never for a real server. `false`: no proxy route.
   */
  imageProxy?:
    | { allowPrivateNetworks?: boolean | readonly string[]; maxBytes?: number; timeoutMs?: number; fetchesAtOnce?: number }
    | false;
}

export interface RunningMockServer {
  /** e.g. `http://127.0.0.1:41234` — for `io(url, { auth: { token } })` and the REST API. */
  readonly url: string;
  /** The same core object `createMockServer` returns. */
  readonly server: MockChatServer;
  /** Where uploads are stored (files named by random ids). */
  readonly uploadDir: string;
  /** The admin API's key: the `adminKey` option, or the random one made for this start. */
  readonly adminKey: string;
  /**
   * The absolute URL under which the image proxy serves `externalUrl` (http or https; anything
   * else throws, as does `imageProxy: false`), working for `ttlMs` (default a day).
   */
  proxyImageUrl(externalUrl: string, options?: { ttlMs?: number }): string;
  /** Stops HTTP and socket.io, drops every connection and removes the upload directory. */
  close(): Promise<void>;
}

/** 127.0.0.0/8, ::1 and `localhost`: what only this machine can reach. */
function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(name);
}

function urlHost(host: string, address: AddressInfo): string {
  // A wildcard bind is reached through loopback from this machine.
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return address.family === 'IPv6' && !host.startsWith('[') ? `[${host}]` : host;
}

export async function startMockServer(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  const {
    port = 0,
    host = '127.0.0.1',
    adminKey = randomBytes(24).toString('base64url'),
    corsOrigins = [],
    allowedHosts,
    uploadDir,
    maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES,
    uploadTypes = DEFAULT_UPLOAD_TYPES,
    maxHttpBufferSize = 1_000_000,
    rateLimits = {},
    uploadIdleTimeoutMs = 30_000,
    unattachedUploadTtlMs = 3_600_000,
    headersTimeoutMs = 10_000,
    requestTimeoutMs = 120_000,
    pingIntervalMs = 25_000,
    pingTimeoutMs = 20_000,
    imageProxy: imageProxySettings = {},
    warmSearch = false,
    ...coreOptions
  } = options;
  if (adminKey.length < 8) throw new Error('adminKey must be at least 8 characters');
  if (adminKey === DEV_ADMIN_KEY) {
    // Published for years: any page or user could guess it.
    throw new Error('adminKey is the old published dev key; omit adminKey for a random one (returned as adminKey) or pass your own');
  }
  if (coreOptions.demoTokens !== false && !isLoopback(host)) {
    throw new Error(
      `host ${JSON.stringify(host)} is reachable from other machines, where the demo tokens (<id>-token) would let anyone sign in as anyone: ` +
        'pass demoTokens: false, then only tokens issued through POST /admin/users/:id/tokens work',
    );
  }
  const origins = originPolicy(corsOrigins);
  const hosts = hostPolicy(allowedHosts, host);

  const peers = await loadServerPeers();
  // Preview images are served over HTTP like uploads, to members only.
  const previewImages = createPreviewImageRoute(() => server, () => url);
  const server = createMockServer({ previewImageHost: previewImages, ...coreOptions });
  const dir = uploadDir ?? (await mkdtemp(path.join(tmpdir(), 'parley-uploads-')));
  let url = '';
  const limits = createServerLimits(rateLimits, unattachedUploadTtlMs);
  const uploads = new UploadStore({
    server,
    dir,
    ownsDir: uploadDir === undefined,
    maxBytes: maxUploadBytes,
    types: uploadTypes,
    baseUrl: () => url,
    busboy: peers.busboy,
    limits: limits.uploads,
    idleTimeoutMs: uploadIdleTimeoutMs,
    unattachedTtlMs: unattachedUploadTtlMs,
  });
  const imageProxy = imageProxySettings === false ? null : createImageProxy(imageProxySettings, () => url);
  const routes = createRequestListener({ server, adminKey, uploads, origins, imageProxy, previewImages });
  const http = createServer(serverTimeouts(headersTimeoutMs, requestTimeoutMs), routes);
  const gatewayOptions = {
    origins,
    maxHttpBufferSize,
    pingIntervalMs,
    pingTimeoutMs,
    joinTimeoutMs: JOIN_TIMEOUT_MS,
    limits,
    onMessageSent: (message: Message) => uploads.markSent(message.conversationId, message.attachments.map((a) => a.id)),
  };
  const io = attachSocketGateway(http, server, gatewayOptions, peers.SocketIoServer);
  // After socket.io attached: the checks must stand in front of its listeners too. The Host
  // first, so a refused name costs no one's budget.
  const hostRefusal = hostCheck(hosts);
  const overBudget = httpRequestCheck(limits.rules, origins);
  guardFrontDoor(http, (req) => hostRefusal(req) ?? overBudget(req));

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, host, () => {
        http.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    io.close();
    server.dispose();
    await uploads.dispose();
    throw error;
  }
  const address = http.address() as AddressInfo;
  url = `http://${urlHost(host, address)}:${address.port}`;
  // About 20 ms a slice: sockets are served between slices.
  let warming: NodeJS.Immediate | undefined;
  const warmSlice = () => {
    warming = server.warmSearch(SEARCH_WARM_SLICE) ? undefined : setImmediate(warmSlice);
  };
  if (warmSearch) warming = setImmediate(warmSlice);

  let closing: Promise<void> | undefined;
  return {
    url,
    server,
    uploadDir: dir,
    adminKey,
    proxyImageUrl(externalUrl, { ttlMs } = {}) {
      if (!imageProxy) throw new Error('The image proxy is off (imageProxy: false)');
      return imageProxy.sign(externalUrl, ttlMs);
    },
    close() {
      closing ??= (async () => {
        if (warming) clearImmediate(warming);
        // Drops every session (each socket is disconnected), clears the bot's timers.
        server.dispose();
        // A long-polling client whose link died mid-poll would hold close() for engine.io's
        // 30 s close timeout, waiting for a poll that never comes; a server going away need not.
        const engineClients = (io.engine as unknown as { clients: Record<string, { transport?: { closeTimeout?: number } }> }).clients;
        for (const client of Object.values(engineClients)) {
          if (client.transport && typeof client.transport.closeTimeout === 'number') client.transport.closeTimeout = 0;
        }
        await new Promise<void>((resolve) => {
          // io.close() closes the HTTP server too; its callback runs once every connection is gone.
          io.close(() => resolve());
          http.closeAllConnections();
        });
        await uploads.dispose();
      })();
      return closing;
    },
  };
}
