/**
 * WCAG 2.2 AA for every theme in src/theme/tokens.css: 4.5:1 for text,
 * 3:1 for focus rings, control outlines and presence dots. Parses the CSS so
 * a changed colour fails here before it fails an axe check in a story.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// Read from disk: Vitest stubs CSS imports (even `?raw`) to empty strings.
// A path string, not `new URL(…)`: under jsdom `URL` is not Node's.
const here = path.dirname(fileURLToPath(import.meta.url));
const css = readFileSync(path.join(here, '../../src/theme/tokens.css'), 'utf8');

type Tokens = Record<string, string>;

/** Every `:where(…) { … }` block whose body declares tokens, keyed by its selector. */
function parseBlocks(source: string): { selector: string; tokens: Tokens }[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '');
  const blocks: { selector: string; tokens: Tokens }[] = [];
  for (const match of withoutComments.matchAll(/(:where\([^{]*?\))\s*\{([^{}]*)\}/g)) {
    const tokens: Tokens = {};
    for (const decl of (match[2] ?? '').matchAll(/(--parley-[\w-]+)\s*:\s*([^;]+);/g)) {
      tokens[decl[1]!] = decl[2]!.trim();
    }
    if (Object.keys(tokens).length > 0) blocks.push({ selector: match[1]!, tokens });
  }
  return blocks;
}

const blocks = parseBlocks(css);
const block = (needle: string): Tokens => {
  const found = blocks.find((b) => b.selector.includes(needle));
  if (!found) throw new Error(`No token block for ${needle}`);
  return found.tokens;
};

const light = block(':root');
/** A theme is the light tokens with its own block on top (the theme root matches both). */
const themes: Record<string, Tokens> = {
  light,
  dark: { ...light, ...block("[data-theme='dark']") },
  'auto (prefers dark)': { ...light, ...block("[data-theme='auto']") },
  brand: { ...light, ...block("[data-theme='brand']") },
};

function resolve(tokens: Tokens, name: string, seen: string[] = []): string {
  const value = tokens[`--parley-${name}`];
  if (value === undefined) throw new Error(`Missing token --parley-${name}`);
  const ref = /^var\((--parley-[\w-]+)\)$/.exec(value);
  if (ref) {
    const next = ref[1]!.slice('--parley-'.length);
    if (seen.includes(next)) throw new Error(`Cycle through --parley-${next}`);
    return resolve(tokens, next, [...seen, next]);
  }
  if (!/^#[0-9a-f]{6}$/i.test(value)) throw new Error(`--parley-${name} must be a 6-digit hex colour, got ${value}`);
  return value;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = 4.5;
const UI = 3;
const surfaces = ['bg', 'surface', 'surface-hover', 'surface-selected', 'field-bg'];

/** [foreground, background, minimum ratio] */
const pairs: [string, string, number][] = [
  ...surfaces.map((s): [string, string, number] => ['color-text', `color-${s}`, TEXT]),
  ...surfaces.map((s): [string, string, number] => ['color-text-secondary', `color-${s}`, TEXT]),
  ['color-link', 'color-bg', TEXT],
  ['color-link', 'color-surface', TEXT],
  ['color-bubble-own-text', 'color-bubble-own-bg', TEXT],
  ['color-bubble-own-secondary', 'color-bubble-own-bg', TEXT],
  ['color-bubble-own-link', 'color-bubble-own-bg', TEXT],
  ['color-bubble-other-text', 'color-bubble-other-bg', TEXT],
  ['color-bubble-other-secondary', 'color-bubble-other-bg', TEXT],
  ['color-bubble-other-link', 'color-bubble-other-bg', TEXT],
  ['color-badge-text', 'color-badge-bg', TEXT],
  ['color-accent-text', 'color-accent', TEXT],
  ['color-accent-text', 'color-accent-hover', TEXT],
  ['color-danger', 'color-bg', TEXT],
  ['color-danger', 'color-surface', TEXT],
  ['color-danger', 'color-danger-bg', TEXT],
  ['color-warning-text', 'color-warning-bg', TEXT],
  ['color-avatar-text', 'color-avatar-bg', TEXT],
  ...['bg', 'surface', 'surface-hover', 'surface-selected', 'field-bg'].map(
    (s): [string, string, number] => ['color-focus-ring', `color-${s}`, UI],
  ),
  ['color-border-strong', 'color-field-bg', UI],
  ['color-border-strong', 'color-surface', UI],
  ['color-border-strong', 'color-bg', UI],
  ['color-accent', 'color-surface', UI],
  // The "read" ticks beside an own message, on the list background.
  ['color-accent', 'color-bg', UI],
  // A reaction chip the user has pressed: accent outline on the selected surface.
  ['color-accent', 'color-surface-selected', UI],
  // The focus ring of the editor's buttons inside an own bubble.
  ['color-bubble-own-text', 'color-bubble-own-bg', UI],
  ['color-presence-online', 'color-surface', UI],
  ['color-presence-offline', 'color-surface', UI],
  ['color-success', 'color-surface', UI],
];

describe.each(Object.entries(themes))('%s theme', (_name, tokens) => {
  test.each(pairs)('%s on %s ≥ %d:1', (fg, bg, min) => {
    const ratio = contrast(resolve(tokens, fg), resolve(tokens, bg));
    expect(ratio, `${fg} on ${bg} is ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(min);
  });
});

test('the auto theme under prefers-color-scheme: dark is exactly the dark theme', () => {
  expect(block("[data-theme='auto']")).toEqual(block("[data-theme='dark']"));
});

test('every theme defines only tokens the light theme defines (no typos)', () => {
  for (const needle of ["[data-theme='dark']", "[data-theme='brand']"]) {
    for (const name of Object.keys(block(needle))) expect(light, `${needle} ${name}`).toHaveProperty([name]);
  }
});
