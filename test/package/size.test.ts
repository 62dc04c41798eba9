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
  // The budget is 30 kB and is NOT met yet (README "Sizes" says so; `npm run size` reports it
  // as FAIL). Until it is, this holds the line where it stands: the everyday chat may not grow.
  it('the everyday chat does not grow past today\'s 34.5 kB (its budget, 30 kB, is not met yet)', () => {
    const r = results.everyday!;
    expect(r.budgetKb).toBe(30);
    expect(r.measuredKb, `${r.label}: ${r.measuredKb.toFixed(1)} kB`).toBeLessThanOrEqual(34.5);
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
