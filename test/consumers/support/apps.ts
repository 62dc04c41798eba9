/**
 * A consumer app as a user would have it: the folder under test/consumers/ copied into a
 * fresh temporary directory, depending on the packed tarball, installed by npm.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOk } from './processes';

export const CONSUMERS_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** npm from the cache where it can (the same versions as the repo's own), the registry otherwise. */
const NPM_INSTALL = ['install', '--no-audit', '--no-fund', '--prefer-offline'];
export const INSTALL_TIMEOUT_MS = 300_000;

const made: string[] = [];

/** Copies `test/consumers/<name>` into a new temp dir and points its `parley` dependency at the tarball. */
export function copyApp(name: string, tarball: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `parley-consumer-${name}-`));
  made.push(dir);
  cpSync(path.join(CONSUMERS_DIR, name), dir, {
    recursive: true,
    filter: (source) => !/(^|[\\/])(node_modules|dist|\.next)$/.test(source),
  });
  const pkgFile = path.join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { dependencies?: Record<string, string> };
  pkg.dependencies = { ...pkg.dependencies, parley: `file:${tarball}` };
  writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  return dir;
}

/** The environment of the apps' tools: no telemetry, no update checks, no colours to parse around. */
export function appEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NO_UPDATE_NOTIFIER: '1',
    npm_config_update_notifier: 'false',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  };
  // Vitest's own settings must not leak into the apps' tools (next build, vite).
  delete env.VITEST;
  delete env.VITEST_MODE;
  delete env.NODE_ENV;
  return env;
}

/**
 * `npm install` in an app dir (extra arguments add packages); resolves with the time it took
 * (ms). A warning about peer dependencies or about Parley (say, React outside its peer range)
 * fails it: that is what a user would trip over first.
 */
export async function npmInstall(dir: string, extra: readonly string[] = []): Promise<number> {
  const { ms, output } = await runOk('npm', [...NPM_INSTALL, ...extra], { cwd: dir, env: appEnv(), timeoutMs: INSTALL_TIMEOUT_MS });
  const warnings = output.split('\n').filter((line) => /^npm warn/i.test(line) && /ERESOLVE|peer|parley/i.test(line));
  if (warnings.length) throw new Error(`npm install in ${path.basename(dir)} warned:\n${warnings.join('\n')}`);
  return ms;
}

/** The path of a tool's entry inside an installed app (run with `node`, no npx). */
export function binIn(dir: string, ...segments: string[]): string {
  return path.join(dir, 'node_modules', ...segments);
}

/** Removes every temp dir made here, unless PARLEY_KEEP_CONSUMERS=1 (then says where they are). */
export function removeApps(): void {
  if (process.env.PARLEY_KEEP_CONSUMERS === '1') {
    console.log(`Consumer apps kept in:\n${made.join('\n')}`);
    return;
  }
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * `next build` under a CI variable warns that the app has no build cache: a fact about the
 * CI machine's caching, not about the package. Only that line goes; any other warning stays.
 */
export function withoutCiNotices(output: string): string {
  return output
    .split('\n')
    .filter((line) => !/No build cache found/.test(line))
    .join('\n');
}
