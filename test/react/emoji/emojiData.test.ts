import { describe, expect, it } from 'vitest';
import { emojiData } from '../../../src/react/emoji/emojiData';
import { loadEmojiData } from '../../../src/react/emoji/loadEmoji';
import { isReactionEmoji } from '../../../src/core/schemas/reactionEmoji';

describe('emoji data', () => {
  it('loads through the lazy loader, once', async () => {
    const first = await loadEmojiData();
    expect(first).toBe(emojiData);
    expect(await loadEmojiData()).toBe(first);
  });

  it('has the picker categories, without the component group', () => {
    expect(emojiData.groups.map((g) => g.key)).toEqual([
      'smileys-emotion', 'people-body', 'animals-nature', 'food-drink', 'travel-places', 'activities', 'objects', 'symbols', 'flags',
    ]);
    for (const group of emojiData.groups) expect(group.emojis.length).toBeGreaterThan(10);
    expect(emojiData.groups[0]!.emojis[0]!.emoji).toBe('😀');
  });

  it('searches by name, tag and shortcode, ignoring case and diacritics', () => {
    expect(emojiData.search('thumbs').map((e) => e.label)).toEqual(expect.arrayContaining(['thumbs up', 'thumbs down']));
    expect(emojiData.search('THUMBS up')[0]!.emoji).toBe('👍');
    expect(emojiData.search('tada')[0]!.emoji).toBe('🎉');
    expect(emojiData.search('like').map((e) => e.emoji)).toContain('👍');
    expect(emojiData.search('piñata').map((e) => e.emoji)).toContain('🪅');
    expect(emojiData.search('pinata').map((e) => e.emoji)).toContain('🪅');
    expect(emojiData.search('   ')).toEqual([]);
    expect(emojiData.search('zzqx')).toEqual([]);
  });

  it('looks shortcodes up with or without colons', () => {
    expect(emojiData.byShortcode(':+1:')?.emoji).toBe('👍');
    expect(emojiData.byShortcode(':thumbsup:')?.emoji).toBe('👍');
    expect(emojiData.byShortcode('tada')?.emoji).toBe('🎉');
    expect(emojiData.byShortcode(':nope-not-one:')).toBeUndefined();
    expect(emojiData.shortcodeMatches('tada')[0]).toEqual({ emoji: expect.objectContaining({ emoji: '🎉' }), shortcode: 'tada' });
    expect(emojiData.shortcodeMatches('th').length).toBeLessThanOrEqual(8);
  });

  it('offers five skin tones where the emoji has them, and finds a variant', () => {
    const thumbs = emojiData.byShortcode('+1')!;
    expect(thumbs.skins).toEqual(['👍🏻', '👍🏼', '👍🏽', '👍🏾', '👍🏿']);
    expect(emojiData.byShortcode('tada')!.skins).toBeUndefined();
    expect(emojiData.find('👍🏽')).toBe(thumbs);
    expect(emojiData.find('👍️')).toBe(thumbs);
  });

  it('gives the characters the quick reactions use, each one the server accepts', () => {
    expect(emojiData.find('❤️')?.label).toBe('red heart');
    for (const group of emojiData.groups) for (const e of group.emojis) expect(isReactionEmoji(e.emoji), `${e.label} ${e.emoji}`).toBe(true);
  });
});
