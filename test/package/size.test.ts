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
  // FAIL). Until it is, this holds the line where it stands. The line has moved three times, each
  // time for growth that was meant and is in README: 34.5 → 36.5 kB with the headless layer
  // (useMessageList and the list's parts, the core selectors, the client as a connection
  // machine, commands and push handlers: +2.1 kB), 36.5 → 37.5 kB with the trust fixes
  // (names, previews and file names isolated for direction, signed file URLs fetched per viewer,
  // the outbox waiting out a server's rate limit: +0.8 kB), and 37.5 → 42.5 kB with
  // conversations with depth (threads kept by the sync engine as a second stream, the client's
  // thread, pin, forward and search commands and the protocol's new fields, the list reading a
  // conversation or a thread, the reply target, quote and thread summary wiring, the pinned bar's
  // and search's shells, their strings: +4.6 kB; the parts themselves load on demand), and
  // 42.5 → 45.5 kB with rich text (the mention picker's query and keyboard state in the input,
  // the mention badge and counts, Ctrl+B/I/E, the bubble choosing plain or formatted text, the
  // link finder now shared, removePreview and the preview field: +2.7 kB; the formatter, the
  // mention listbox and the link preview card load on demand).
  it('the everyday chat does not grow past today\'s 45.5 kB (its budget, 30 kB, is not met)', () => {
    const r = results.everyday!;
    expect(r.budgetKb).toBe(30);
    expect(r.measuredKb, `${r.label}: ${r.measuredKb.toFixed(1)} kB`).toBeLessThanOrEqual(45.5);
  });
  // The budget is 45 kB and is NOT met since conversations with depth (README "Sizes"; `npm run
  // size` reports it as FAIL): 43.4 kB before, 50.7 kB after (Thread, the Chat's thread pane,
  // search panel and pinned bar, the depth client and strings at start), 53.6 kB with rich text
  // (the everyday chat's +2.7 kB, and parley/core's LinkPreviewSchema, firstLink and
  // selectMentionCount). Until it is met, this holds the line where it stands.
  it('everything parley and parley/core export does not grow past today\'s 54 kB at start (its budget, 45 kB, is not met)', () => {
    const r = results.all!;
    expect(r.budgetKb).toBe(45);
    expect(r.measuredKb, `${r.label}: ${r.measuredKb.toFixed(1)} kB`).toBeLessThanOrEqual(54);
  });
  it('parley/socketio adds at most 15 kB', () => within('socketio'));
  it('MessageInput alone pulls in neither the virtualizer nor socket.io', () => {
    expect(results.inputOnly!.pulledIn).toEqual([]);
    // The measurement sees packages at all (a positive control for the check above).
    expect([...results.everyday!.packages.keys()]).toContain('@tanstack/virtual-core');
    expect([...results.socketio!.packages.keys()]).toContain('socket.io-client');
  });
});
