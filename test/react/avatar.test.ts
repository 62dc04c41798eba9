import { describe, expect, test } from 'vitest';
import { getInitials, readableTextColor } from '../../src/react/components/Avatar/initials';

describe('getInitials', () => {
  test.each([
    ['Alice Smith', 'AS'],
    ['bob', 'B'],
    ['  carol   de la   Cruz ', 'CC'],
    ['Jean-Luc Picard', 'JP'],
    ['mary_ann', 'MA'],
    ['Support Bot (beta)', 'SB'],
    ['أحمد علي', 'أع'],
    ['Émile Zola', 'ÉZ'],
    ['🦊 Fox', 'F'],
    ['🦊', '🦊'],
    ['', '?'],
    ['   ', '?'],
  ])('%j → %j', (name, expected) => {
    expect(getInitials(name)).toBe(expected);
  });

  test('keeps a combining sequence whole', () => {
    expect(getInitials('e\u0301va')).toBe('E\u0301');
  });

  test('upper-cases by the locale', () => {
    expect(getInitials('ilker', 'tr')).toBe('İ');
  });
});

describe('readableTextColor', () => {
  test.each([
    ['#ffffff', '#000000'],
    ['#000000', '#ffffff'],
    ['#2457c5', '#ffffff'],
    ['#ffd54f', '#000000'],
    ['#fff', '#000000'],
    ['#777777', '#000000'],
  ])('on %s → %s', (bg, fg) => {
    expect(readableTextColor(bg)).toBe(fg);
  });

  test('undefined for colours it cannot judge (the theme tokens apply instead)', () => {
    expect(readableTextColor('rebeccapurple')).toBeUndefined();
    expect(readableTextColor('rgb(0 0 0)')).toBeUndefined();
  });
});
