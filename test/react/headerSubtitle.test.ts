import { expect, test } from 'vitest';
import { ar } from 'parley/locales/ar';
import { en } from '../../src/i18n/en';
import { headerSubtitle } from '../../src/react/components/ConversationHeader/headerSubtitle';

const base = { memberCount: 6, online: undefined, typists: [] as string[] };

test('a group shows its member count, in the plural the count needs', () => {
  expect(headerSubtitle(en, { ...base, kind: 'group' })).toBe('6 members');
  expect(headerSubtitle(en, { ...base, kind: 'group', memberCount: 1 })).toBe('1 member');
});

test("a direct chat shows the other person's presence, or nothing when it is unknown", () => {
  expect(headerSubtitle(en, { ...base, kind: 'direct', online: true })).toBe('Online');
  expect(headerSubtitle(en, { ...base, kind: 'direct', online: false })).toBe('Offline');
  expect(headerSubtitle(en, { ...base, kind: 'direct' })).toBe('');
});

test('a bot chat and an unknown conversation have no subtitle', () => {
  expect(headerSubtitle(en, { ...base, kind: 'bot', online: true })).toBe('');
  expect(headerSubtitle(en, { ...base, kind: undefined })).toBe('');
});

test('who is typing comes first, in every kind of conversation', () => {
  expect(headerSubtitle(en, { ...base, kind: 'group', typists: ['Bob'] })).toBe('Bob is typing…');
  expect(headerSubtitle(en, { ...base, kind: 'direct', online: true, typists: ['Bob'] })).toBe('Bob is typing…');
  expect(headerSubtitle(en, { ...base, kind: 'bot', typists: ['Parley Bot'] })).toBe('Parley Bot is typing…');
});

test('uses the catalog and its numbers', () => {
  expect(headerSubtitle(ar, { ...base, kind: 'group' })).toBe(`الأعضاء: ${new Intl.NumberFormat('ar').format(6)}`);
  expect(headerSubtitle(ar, { ...base, kind: 'group', memberCount: 1 })).toBe('عضو واحد');
  expect(headerSubtitle(ar, { ...base, kind: 'direct', online: true })).toBe('متصل');
});
