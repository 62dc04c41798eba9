#!/usr/bin/env node
// `npm run release -- --dry-run`: build, the whole test suite, then pack and list what
// the tarball holds. Without --dry-run it publishes the same tarball (`npm publish`).
//   --skip-tests   build and pack only (the tests ran already, e.g. in CI)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const dryRun = args.has('--dry-run');

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`release: "${[command, ...commandArgs].join(' ')}" failed; nothing was published.`);
    process.exit(result.status ?? 1);
  }
  return result;
}

run(process.execPath, ['scripts/build.mjs']);
if (!args.has('--skip-tests')) run(process.execPath, ['scripts/test.mjs'], { env: { ...process.env, PARLEY_SKIP_BUILD: '1' } });

const out = mkdtempSync(path.join(tmpdir(), 'parley-release-'));
try {
  // dist/ is fresh: the prepack build is skipped.
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [info] = JSON.parse(packed.stdout.toString());
  console.log(`\n${info.filename}: ${info.files.length} files, ${(info.size / 1000).toFixed(1)} kB packed, ${(info.unpackedSize / 1000).toFixed(1)} kB unpacked`);
  for (const file of info.files) console.log(`  ${String(file.size).padStart(8)}  ${file.path}`);
  if (dryRun) {
    console.log('\nDry run: nothing published.');
  } else {
    run('npm', ['publish', path.join(out, info.filename)]);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
