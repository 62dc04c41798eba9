// Locates the Chromium binary that Parley's browser tests (Vitest browser mode,
// Storybook tests, benchmarks) drive through Playwright.
//
// Order: $CHROMIUM_PATH (if it exists) → /usr/bin/chromium → on Debian as root,
// `apt-get install chromium` → Playwright's own browser (contributors' laptops)
// → one clear error line.
//
// Shared by vite.config.ts and scripts/test.mjs. Synchronous on purpose so that
// vite.config.ts can call it while being loaded.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const MISSING_CHROMIUM_MESSAGE =
  "Parley's browser tests need Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH=/path/to/chromium";

/** Launch arguments known to work headless (also as root) with Debian's Chromium. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function playwrightChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function aptInstallChromium() {
  // stdout is reserved for the caller's output (e.g. vitest); apt's progress goes to stderr.
  const log = (line) => process.stderr.write(`[parley] ${line}\n`);
  log(`Chromium not found: running "apt-get update && apt-get install -y chromium" (about a minute)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    log(`$ apt-get ${args.join(' ')}`);
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 2, 2], env });
    if (r.status !== 0) {
      log(`apt-get ${args[0]} failed (exit ${r.status ?? r.signal})`);
      return false;
    }
  }
  return existsSync(DEBIAN_CHROMIUM);
}

/**
 * Finds Chromium without installing anything.
 * @returns {string | undefined}
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return undefined;
}

/**
 * Finds Chromium, installing Debian's package when running as root on Debian.
 * Exits the process with one clear line when there is no way to get it.
 * @param {{ install?: boolean, exitOnMissing?: boolean }} [options]
 * @returns {string | undefined}
 */
export function resolveChromium({ install = true, exitOnMissing = true } = {}) {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH) {
    process.stderr.write(`[parley] CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist; looking elsewhere\n`);
  }
  if (install && isRoot() && hasAptGet() && aptInstallChromium()) return DEBIAN_CHROMIUM;
  const bundled = playwrightChromium();
  if (bundled) return bundled;
  if (exitOnMissing) {
    console.error(MISSING_CHROMIUM_MESSAGE);
    process.exit(1);
  }
  return undefined;
}
