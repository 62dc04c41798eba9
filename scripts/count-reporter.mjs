// Tiny Vitest reporter that counts test results across every project.
// scripts/test.mjs adds it next to the default reporter and prints the final
// `N passed, N failed` line after Vitest has exited, so nothing else can print
// after it.
//
// "failed" counts failed tests, plus one for every test file that failed
// without a failing test (e.g. it did not import, or a beforeAll threw), plus
// one for every unhandled error; so an error outside a test is never hidden.
import { writeFileSync } from 'node:fs';

/** @implements {import('vitest/node').Reporter} */
export default class CountReporter {
  /**
   * @param {ReadonlyArray<import('vitest/node').TestModule>} testModules
   * @param {ReadonlyArray<unknown>} unhandledErrors
   * @param {string} reason
   */
  onTestRunEnd(testModules, unhandledErrors, reason) {
    const counts = { passed: 0, failed: 0, skipped: 0, fileErrors: 0, unhandledErrors: unhandledErrors.length, reason };
    for (const mod of testModules) {
      let failedInModule = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') { counts.failed++; failedInModule++; }
        else counts.skipped++; // skipped, todo, or never run (pending)
      }
      if (mod.state() === 'failed' && failedInModule === 0) counts.fileErrors++;
    }
    const out = process.env.PARLEY_TEST_SUMMARY;
    if (out) writeFileSync(out, JSON.stringify(counts));
    else {
      const details = formatDetails(counts);
      if (details) console.log(details);
      console.log(formatSummary(counts));
    }
  }
}

/**
 * Failures of any kind: failed tests, files failing outside a test, unhandled errors,
 * and `other` (failures outside Vitest's run, e.g. the type check; set by scripts/test.mjs).
 * @param {{ failed: number, fileErrors: number, unhandledErrors: number, other?: number }} c
 */
export function totalFailed(c) {
  return c.failed + c.fileErrors + c.unhandledErrors + (c.other ?? 0);
}

/**
 * The final line, exactly `N passed, N failed`.
 * @param {{ passed: number, failed: number, fileErrors: number, unhandledErrors: number, other?: number }} c
 */
export function formatSummary(c) {
  return `${c.passed} passed, ${totalFailed(c)} failed`;
}

/**
 * What the final line does not say (skips, errors outside tests), or '' when there is nothing.
 * @param {{ skipped: number, fileErrors: number, unhandledErrors: number }} c
 */
export function formatDetails(c) {
  const parts = [];
  if (c.skipped) parts.push(`${c.skipped} skipped or todo`);
  if (c.fileErrors) parts.push(`${c.fileErrors} test file(s) failed outside a test (counted as failed)`);
  if (c.unhandledErrors) parts.push(`${c.unhandledErrors} unhandled error(s) (counted as failed)`);
  return parts.length ? `(${parts.join('; ')})` : '';
}
