#!/usr/bin/env node
// `npm run size`: the built package's bundle sizes against the budgets (min+gzip, React
// external, what loads at start; lazily loaded chunks shown apart). Builds dist/ first
// unless --no-build. Exits non-zero when a budget fails. Measured by scripts/bundleSize.mjs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { measureAll } from './bundleSize.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!process.argv.includes('--no-build')) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const results = await measureAll();
if (process.argv.includes('--markdown')) {
  // The table README's "Sizes" section shows.
  console.log('| what you import | min+gzip at start | budget | loaded lazily |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of Object.values(results)) {
    const budget = r.budgetKb !== undefined ? `≤ ${r.budgetKb} kB` : r.forbidden ? 'no virtualizer, no socket.io' : '';
    const size = `${r.adds ? '+ ' : ''}${r.measuredKb.toFixed(1)} kB`;
    console.log(`| ${r.label} | ${size} | ${budget} | ${r.lazyKb > 0 ? `${r.lazyKb.toFixed(1)} kB` : '—'} |`);
  }
  const css = gzipSync(readFileSync(new URL('../dist/styles.css', import.meta.url)), { level: 9 }).length / 1000;
  console.log(`| parley/styles.css | ${css.toFixed(1)} kB | | — |`);
  process.exit(0);
}
let failed = false;
for (const r of Object.values(results)) {
  failed ||= !r.ok;
  const verdict = r.budgetKb !== undefined || r.forbidden ? (r.ok ? 'PASS' : 'FAIL') : '    ';
  const budget = r.budgetKb !== undefined ? ` (budget ${r.budgetKb} kB)` : '';
  const lazy = r.lazyKb > 0 ? `, ${r.lazyKb.toFixed(1)} kB more loaded lazily` : '';
  console.log(`${verdict}  ${r.measuredKb.toFixed(1).padStart(5)} kB${r.adds ? ' added' : ''}  ${r.label}${budget}${lazy}`);
  if (r.pulledIn.length > 0) console.log(`      pulls in ${r.pulledIn.join(', ')}, which it must not`);
  if (process.argv.includes('-v')) {
    for (const [name, bytes] of [...r.packages].sort((a, b) => b[1] - a[1])) console.log(`        ${(bytes / 1000).toFixed(1).padStart(6)} kB minified  ${name}`);
  }
}
process.exit(failed ? 1 : 0);
