// @vitest-environment node
/**
 * Apps that install the packed tarball as users would (`npm install parley-x.y.z.tgz`) and
 * use it: Vite + React 19 and React 18, Next.js App Router, strict TypeScript under
 * bundler and node16 resolution, plain Node. Each runs in a fresh temp dir; every install
 * starts at once (beforeAll), each test waits for its own. npm test builds dist/ first.
 *
 * Runs in the `consumers` project only (the `unit` project's glob also matches this file).
 * PARLEY_KEEP_CONSUMERS=1 keeps the temp apps for a look afterwards.
 */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedTarball } from '../package/packedTarball';
import { appEnv, binIn, CONSUMERS_DIR, copyApp, npmInstall, removeApps, withoutCiNotices } from './support/apps';
import { checkChat, closeBrowser } from './support/chat';
import { freePort, run, runOk, startUntil, stopAll, tail, type RunResult } from './support/processes';
import { MISSING_QUICK_START, readQuickStart } from './support/quickStart';

const enabled = process.env.PARLEY_CONSUMER_TESTS === '1';

/** Upper bounds on a busy 2-core machine; each test waits on events, never on the clock. */
const BUILD_TIMEOUT_MS = 300_000;
const SERVER_READY_TIMEOUT_MS = 120_000;
const NODE_SCRIPT_TIMEOUT_MS = 60_000;
/** A test may first wait for its app's install (they all run at once) and then build. */
const TEST_TIMEOUT_MS = 600_000;

type AppName = 'vite-react19' | 'vite-react18' | 'next-app' | 'ts-strict' | 'node-esm';

const QUICK_START_FILE = 'src/readme-quick-start.tsx';
const quickStart = readQuickStart(path.join(CONSUMERS_DIR, '..', '..', 'README.md'));

const installed = {} as Record<AppName, Promise<string>>;
let nextBuild: Promise<RunResult>;
/** Seconds per app and step, printed at the end. */
const timings: Partial<Record<AppName, Record<string, number>>> = {};
const took = (app: AppName, step: string, ms: number) => ((timings[app] ??= {})[step] = Math.round(ms / 100) / 10);

/** A promise whose rejection is reported by the test that awaits it, not as unhandled. */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

function install(app: AppName, tarball: string, prepare?: (dir: string) => void): Promise<string> {
  return later(
    (async () => {
      const dir = copyApp(app, tarball);
      prepare?.(dir);
      took(app, 'install', await npmInstall(dir));
      return dir;
    })(),
  );
}

const node = (dir: string, args: readonly string[], timeoutMs = NODE_SCRIPT_TIMEOUT_MS) =>
  run(process.execPath, args, { cwd: dir, env: appEnv(), timeoutMs });

const tsc = (dir: string, project: string) =>
  node(dir, [binIn(dir, 'typescript', 'bin', 'tsc'), '--noEmit', '--pretty', 'false', '-p', project], BUILD_TIMEOUT_MS);

/** tsc's diagnostics, one string each (a message's continuation lines stay with it). */
function diagnostics(output: string): string[] {
  const found: string[] = [];
  for (const line of output.split('\n')) {
    if (!line.trim()) continue;
    if (/^\s/.test(line) && found.length) found[found.length - 1] += `\n${line}`;
    else found.push(line);
  }
  return found;
}

const nextBin = (dir: string) => binIn(dir, 'next', 'dist', 'bin', 'next');

