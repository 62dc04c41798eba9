#!/usr/bin/env node
// `npm run bench`: runs every `bench/*.bench.ts` in Node, one after the other.
//
//   npm run bench            all benches
//   npm run bench -- store   only benches whose file name contains "store"
//   node bench/run.mjs bench/server-load.ts --clients 50
//                            exactly that file (any name; `npm run bench:server` does this);
//                            arguments from the first `--flag` on go to the bench itself
//   npm run bench -- --baseline <rev>
//                            before/after in the same run (bench/baseline.mjs): the message-list
//                            bench measures <rev>'s MessageList beside today's, round-robin in one
//                            browser; every other bench runs <rev>'s copy right before today's
//
// Why this way: Node 20 cannot run TypeScript; each bench is bundled (scripts/bundleForNode.mjs)
// into one ESM file under node_modules/.cache/parley-bench/ and run with plain `node --expose-gc`. A bench is a
// plain script: it prints its own table and sets a non-zero exit code when a
// budget fails. Not part of `npm test`: timings belong in benchmarks, not tests.
//
// Exit code: non-zero when any bench exits non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { bundleForNode } from '../scripts/bundleForNode.mjs';
import { extractBaseline, takeBaselineArg } from './baseline.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = path.join(root, 'bench');
const outDir = path.join(root, 'node_modules', '.cache', 'parley-bench');
const { rev: baselineRev, rest: args } = takeBaselineArg(process.argv.slice(2));
const firstFlag = args.findIndex((a) => a.startsWith('--'));
const selectors = firstFlag < 0 ? args : args.slice(0, firstFlag);
const benchArgs = firstFlag < 0 ? [] : args.slice(firstFlag);
const isFile = (a) => /\.tsx?$/.test(a) && existsSync(path.resolve(root, a));
const explicit = selectors.filter(isFile).map((a) => path.relative(benchDir, path.resolve(root, a)));
const filters = selectors.filter((a) => !isFile(a));

// Only `*.bench.ts(x)` are picked up by name; other files (bench/server-load.ts) run only when named.
const files = [
  ...explicit,
  ...(explicit.length > 0 && filters.length === 0
    ? []
    : readdirSync(benchDir)
        .filter((f) => f.endsWith('.bench.ts') || f.endsWith('.bench.tsx'))
        .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
        .sort()),
];
if (files.length === 0) {
  console.error(`No bench matches ${filters.join(', ') || '(any)'} in bench/.`);
  process.exit(1);
}

const baseline = baselineRev === undefined ? undefined : extractBaseline(baselineRev);
// The message-list bench takes the baseline into its own round-robin (fairer than two runs).
const takesBaselineItself = (file) => file === 'message-list.bench.ts';

/** Bundles and runs one bench file; `sourceRoot` is the tree whose `src/` it measures. */
async function runBench(file, label, { sourceRoot = root, extraArgs = [] } = {}) {
  const outfile = path.join(outDir, sourceRoot === root ? '' : 'baseline', path.basename(file).replace(/\.tsx?$/, '.mjs'));
  // Benches measure the production code path: no React dev checks etc.
  await bundleForNode({ entry: path.join(sourceRoot, 'bench', file), outfile, production: true, sourceRoot });
  console.log(`\n▶ ${file}${label ? ` (${label})` : ''}\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', outfile, ...benchArgs, ...extraArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return run.status === 0 ? undefined : `${file}${label ? ` ${label}` : ''} (exit ${run.status ?? run.signal})`;
}

const failed = [];
for (const file of files) {
  if (baseline && takesBaselineItself(file)) {
    failed.push(await runBench(file, '', { extraArgs: ['--baseline-dir', baseline.dir, '--baseline-name', baseline.commit] }));
    continue;
  }
  if (baseline && existsSync(path.join(baseline.dir, 'bench', file))) {
    failed.push(await runBench(file, `before: ${baseline.commit}`, { sourceRoot: baseline.dir }));
    failed.push(await runBench(file, 'after: this checkout'));
    continue;
  }
  failed.push(await runBench(file, ''));
}
failed.splice(0, failed.length, ...failed.filter((f) => f !== undefined));

if (failed.length > 0) {
  console.error(`\nBench failures: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\n${files.length} bench file(s) passed.`);
