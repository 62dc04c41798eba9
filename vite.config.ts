import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig } from 'vitest/config';

import { parleyAliases, parleyDistAliases } from './scripts/aliases.mjs';
import * as liveServerCommands from './test/e2e/liveServerCommands.ts';
import { CHROMIUM_ARGS, findChromium, resolveChromium } from './scripts/chromium.mjs';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/** True when this Vitest run includes a project that needs a browser. */
function runsBrowserProjects(argv: string[]): boolean {
  const selected: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--project') selected.push(argv[i + 1] ?? '');
    else if (arg.startsWith('--project=')) selected.push(arg.slice('--project='.length));
  });
  return selected.length === 0 || selected.some((name) => name !== 'unit');
}

// Only Vitest needs Chromium; Storybook (dev/build) also loads this file and must not
// install anything. scripts/test.mjs resolves it first and passes CHROMIUM_PATH.
const chromiumPath = process.env.VITEST
  ? runsBrowserProjects(process.argv)
    ? resolveChromium()
    : findChromium()
  : findChromium();

/**
 * Dependencies the browser projects load, pre-bundled up front: otherwise Vite discovers
 * them mid-run ("new dependencies optimized") and reloads the page under running tests.
 * Packages that are not installed are left out.
 */
const browserDeps = [
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom',
  'react-dom/client',
  'react-dom/server',
  'vitest-browser-react',
  'zustand',
  'zustand/vanilla',
  '@tanstack/react-virtual',
  'socket.io-client',
].filter((dep) => {
  const pkg = dep.startsWith('@') ? dep.split('/').slice(0, 2).join('/') : dep.split('/')[0]!;
  return existsSync(path.join(dirname, 'node_modules', pkg, 'package.json'));
});

/**
 * `react` and `react-dom` (and their subpaths) resolved to React 18, installed side by side
 * under other names (react-18, react-dom-18), for the `react18` project.
 */
const react18Aliases = [
  { find: /^react-dom(\/.*)?$/, replacement: 'react-dom-18$1' },
  { find: /^react(\/.*)?$/, replacement: 'react-18$1' },
];

/**
 * Real-browser tests drive a page, a mock server and often lazily loaded code: a few seconds
 * idle, several times that with both cores busy. Each waits on events with its own bounds;
 * this limit only ends a hang (browser mode's default is 15 s).
 */
const BROWSER_TEST_TIMEOUT_MS = 45_000;
/**
 * `expect.poll` and `expect.element` wait for what the user would see; their default bound
 * (1 s) is shorter than a lazily loaded part plus a server round trip take on a loaded machine.
 */
const BROWSER_EXPECT = { poll: { timeout: 10_000, interval: 20 } };

/**
 * Long browser tests of the message tools' UI that run on the sources only: the built
 * package's lazily loaded parts are checked by Thread.test.tsx and the rest of the suite
 * there, and these would add a minute and a half of the same behaviour on two cores.
 */
const DEPTH_UI_ONLY_ON_SOURCES = [
  'test/browser/farJump.test.tsx',
  'test/browser/MessageSearch.test.tsx',
  'test/browser/pins.test.tsx',
  'test/browser/forward.test.tsx',
  'test/browser/replies.test.tsx',
];

/** A fresh browser-mode config per project (a shared object would be mutated by Vitest). */
function chromiumBrowser() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: {
        ...(chromiumPath ? { executablePath: chromiumPath } : {}),
        args: [...CHROMIUM_ARGS],
      },
    }),
    instances: [{ browser: 'chromium' as const }],
    viewport: { width: 1024, height: 768 },
  };
}

export default defineConfig({
  plugins: [react()],
  resolve: { alias: parleyAliases },
  optimizeDeps: { include: browserDeps },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, 'test/browser/**', 'test/e2e/**', 'test/examples/**', 'test/consumers/**'],
          setupFiles: ['./test/setup/unit.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          setupFiles: ['./test/setup/browser.ts'],
          testTimeout: BROWSER_TEST_TIMEOUT_MS,
          expect: BROWSER_EXPECT,
          // test/examples: the examples/ apps (no React), driven in a real page.
          include: ['test/browser/**/*.test.{ts,tsx}', 'test/e2e/**/*.test.{ts,tsx}', 'test/examples/**/*.test.{ts,tsx}'],
          // e2e tests drive a real Node mock server through these (they run in Node).
          browser: { ...chromiumBrowser(), commands: { ...liveServerCommands } },
        },
      },
      {
        extends: true,
        // The same real-browser tests against the built package (dist/, as `npm install` gives it),
        // so a build that breaks what the sources do fails here. npm test builds dist/ first.
        resolve: { alias: parleyDistAliases },
        test: {
          name: 'browser-dist',
          setupFiles: ['./test/setup/browser.ts'],
          testTimeout: BROWSER_TEST_TIMEOUT_MS,
          expect: BROWSER_EXPECT,
          include: ['test/browser/**/*.test.{ts,tsx}', 'test/examples/**/*.test.{ts,tsx}'],
          // lazyParts holds a source module back with vi.mock, which cannot reach the built files.
          // DEPTH_UI_ONLY_ON_SOURCES: see there.
          exclude: [...configDefaults.exclude, 'test/browser/lazyParts.test.tsx', ...DEPTH_UI_ONLY_ON_SOURCES],
          // After the first browser group: four Chromium projects at once overload 2 cores.
          sequence: { groupOrder: 1 },
          browser: chromiumBrowser(),
        },
      },
      {
        extends: true,
        // The same real-browser tests against React 18, the other major our peer range promises.
        resolve: { alias: [...react18Aliases, ...parleyAliases] },
        optimizeDeps: { include: browserDeps.map((dep) => dep.replace(/^react(-dom)?(?=\/|$)/, (m) => `${m}-18`)) },
        test: {
          name: 'react18',
          setupFiles: ['./test/setup/browser.ts'],
          testTimeout: BROWSER_TEST_TIMEOUT_MS,
          expect: BROWSER_EXPECT,
          include: ['test/browser/**/*.test.{ts,tsx}'],
          // Scrolling and search through history: no React API of their own beyond what the
          // thread, reply and pin tests (which run here) use, and a minute on two cores.
          exclude: [...configDefaults.exclude, 'test/browser/farJump.test.tsx', 'test/browser/MessageSearch.test.tsx'],
          browser: chromiumBrowser(),
        },
      },
      {
        extends: true,
        // Every story is a test (rendered in Chromium, play functions run, axe checks with
        // `parameters.a11y.test = 'error'` from .storybook/preview.tsx).
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        test: {
          name: 'storybook',
          sequence: { groupOrder: 1 },
          browser: chromiumBrowser(),
        },
      },
      {
        // Apps that install the packed tarball (Vite + React 19/18, Next.js, strict tsc, plain
        // Node) in temp dirs, built and driven in Chromium. npm test builds dist/ first.
        test: {
          name: 'consumers',
          environment: 'node',
          include: ['test/consumers/**/*.test.ts'],
          // Only here (the unit project excludes them); the flag keeps any other glob from running them.
          env: { PARLEY_CONSUMER_TESTS: '1' },
          // After the other projects: installs and builds on 2 cores would slow their timed tests.
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