describe.runIf(enabled)('consumer apps on the packed tarball', () => {
  beforeAll(() => {
    const { file } = packedTarball();
    const viteApp = (dir: string) => copyFileSync(path.join(CONSUMERS_DIR, 'support', 'viteApi.mjs'), path.join(dir, 'vite-api.mjs'));
    installed['vite-react19'] = install('vite-react19', file, (dir) => {
      viteApp(dir);
      if (quickStart) writeFileSync(path.join(dir, QUICK_START_FILE), quickStart);
    });
    installed['vite-react18'] = install('vite-react18', file, viteApp);
    installed['next-app'] = install('next-app', file);
    installed['ts-strict'] = install('ts-strict', file);
    installed['node-esm'] = install('node-esm', file);
    // The slowest build starts as soon as its install is done, while the other apps are tested.
    nextBuild = later(
      installed['next-app'].then(async (dir) => {
        const result = await node(dir, [nextBin(dir), 'build'], BUILD_TIMEOUT_MS);
        took('next-app', 'build', result.ms);
        return result;
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(Object.values(installed));
    await nextBuild?.catch(() => undefined);
    await stopAll();
    await closeBrowser();
    removeApps();
    console.log(`Consumer timings (s): ${JSON.stringify(timings)}`);
  }, 120_000);

  /** Builds with Vite's JS API, serves dist/ with preview() and chats in Chromium. */
  async function buildServeChat(app: AppName, text: string): Promise<void> {
    const dir = await installed[app];
    const built = await runOk(process.execPath, ['vite-api.mjs', 'build'], { cwd: dir, env: appEnv(), timeoutMs: BUILD_TIMEOUT_MS });
    took(app, 'build', built.ms);
    expect(built.output.trim(), 'vite build printed warnings').toBe('');
    const preview = await startUntil(process.execPath, ['vite-api.mjs', 'preview'], /PREVIEW_URL \S+\n/, {
      cwd: dir,
      env: appEnv(),
      timeoutMs: SERVER_READY_TIMEOUT_MS,
    });
    try {
      const url = /PREVIEW_URL (\S+)/.exec(preview.output())![1]!;
      const check = await checkChat(url, text, 'pineapple');
      took(app, 'browser', check.ms);
      expect(check.problems, 'console errors/warnings or page errors').toEqual([]);
    } finally {
      await preview.stop();
    }
  }

  describe('vite-react19 (Vite 8, React 19)', () => {
    let typecheck: Promise<RunResult> | undefined;
    const typecheckApp = () => (typecheck ??= later(installed['vite-react19'].then((dir) => tsc(dir, 'tsconfig.json'))));

    it('type-checks with tsc --noEmit (strict, skipLibCheck false)', { timeout: TEST_TIMEOUT_MS }, async () => {
      const result = await typecheckApp();
      took('vite-react19', 'tsc', result.ms);
      const own = diagnostics(result.output).filter((d) => !d.startsWith(QUICK_START_FILE));
      expect(own).toEqual([]);
      if (!quickStart) expect(result.code, tail(result.output)).toBe(0);
    });

    it("type-checks README's quick-start block inside the app", { timeout: TEST_TIMEOUT_MS }, async () => {
      if (!quickStart) throw new Error(MISSING_QUICK_START);
      const result = await typecheckApp();
      expect(diagnostics(result.output).filter((d) => d.startsWith(QUICK_START_FILE))).toEqual([]);
      expect(result.code, tail(result.output)).toBe(0);
    });

    it('builds, serves with vite preview, and chats with the bot in Chromium', { timeout: TEST_TIMEOUT_MS }, () =>
      buildServeChat('vite-react19', 'React nineteen says pineapple'),
    );
  });

  describe('vite-react18 (Vite 8, React 18)', () => {
    it('type-checks with tsc --noEmit (@types/react 18, skipLibCheck false)', { timeout: TEST_TIMEOUT_MS }, async () => {
      const dir = await installed['vite-react18'];
      const result = await tsc(dir, 'tsconfig.json');
      took('vite-react18', 'tsc', result.ms);
      expect(diagnostics(result.output)).toEqual([]);
      expect(result.code).toBe(0);
    });

    it('builds, serves with vite preview, and chats with the bot in Chromium', { timeout: TEST_TIMEOUT_MS }, () =>
      buildServeChat('vite-react18', 'React eighteen says pineapple'),
    );
  });

  describe('next-app (Next.js 16 App Router, React 19)', () => {
    it('next build succeeds', { timeout: TEST_TIMEOUT_MS }, async () => {
      const result = await nextBuild;
      expect(result.code, tail(result.output)).toBe(0);
      expect(withoutCiNotices(result.output), 'next build warnings').not.toMatch(/⚠|\bwarn(ing)?\b/i);
    });

    it('next start serves the page; it hydrates without warnings and chats with the bot', { timeout: TEST_TIMEOUT_MS }, async () => {
      const dir = await installed['next-app'];
      const built = await nextBuild;
      if (built.code !== 0) throw new Error(`next build failed, nothing to start:\n${tail(built.output)}`);
      const port = await freePort();
      const server = await startUntil(process.execPath, [nextBin(dir), 'start', '-H', '127.0.0.1', '-p', String(port)], /Ready in/, {
        cwd: dir,
        env: appEnv(),
        timeoutMs: SERVER_READY_TIMEOUT_MS,
      });
      try {
        const url = `http://127.0.0.1:${port}/`;
        const response = await fetch(url);
        expect(response.status).toBe(200);
        // Server-rendered: the client component's placeholder; the chat is made in the browser.
        const html = await response.text();
        expect(html).toContain('Loading chat');
        expect(html).not.toContain('data-message-id');
        const check = await checkChat(url, 'Next says pineapple', 'pineapple');
        took('next-app', 'browser', check.ms);
        expect(check.problems, 'console errors/warnings, hydration warnings or page errors').toEqual([]);
        expect(server.output(), 'next start printed errors').not.toMatch(/⨯|\berror\b/i);
      } finally {
        await server.stop();
      }
    });
  });

  describe('ts-strict (exactOptionalPropertyTypes, noUncheckedIndexedAccess, skipLibCheck false)', () => {
    it.for(['bundler', 'node16'] as const)('tsc --noEmit with moduleResolution %s', { timeout: TEST_TIMEOUT_MS }, async (resolution) => {
      const dir = await installed['ts-strict'];
      const result = await tsc(dir, `tsconfig.${resolution}.json`);
      took('ts-strict', `tsc ${resolution}`, result.ms);
      expect(diagnostics(result.output)).toEqual([]);
      expect(result.code).toBe(0);
    });
  });

  describe('node-esm (plain Node, no bundler)', () => {
    /** Runs one of the app's scripts and parses the JSON line it prints. */
    async function script(name: string): Promise<Record<string, unknown>> {
      const dir = await installed['node-esm'];
      const result = await node(dir, [name]);
      expect(result.code, tail(result.output)).toBe(0);
      const lines = result.output.trim().split('\n');
      expect(lines, 'one JSON line and nothing else').toHaveLength(1);
      return JSON.parse(lines[0]!) as Record<string, unknown>;
    }

    it('imports parley/core and parley/mock-server: sends on the memory transport, reads it back, gets the bot answer', { timeout: TEST_TIMEOUT_MS }, async () => {
      expect(await script('core.mjs')).toEqual({
        sent: 'Node says pineapple',
        status: 'sent',
        stored: 'Node says pineapple',
        answer: expect.stringContaining('“pineapple”'),
      });
    });

    it('without socket.io and busboy, startMockServer() rejects with one line naming them', { timeout: TEST_TIMEOUT_MS }, async () => {
      const dir = await installed['node-esm'];
      expect(existsSync(path.join(dir, 'node_modules', 'socket.io')), 'socket.io is not installed').toBe(false);
      expect(existsSync(path.join(dir, 'node_modules', 'busboy')), 'busboy is not installed').toBe(false);
      expect(await script('server.mjs')).toEqual({
        started: false,
        error: 'parley/mock-server/node needs socket.io and busboy: npm install --save-dev socket.io busboy',
      });
    });

    it('with socket.io and busboy installed, the Node mock server starts and serves HTTP and socket.io', { timeout: TEST_TIMEOUT_MS }, async () => {
      const dir = await installed['node-esm'];
      took('node-esm', 'install peers', await npmInstall(dir, ['--save-dev', 'socket.io@^4.8.4', 'busboy@^1.6.0']));
      expect(await script('server.mjs')).toEqual({ started: true, health: 200, body: { ok: true }, stored: 'Hello over socket.io' });
    });
  });
});
