// @vitest-environment node
/**
 * The package's entry points are declared four times: package.json `exports` (the built
 * files users get), the Vite aliases (the sources tests and stories import), tsconfig
 * `paths` (types while developing) and `typesVersions` (types for old resolvers). A
 * mismatch means an import that works in our tests but not in a user's app, or the reverse.
 * `npm test` builds dist/ first, so the built files are checked too.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFile, PARLEY_ENTRIES } from '../scripts/aliases.mjs';

// Vitest runs from the repository root.
const at = (file: string) => path.resolve(process.cwd(), file);
const read = (file: string) => readFileSync(at(file), 'utf8');
type Conditions = { types: string; import?: string; default?: string };
const runtimeFile = (c: Conditions) => c.import ?? c.default ?? '';
const pkg = JSON.parse(read('package.json')) as {
  name: string;
  exports: Record<string, string | Conditions>;
  typesVersions: Record<string, Record<string, string[]>>;
  sideEffects: string[];
};
// tsconfig.json is JSON without comments here.
const tsconfig = JSON.parse(read('tsconfig.json')) as { compilerOptions: { paths: Record<string, string[]> } };
const strip = (p: string) => p.replace(/^\.\//, '');
const specifier = (key: string) => (key === '.' ? pkg.name : `${pkg.name}/${strip(key)}`);
const entryExports = Object.entries(pkg.exports).filter(([key]) => key !== './package.json');

describe('entry points', () => {
  it('every package export has a source in the test aliases, and points at that source built', () => {
    for (const [key, target] of entryExports) {
      const source = (PARLEY_ENTRIES as Record<string, string | undefined>)[specifier(key)];
      if (source === undefined) throw new Error(`${key} has no source in scripts/aliases.mjs`);
      expect(existsSync(at(source)), source).toBe(true);
      // The same mapping the browser-dist test project resolves the entries with.
      const runtime = builtFile(source);
      const types = source.endsWith('.css') ? `${runtime}.d.ts` : runtime.replace(/\.js$/, '.d.ts');
      if (typeof target === 'string') expect(strip(target), key).toBe(runtime);
      else expect([strip(runtimeFile(target)), strip(target.types)], key).toEqual([runtime, types]);
    }
    expect(Object.keys(PARLEY_ENTRIES).sort()).toEqual(entryExports.map(([key]) => specifier(key)).sort());
  });

  it('the built files exist: JavaScript, declarations, styles', () => {
    for (const [key, target] of entryExports) {
      for (const file of typeof target === 'string' ? [target] : [runtimeFile(target), target.types]) {
        expect(existsSync(at(strip(file))), `${key}: ${file} (run npm run build)`).toBe(true);
      }
    }
  });

  it('every TypeScript entry has a tsconfig path to its source and a typesVersions path to its declarations', () => {
    const tsEntries = entryExports.filter(([key, target]) => typeof target !== 'string' && key !== './styles.css') as [string, Conditions][];
    for (const [key, target] of tsEntries) {
      expect(tsconfig.compilerOptions.paths[specifier(key)], key).toEqual([`./${PARLEY_ENTRIES[specifier(key) as keyof typeof PARLEY_ENTRIES]}`]);
      if (key !== '.') expect(pkg.typesVersions['*']![strip(key)], key).toEqual([target.types]);
    }
    expect(Object.keys(tsconfig.compilerOptions.paths).sort()).toEqual(tsEntries.map(([key]) => specifier(key)).sort());
  });

  it('"use client" is on the built components and hooks, and not on entry files or pure helpers', () => {
    const firstLine = (file: string) => read(file).split('\n', 1)[0];
    expect(firstLine('dist/react/ChatProvider.js')).toBe('"use client";');
    expect(firstLine('dist/react/components/MessageList/MessageList.js')).toBe('"use client";');
    expect(firstLine('dist/react/hooks/useMessages.js')).toBe('"use client";');
    expect(firstLine('dist/react/index.js')).not.toContain('use client');
    expect(firstLine('dist/react/components/MessageBubble/linkify.js')).not.toContain('use client');
    expect(read('dist/core/client.js')).not.toContain('use client');
  });

  it('only the styles have side effects', () => {
    expect(pkg.sideEffects).toEqual(['**/*.css']);
  });

  it('catalogs other than English are entry points of their own, outside `parley`', () => {
    expect(PARLEY_ENTRIES['parley/locales/ar']).toBe('src/i18n/ar.ts');
    expect(read('src/react/index.ts')).not.toMatch(/i18n\/ar/);
    expect(read('src/core/index.ts')).not.toMatch(/i18n\/ar/);
  });
});
