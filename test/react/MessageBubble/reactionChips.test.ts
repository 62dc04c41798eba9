import { describe, expect, it } from 'vitest';
import { hasReacted, QUICK_REACTIONS, reactionChips } from '../../../src/react/components/MessageBubble/reactionChips';

describe('reactionChips', () => {
  it('is empty without reactions', () => {
    expect(reactionChips(undefined, 'alice')).toEqual([]);
    expect(reactionChips({}, 'alice')).toEqual([]);
  });

  it('gives one chip per emoji, in order, with its count and whether the user is among them', () => {
    expect(reactionChips({ '👍': ['bob', 'alice'], '🎉': ['carol'] }, 'alice')).toEqual([
      { emoji: '👍', count: 2, mine: true },
      { emoji: '🎉', count: 1, mine: false },
    ]);
  });

  it('drops emoji nobody reacted with and counts each user once', () => {
    expect(reactionChips({ '😮': [], '❤️': ['bob', 'bob'] }, 'alice')).toEqual([{ emoji: '❤️', count: 1, mine: false }]);
  });
});

describe('hasReacted', () => {
  it('is true only for an emoji the user reacted with', () => {
    const reactions = { '👍': ['alice'], '😂': ['bob'] };
    expect(hasReacted(reactions, '👍', 'alice')).toBe(true);
    expect(hasReacted(reactions, '😂', 'alice')).toBe(false);
    expect(hasReacted(reactions, '🎉', 'alice')).toBe(false);
    expect(hasReacted(undefined, '👍', 'alice')).toBe(false);
  });
});

it('offers a short fixed set of distinct quick reactions', () => {
  expect(new Set(QUICK_REACTIONS).size).toBe(QUICK_REACTIONS.length);
  expect(QUICK_REACTIONS.length).toBeLessThanOrEqual(8);
});
