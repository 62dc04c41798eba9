#!/usr/bin/env node
// `npm run size`: the built package's bundle sizes against the budgets (min+gzip, React
// external, what loads at start; lazily loaded chunks shown apart). Builds dist/ first
// unless --no-build. Exits non-zero when a budget fails. Measured by scripts/bundleSize.mjs.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { measureAll } from './bundleSize.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!process.argv.includes('--no-build')) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const results = await measureAll();
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
