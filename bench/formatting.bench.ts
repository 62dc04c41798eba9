/**
 * Formatting bench: `parseFormatting` on 10 000-character messages against the
 * plain renderer's link finder (`linkify`, what every message paid before
 * formatting) on the same texts in the same run. Budget: ≤ 1 ms median for a
 * 10 000-character message of each kind.
 *
 * Run: `npm run bench -- formatting` (bench/run.mjs bundles it and runs it in Node).
 *
 * Texts, each 10 000 characters (the server's limit): plain prose; prose with
 * marks every few words (bold, italic, strike, code, links, mentions); a message
 * of lists, quotes and fenced code; and hostile text (unclosed and interleaved
 * marks, brackets, backticks), the worst case for a delimiter parser.
 *
 * Timing: ROUNDS rounds, each kind in turn, each round one linkify and PER_ROUND
 * parses, each timed on its own with performance.now(); median and p95 over all
 * rounds after a warm-up.
 */
import { parseFormatting } from '../src/core/text/formatBlocks';
import { createRandom } from '../src/mock-server/random';
import { linkify } from '../src/react/components/MessageBubble/linkify';

const LENGTH = 10_000;
const ROUNDS = 40;
const WARMUP_ROUNDS = 5;
const PER_ROUND = 5;
const BUDGET_MEDIAN_MS = 1;

const random = createRandom('formatting-bench');
const rng = () => random.next();
const WORDS = 'the release notes are live and the login screen is next please pull before you test deploy staging rollback'.split(' ');
const word = () => WORDS[Math.floor(rng() * WORDS.length)]!;
const fill = (piece: () => string) => {
  let out = '';
  while (out.length < LENGTH) out += piece();
  return out.slice(0, LENGTH);
};
const MARKS = [
  () => `*${word()}* `,
  () => `_${word()} ${word()}_ `,
  () => `~${word()}~ `,
  () => `\`${word()}()\` `,
  () => `[${word()}](https://docs.example/${word()}) `,
  () => `https://status.example/${word()}_${word()} `,
  () => '@Alice ',
];

const TEXTS = {
  plain: fill(() => `${word()} `),
  inline: fill(() => (rng() < 0.3 ? MARKS[Math.floor(rng() * MARKS.length)]!() : `${word()} `)),
  blocks: fill(() => {
    const r = rng();
    if (r < 0.3) return `- ${word()} *${word()}*\n`;
    if (r < 0.5) return `> ${word()} _${word()}_\n`;
    if (r < 0.6) return `\`\`\`ts\nconst ${word()} = ${word()}();\n\`\`\`\n`;
    return `${word()} ${word()} ${word()}\n`;
  }),
  hostile: fill(() => ['*', '_', '~', '`', '[', '](', '**', ' *a', '_b ', '```', '> ', '\n- '][Math.floor(rng() * 12)]!),
};
const mentions = [{ userId: 'alice', name: 'Alice' }];

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

const time = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

const results: { kind: string; parse: ReturnType<typeof stats>; linkify: ReturnType<typeof stats>; blocks: number }[] = [];
for (const [kind, text] of Object.entries(TEXTS)) {
  const parseTimes: number[] = [];
  const linkifyTimes: number[] = [];
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const l = time(() => linkify(text));
    const p: number[] = [];
    for (let i = 0; i < PER_ROUND; i++) p.push(time(() => parseFormatting(text, { mentions })));
    if (round < WARMUP_ROUNDS) continue;
    linkifyTimes.push(l);
    parseTimes.push(...p);
  }
  results.push({ kind, parse: stats(parseTimes), linkify: stats(linkifyTimes), blocks: parseFormatting(text, { mentions }).length });
}

console.log(`\nFormatting: parseFormatting vs linkify (plain text's links), ${LENGTH} characters, median / p95 ms, ${ROUNDS}×${PER_ROUND} parses`);
console.log('| text | blocks | parseFormatting | linkify (baseline) | ratio | budget ≤ 1 ms median |');
console.log('| --- | ---: | ---: | ---: | ---: | --- |');
let failed = false;
for (const r of results) {
  const ok = r.parse.median <= BUDGET_MEDIAN_MS;
  failed ||= !ok;
  console.log(
    `| ${r.kind} | ${r.blocks} | ${r.parse.median.toFixed(3)} / ${r.parse.p95.toFixed(3)} | ${r.linkify.median.toFixed(3)} / ${r.linkify.p95.toFixed(3)} | ${(r.parse.median / r.linkify.median).toFixed(1)}× | ${ok ? 'PASS' : 'FAIL'} |`,
  );
}
if (failed) process.exitCode = 1;
