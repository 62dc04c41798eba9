import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_RECENT, recentEmoji, rememberEmoji, rememberSkinTone, skinTone } from '../../../src/react/emoji/emojiPrefs';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('emoji prefs', () => {
  it('keeps recently used emoji per user, newest first, without repeats, capped', () => {
    rememberEmoji('alice', '👍');
    rememberEmoji('alice', '🎉');
    rememberEmoji('alice', '👍');
    expect(recentEmoji('alice')).toEqual(['👍', '🎉']);
    expect(recentEmoji('bob')).toEqual([]);
    for (let i = 0; i < MAX_RECENT + 5; i++) rememberEmoji('alice', String.fromCodePoint(0x1f600 + i));
    expect(recentEmoji('alice')).toHaveLength(MAX_RECENT);
  });

  it('remembers the skin tone per user', () => {
    expect(skinTone('alice')).toBe(0);
    rememberSkinTone('alice', 3);
    expect(skinTone('alice')).toBe(3);
    expect(skinTone('bob')).toBe(0);
  });

  it('ignores garbage in storage', () => {
    localStorage.setItem('parley:emoji-recent:alice', '{not json');
    localStorage.setItem('parley:emoji-tone:alice', '"9"');
    expect(recentEmoji('alice')).toEqual([]);
    expect(skinTone('alice')).toBe(0);
    localStorage.setItem('parley:emoji-recent:alice', JSON.stringify(['👍', 5, null, 'x'.repeat(99)]));
    expect(recentEmoji('alice')).toEqual(['👍']);
    localStorage.setItem('parley:emoji-tone:alice', '7');
    expect(skinTone('alice')).toBe(0);
  });

  it('survives a full quota and a missing or throwing localStorage', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(rememberEmoji('alice', '👍')).toEqual(['👍']);
    expect(() => rememberSkinTone('alice', 2)).not.toThrow();
    vi.stubGlobal('localStorage', undefined);
    expect(recentEmoji('alice')).toEqual([]);
    expect(() => rememberEmoji('alice', '👍')).not.toThrow();
    vi.unstubAllGlobals();
    const own = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    Object.defineProperty(window, 'localStorage', { configurable: true, get: () => { throw new DOMException('denied', 'SecurityError'); } });
    try {
      expect(skinTone('alice')).toBe(0);
      expect(() => rememberSkinTone('alice', 1)).not.toThrow();
    } finally {
      Object.defineProperty(window, 'localStorage', own);
    }
  });
});
