/** Pure helpers behind the initials avatar (no React, unit-tested). */

const segmenter: Intl.Segmenter | undefined =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

/** The first user-perceived character, so an emoji or an accented letter is never cut in half. */
function firstGrapheme(word: string): string {
  if (segmenter) {
    for (const { segment } of segmenter.segment(word)) return segment;
    return '';
  }
  return Array.from(word)[0] ?? '';
}

/**
 * Up to two initials from a display name: "Alice Smith" → "AS", "bob" → "B",
 * "Jean-Luc Picard" → "JP", "أحمد علي" → "أع". Words that start with neither a
 * letter nor a number (e.g. "(bot)") are skipped unless nothing else is left.
 */
export function getInitials(name: string, locale?: string): string {
  const words = name.trim().split(/[\s\-_.]+/u).filter(Boolean);
  const meaningful = words.filter((w) => /^[\p{L}\p{N}]/u.test(w));
  const chosen = meaningful.length > 0 ? meaningful : words;
  if (chosen.length === 0) return '?';
  const first = chosen[0] ?? '';
  const last = chosen.length > 1 ? (chosen[chosen.length - 1] ?? '') : '';
  const letters = firstGrapheme(first) + (last ? firstGrapheme(last) : '');
  return letters.toLocaleUpperCase(locale);
}

/** sRGB relative luminance of a `#rgb`/`#rrggbb` colour, or undefined for anything else. */
export function luminance(color: string): number | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m?.[1]) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: number, b: number): number {
  const [hi, lo] = a > b ? [a, b] : [b, a];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black or white, whichever reads better on a user's colour. Either one
 * reaches at least 4.58:1 on any opaque colour, so initials on a user-chosen
 * background always pass WCAG AA. Undefined when the colour is not a hex
 * value we can judge; the caller then falls back to the theme's avatar tokens.
 */
export function readableTextColor(background: string): '#000000' | '#ffffff' | undefined {
  const l = luminance(background);
  if (l === undefined) return undefined;
  return contrastRatio(l, 1) >= contrastRatio(l, 0) ? '#ffffff' : '#000000';
}
