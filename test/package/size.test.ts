// @vitest-environment node
/**
 * The bundle budgets, measured on the built package (dist/) as an app's bundler ships
 * it: min+gzip, React external, what loads at start (lazily loaded chunks apart).
 * `npm run size -- -v` prints the same figures with the largest inputs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { measureAll, type Measured } from '../../scripts/bundleSize.mjs';

let results: Record<string, Measured>;
// Seven esbuild bundles of the package: a few seconds, longer on a busy machine.
beforeAll(async () => {
  results = await measureAll();
}, 120_000);

const within = (name: string) => {
  const r = results[name]!;
  expect(r.measuredKb, `${r.label}: ${r.measuredKb.toFixed(1)} kB`).toBeLessThanOrEqual(r.budgetKb!);
};

describe('bundle budgets of the built package', () => {
  // The budget is 30 kB and is NOT met (README "Sizes" says so; `npm run size` reports it as
  // FAIL). Until it is, this holds the line where it stands. The line has moved twice, each time
  // for growth that was meant and is in README: 34.5 → 36.5 kB with the headless layer
  // (useMessageList and the list's parts, the core selectors, the client as a connection
  // machine, commands and push handlers: +2.1 kB), and 36.5 → 37.5 kB with the trust fixes
  // (names, previews and file names isolated for direction, signed file URLs fetched per viewer,
  // the outbox waiting out a server's rate limit: +0.8 kB).
  it('the everyday chat does not grow past today\'s 37.5 kB (its budget, 30 kB, is not met)', () => {
    const r = results.everyday!;
    expect(r.budgetKb).toBe(30);
    expect(r.measuredKb, `${r.label}: ${r.measuredKb.toFixed(1)} kB`).toBeLessThanOrEqual(37.5);
  });
  it('everything parley and parley/core export is at most 45 kB at start', () => within('all'));
  it('parley/socketio adds at most 15 kB', () => within('socketio'));
  it('MessageInput alone pulls in neither the virtualizer nor socket.io', () => {
    expect(results.inputOnly!.pulledIn).toEqual([]);
    // The measurement sees packages at all (a positive control for the check above).
    expect([...results.everyday!.packages.keys()]).toContain('@tanstack/virtual-core');
    expect([...results.socketio!.packages.keys()]).toContain('socket.io-client');
  });
});
