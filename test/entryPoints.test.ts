// @vitest-environment node
/**
 * The package's entry points are declared three times (package.json `exports` for users,
 * the Vite aliases for tests and stories, tsconfig `paths` for types); a mismatch means a
 * user import that works in our tests but not in their app, or the reverse.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARLEY_ENTRIES } from '../scripts/aliases.mjs';

// Vitest runs from the repository root.
const at = (file: string) => path.resolve(process.cwd(), file);
const read = (file: string) => readFileSync(at(file), 'utf8');
const pkg = JSON.parse(read('package.json')) as { name: string; exports: Record<string, string> };
// tsconfig.json is JSON without comments here.
const tsconfig = JSON.parse(read('tsconfig.json')) as { compilerOptions: { paths: Record<string, string[]> } };
const strip = (path: string) => path.replace(/^\.\//, '');
const specifier = (key: string) => (key === '.' ? pkg.name : `${pkg.name}/${strip(key)}`);

describe('entry points', () => {
  it('every package export exists and has the same file in the test aliases', () => {
    for (const [key, file] of Object.entries(pkg.exports)) {
      expect(existsSync(at(strip(file))), file).toBe(true);
      expect(PARLEY_ENTRIES[specifier(key) as keyof typeof PARLEY_ENTRIES], key).toBe(strip(file));
    }
    expect(Object.keys(PARLEY_ENTRIES).sort()).toEqual(Object.keys(pkg.exports).map(specifier).sort());
  });

  it('every TypeScript entry has a tsconfig path to the same file', () => {
    const tsEntries = Object.entries(pkg.exports).filter(([, file]) => file.endsWith('.ts'));
    for (const [key, file] of tsEntries) expect(tsconfig.compilerOptions.paths[specifier(key)], key).toEqual([file]);
    expect(Object.keys(tsconfig.compilerOptions.paths).sort()).toEqual(tsEntries.map(([key]) => specifier(key)).sort());
  });

  it('catalogs other than English are entry points of their own, outside `parley`', () => {
    expect(pkg.exports['./locales/ar']).toBe('./src/i18n/ar.ts');
    expect(read('src/react/index.ts')).not.toMatch(/i18n\/ar/);
    expect(read('src/core/index.ts')).not.toMatch(/i18n\/ar/);
  });
});
