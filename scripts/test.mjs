#!/usr/bin/env node
// `npm test`: type check, then every Vitest project (unit, browser, storybook).
//
//   npm test                          everything
//   npm test -- --project unit        extra arguments go to `vitest run`
//   PARLEY_SKIP_TYPECHECK=1 npm test  skip `tsc --noEmit`
//   PARLEY_SKIP_BUILD=1 npm test      use the dist/ already built (the package tests read it)
//
// The last line printed is always `N passed, N failed` (tests across all projects;
// a test file that fails outside a test, an unhandled error, or a failed type check
// counts as one failure). Exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { resolveChromium } from './chromium.mjs';
import { formatDetails, formatSummary, totalFailed } from './count-reporter.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

/** Prints the final line and exits; nothing may be printed after this. */
function finish(counts, exitCode) {
  const details = formatDetails(counts);
  if (details) console.log(details);
  console.log(formatSummary(counts));
  process.exit(exitCode);
}

const failedOutsideTests = (why) => {
  console.error(why);
  finish({ passed: 0, failed: 0, skipped: 0, fileErrors: 0, unhandledErrors: 0, other: 1 }, 1);
};

function binOf(pkg, bin) {
  const pkgJsonPath = require.resolve(`${pkg}/package.json`);
  const pkgJson = JSON.parse(readFileSync(pkgJsonPath, 'utf8'));
  const rel = typeof pkgJson.bin === 'string' ? pkgJson.bin : pkgJson.bin[bin];
  return path.join(path.dirname(pkgJsonPath), rel);
}

const started = Date.now();

// 1. Chromium for the browser and storybook projects (may apt-get install it; exits with
//    one clear line when there is no way to get it).
const projects = args.flatMap((a, i) =>
  a === '--project' ? [args[i + 1] ?? ''] : a.startsWith('--project=') ? [a.slice('--project='.length)] : [],
);
const unitOnly = projects.length > 0 && projects.every((p) => p === 'unit');
const chromium = resolveChromium({ exitOnMissing: !unitOnly });
const env = {
  ...process.env,
  ...(chromium ? { CHROMIUM_PATH: chromium } : {}),
  STORYBOOK_DISABLE_TELEMETRY: '1',
};
if (chromium) console.log(`Chromium: ${chromium}`);

// 2. Type check, fail fast.
if (process.env.PARLEY_SKIP_TYPECHECK !== '1') {
  console.log('Type checking (tsc --noEmit)…');
  const tsc = spawnSync(process.execPath, [binOf('typescript', 'tsc'), '--noEmit', '-p', root], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) failedOutsideTests('Type check failed (tsc --noEmit); tests were not run.');
}

// 3. The package build: the package tests (publint, attw, consumer apps, the browser tests
//    against dist/) read it.
if (process.env.PARLEY_SKIP_BUILD !== '1') {
  console.log('Building the package (npm run build)…');
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) failedOutsideTests('The package build failed (npm run build); tests were not run.');
}

// 4. Vitest, all projects, default reporter plus a counting reporter.
const tmp = mkdtempSync(path.join(tmpdir(), 'parley-test-'));
const summaryFile = path.join(tmp, 'summary.json');
const vitest = spawnSync(
  process.execPath,
  [
    binOf('vitest', 'vitest'),
    'run',
    '--reporter=default',
    `--reporter=${path.join(root, 'scripts/count-reporter.mjs')}`,
    ...args,
  ],
  { cwd: root, env: { ...env, PARLEY_TEST_SUMMARY: summaryFile }, stdio: 'inherit' },
);

let counts;
try {
  counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
} catch {
  counts = undefined;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const vitestCode = vitest.status ?? 1;
if (!counts) {
  failedOutsideTests(`Vitest exited (${vitest.status ?? vitest.signal}) before reporting results.`);
}
if (vitestCode !== 0 && totalFailed(counts) === 0) {
  // e.g. "No test files found" or a failing global setup: still a failure, so say so in the count.
  console.error(`Vitest exited with code ${vitestCode} without a failing test; counting it as one failure.`);
  counts.other = 1;
}
const failed = totalFailed(counts);
console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
finish(counts, failed > 0 || vitestCode !== 0 ? 1 : 0);
