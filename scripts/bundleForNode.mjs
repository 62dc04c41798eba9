// Node 20 cannot run TypeScript and `tsx` is not a dependency, so the scripts that run
// project TypeScript in Node (bench/run.mjs, scripts/server.mjs) bundle it first with
// esbuild (installed with Vite). Bare imports stay external and resolve from
// node_modules, so the output goes under node_modules/.cache/; the `parley*` entry
// aliases of scripts/aliases.mjs apply as in tests and stories.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

import { PARLEY_ENTRIES } from './aliases.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The `parley*` entry aliases, pointing into the sources under `sourceRoot`. */
const aliasesFor = (sourceRoot) =>
  Object.fromEntries(
    Object.entries(PARLEY_ENTRIES)
      .filter(([, file]) => !file.endsWith('.css'))
      .map(([name, file]) => [name, path.join(sourceRoot, file)]),
  );

/**
 * Bundles `entry` (a path) to `outfile` as ESM for Node 20. `production` builds the
 * production code path (no React dev checks), as benches measure it. `sourceRoot` is the
 * tree the `parley*` imports resolve into (another commit's, for a bench baseline).
 */
export async function bundleForNode({ entry, outfile, production = false, sourceRoot = root }) {
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    alias: aliasesFor(sourceRoot),
    jsx: 'automatic',
    ...(production ? { define: { 'process.env.NODE_ENV': '"production"' } } : {}),
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}
