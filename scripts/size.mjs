// Bundle size against the budgets in DESIGN.md: `parley` + `parley/core` with their
// dependencies, minified and gzipped, React external (≤ 30 kB), and the same with
// `parley/socketio` (≤ 45 kB). Catalogs other than English are not counted.
// Uses esbuild (installed with Vite); prints the biggest inputs so a regression has a name.
// Exits non-zero when a budget is exceeded.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Catalog entry points (`parley/locales/*`): never part of the measured bundles. */
const { exports: packageExports } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const catalogFiles = Object.entries(packageExports)
  .filter(([entry]) => entry.startsWith('./locales/'))
  .map(([, file]) => file.replace(/^\.\//, ''));
const budgets = [
  { name: 'parley + parley/core', entries: ['src/react/index.ts', 'src/core/index.ts'], limitKb: 30 },
  {
    name: 'parley + parley/core + parley/socketio',
    entries: ['src/react/index.ts', 'src/core/index.ts', 'src/transports/socketio.ts'],
    limitKb: 45,
  },
];

let failed = false;
for (const { name, entries, limitKb } of budgets) {
  const result = await build({
    stdin: {
      contents: entries.map((e, i) => `export * as e${i} from './${e}';`).join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    loader: { '.css': 'empty' },
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const kb = gzipSync(code, { level: 9 }).length / 1000;
  const ok = kb <= limitKb;
  failed ||= !ok;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${kb.toFixed(1)} kB min+gzip (budget ${limitKb} kB, ${(code.length / 1000).toFixed(1)} kB minified)`);
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  const strayCatalogs = catalogFiles.filter((file) => file in inputs);
  if (strayCatalogs.length > 0) {
    failed = true;
    console.log(`FAIL  ${name}: includes ${strayCatalogs.join(', ')}, which must stay a separate entry point`);
  }
  const byPackage = new Map();
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = m ? m[1] : 'parley source';
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  for (const [key, bytes] of [...byPackage].sort((a, b) => b[1] - a[1])) {
    console.log(`        ${(bytes / 1000).toFixed(1).padStart(6)} kB minified  ${key}`);
  }
}
process.exit(failed ? 1 : 0);
