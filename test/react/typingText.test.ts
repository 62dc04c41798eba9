import { expect, test } from 'vitest';
import { ar } from 'parley/locales/ar';
import { en } from '../../src/i18n/en';
import { typingText } from '../../src/react/components/TypingIndicator/typingText';

test.each([
  [[], ''],
  [['Bob'], 'Bob is typing…'],
  [['Bob', 'Carol'], 'Bob and Carol are typing…'],
  [['Bob', 'Carol', 'Dave'], 'Bob and 2 others are typing…'],
  [['Bob', 'Carol', 'Dave', 'Erin'], 'Bob and 3 others are typing…'],
])('%j → %j', (names, expected) => {
  expect(typingText(en, names)).toBe(expected);
});

test('uses the catalog and its number format', () => {
  expect(typingText(ar, ['بوب'])).toBe('بوب يكتب…');
  expect(typingText(ar, ['بوب', 'كارول', 'داف', 'إيرين'])).toContain(new Intl.NumberFormat('ar').format(3));
});
