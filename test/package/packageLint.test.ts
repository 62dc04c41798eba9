// @vitest-environment node
/**
 * The published package, as a consumer's tools see it: publint (exports, files, fields)
 * and Are the Types Wrong (every entry's types resolve under bundler and node16 ESM
 * resolution). The package is ESM only, so attw's esm-only profile; `styles.css` has no types.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { publint } from 'publint';
import { describe, expect, it } from 'vitest';
import { packedTarball } from './packedTarball';

const require = createRequire(import.meta.url);
// Packing and linting spawn npm and read the whole tarball: seconds, more on a busy machine.
const PACK_TIMEOUT_MS = 120_000;

describe('the packed package', { timeout: PACK_TIMEOUT_MS }, () => {
  it('holds what a consumer needs and nothing else', () => {
    const { files } = packedTarball();
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(files).toContain('CHANGELOG.md');
    expect(files).toContain('dist/react/index.js');
    expect(files).toContain('dist/react/index.d.ts');
    expect(files).toContain('dist/styles.css');
    const outside = files.filter((f) => !/^(dist\/|docs\/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/.test(f));
    expect(outside).toEqual([]);
    expect(files.filter((f) => /(^|\/)(test|stories|bench|\.ci|\.storybook)\//.test(f) || f.endsWith('.map'))).toEqual([]);
  });

  it('publint finds no problem, not even a suggestion', async () => {
    // publint packs the package itself (lifecycle scripts skipped: dist/ is built already).
    const { messages } = await publint({ pkgDir: process.cwd(), pack: 'npm', strict: true });
    expect(messages.map((m) => `${m.type}: ${m.code} ${JSON.stringify(m.args)}`)).toEqual([]);
  });

  it('Are the Types Wrong finds no problem for any entry point', () => {
    const cli = path.join(path.dirname(require.resolve('@arethetypeswrong/cli/package.json')), 'dist', 'index.js');
    const run = () =>
      execFileSync(process.execPath, [cli, packedTarball().file, '--profile', 'esm-only', '--exclude-entrypoints', './styles.css', '--format', 'json'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    // The exit code applies the profile (CommonJS `require` is not offered: ESM only).
    let failure: { stdout?: string } | undefined;
    try {
      run();
    } catch (error) {
      failure = error as { stdout?: string };
    }
    const report = failure ? (JSON.parse(failure.stdout ?? '{}') as { problems?: { kind: string; entrypoint?: string; resolutionKind?: string }[] }) : {};
    const problems = (report.problems ?? []).filter((p) => p.resolutionKind !== 'node16-cjs');
    expect(problems, 'attw problems').toEqual([]);
    expect(failure, 'attw exit code').toBeUndefined();
  });
});
