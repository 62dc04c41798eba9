#!/usr/bin/env node
// `npm run build`: the package in dist/ — ES modules (vite.lib.config.ts), type
// declarations (tsc, tsconfig.build.json) and dist/styles.css (esbuild, @imports inlined).
//
// Declarations get explicit `.js` extensions on relative imports: under
// `moduleResolution: node16` a consumer's TypeScript resolves nothing without them,
// and the sources are written extensionless for the bundler.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const require = createRequire(import.meta.url);
const started = Date.now();

rmSync(dist, { recursive: true, force: true });

// 1. JavaScript, one file per module.
await viteBuild({ root, configFile: path.join(root, 'vite.lib.config.ts') });

// 2. Styles: one file, tokens and component CSS in order.
await esbuild({
  entryPoints: [path.join(root, 'src/theme/styles.css')],
  outfile: path.join(dist, 'styles.css'),
  bundle: true,
  minify: true,
  logLevel: 'error',
});

// A declaration for the stylesheet, so `import 'parley/styles.css'` type-checks in a plain
// TypeScript project too (bundlers' own CSS declarations cover only their apps).
writeFileSync(path.join(dist, 'styles.css.d.ts'), 'export {};\n');

// 3. Declarations.
const tsc = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('Declarations failed (tsc -p tsconfig.build.json).');
  process.exit(1);
}

/** `./x` → `./x.js`, or `./x/index.js` for a folder; anything else unchanged. */
function withExtension(fromFile, specifier) {
  if (!specifier.startsWith('.') || /\.(js|mjs|cjs|json|css)$/.test(specifier)) return specifier;
  const target = path.resolve(path.dirname(fromFile), specifier);
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`;
  if (existsSync(path.join(target, 'index.d.ts'))) return `${specifier}/index.js`;
  throw new Error(`${path.relative(root, fromFile)}: cannot resolve "${specifier}"`);
}

function* declarationFiles(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) yield* declarationFiles(file);
    else if (name.endsWith('.d.ts')) yield file;
  }
}

let fixed = 0;
for (const file of declarationFiles(dist)) {
  const text = readFileSync(file, 'utf8');
  const next = text
    .replace(/(\bfrom\s+|\bimport\s+)(['"])(\.[^'"]*)\2/g, (_, lead, q, spec) => `${lead}${q}${withExtension(file, spec)}${q}`)
    .replace(/\bimport\((['"])(\.[^'"]*)\1\)/g, (_, q, spec) => `import(${q}${withExtension(file, spec)}${q})`);
  if (next !== text) {
    writeFileSync(file, next);
    fixed++;
  }
}

const files = [...declarationFiles(dist)].length;
console.log(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s (${files} declaration files, ${fixed} with fixed import paths).`);
