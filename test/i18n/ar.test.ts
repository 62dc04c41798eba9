import { expect, test } from 'vitest';
import { ar } from 'parley/locales/ar';
import { en } from '../../src/i18n/en';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const enLeaves = leaves(en as unknown as Tree);
const arLeaves = leaves(ar as unknown as Tree);

test('Arabic is right to left', () => {
  expect(ar.dir).toBe('rtl');
  expect(ar.locale).toBe('ar');
});

test('Arabic has exactly the English keys', () => {
  expect([...arLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
});

test.each([...enLeaves.keys()].filter((k) => k !== 'locale' && k !== 'dir'))('%s: same placeholders, translated', (key) => {
  const source = enLeaves.get(key)!;
  const translated = arLeaves.get(key)!;
  if (key.endsWith('.one')) {
    // The singular may spell the number out ("رسالة واحدة"), dropping {count}, but adds nothing.
    for (const p of placeholders(translated)) expect(placeholders(source)).toContain(p);
  } else {
    expect(placeholders(translated)).toEqual(placeholders(source));
  }
  // Purely placeholder strings ("{name}") need no translation; everything else must differ.
  if (source.replace(/\{\w+\}|[\s:/]/g, '') !== '') expect(translated).not.toBe(source);
});
