// `npm run bench -- --baseline <rev>`: the same benches on an earlier commit, in the same run,
// so "no worse than before" is read from one machine at one moment rather than from two runs
// hours apart. The commit's `src/` and `bench/` are extracted (git archive) into
// node_modules/.cache/parley-bench/baseline/, where bare imports resolve from this checkout's
// node_modules, exactly as the current sources' do.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Extracts `rev`'s `src/` and `bench/` and returns the folder they are in. */
export function extractBaseline(rev) {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  const dir = path.join(root, 'node_modules', '.cache', 'parley-bench', 'baseline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['archive', '--format=tar', commit, 'src', 'bench'], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return { dir, commit: commit.slice(0, 7) };
}

/** Splits `--baseline <rev>` off a bench's arguments. */
export function takeBaselineArg(args) {
  const i = args.indexOf('--baseline');
  if (i < 0) return { rev: undefined, rest: args };
  const rev = args[i + 1];
  if (!rev || rev.startsWith('--')) throw new Error('--baseline needs a commit, e.g. --baseline HEAD~5');
  return { rev, rest: [...args.slice(0, i), ...args.slice(i + 2)] };
}
