/**
 * The package as it would be published: `npm pack` of the built dist/ (npm test builds it
 * first), made once per Vitest worker and removed when the process exits.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PackedTarball {
  /** Absolute path of the .tgz. */
  readonly file: string;
  /** Paths inside the package (no `package/` prefix). */
  readonly files: readonly string[];
}

let packed: PackedTarball | undefined;

export function packedTarball(root = process.cwd()): PackedTarball {
  if (packed) return packed;
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-pack-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  // dist/ is built already: skip the prepack build.
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [info] = JSON.parse(out) as [{ filename: string; files: { path: string }[] }];
  packed = { file: path.join(dir, info.filename), files: info.files.map((f) => f.path) };
  return packed;
}
