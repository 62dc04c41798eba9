// @vitest-environment node
/**
 * The reaction rule (`isReactionEmoji`, `reaction:add`'s schema): one emoji,
 * never text. Checked against `\p{RGI_Emoji}` (the `v` flag, Node 20+) over
 * every code point alone, with U+FE0F, with each skin tone and as a keycap,
 * so no emoji a keyboard offers is refused.
 */
import { describe, expect, it } from 'vitest';
import { isReactionEmoji, parseRequest, ReactionEmojiSchema, RequestSchemas, safeParse } from 'parley/core';
import { REACTION_EMOJI } from '../../../src/mock-server/seedText';
import { QUICK_REACTIONS } from '../../../src/react/components/MessageBubble/reactionChips';

const ACCEPTED = [
  '👍', '❤️', '😂', '🎉', '👀', '🙏', '🫠', '🩷',
  '1️⃣', '#️⃣', '*️⃣', // keycaps
  '🇫🇷', '🇯🇵', '🇺🇦', // flags
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', // subdivision flags (tag sequences)
  '👍🏽', '☝🏿', '🏻', // skin tones, on a text-default base too, and the swatch alone
  '👩‍👩‍👧‍👦', '🏳️‍🌈', '🏳️‍⚧️', '❤️‍🔥', '🐻‍❄️', '👩🏽‍💻', '🧑🏻‍🤝‍🧑🏿', '👩🏻‍❤️‍💋‍👨🏼', // ZWJ sequences
  '©️', '‼️', '☺️', // text-default symbols asked to show as emoji
];

const REFUSED = [
  'FREE BTC evil.example', 'ok', 'a', '1', '#', ' ', '', '\n', '\t',
  '👍 ', ' 👍', '👍\n', '👍👍', '🇫🇷🇫🇷', // more than one
  '\u202E', '👍\u202E', '\u2066👍\u2069', '\u200F', '\u200E👍', // bidi controls
  '\u0000', '\u0007', '👍\u0000', '\u200B', '\u00AD', // controls, invisible
  '©', '™', '❤', '☺', // text presentation
  '👍\uFE0E', // asked to show as text
  '🇫', '\u20E3', 'x\u20E3', '\u{E0041}', '🏴\u{E007F}', // halves of sequences
  '👍\u200D', '\u200D👍', '👍\u200D\u200D👍', '👩‍👩‍👧‍👦‍👦', // broken or overlong ZWJ sequences
  'e\u0301', '😀\u0301', // combining marks
  '__proto__', 'constructor',
  '👍'.repeat(20),
];

const code = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).toUpperCase()).join(' ');

describe('isReactionEmoji', () => {
  it.each(ACCEPTED.map((e) => [code(e), e]))('accepts %s', (_name, emoji) => {
    expect(isReactionEmoji(emoji)).toBe(true);
  });

  it.each(REFUSED.map((e) => [JSON.stringify(e), e]))('refuses %s', (_name, text) => {
    expect(isReactionEmoji(text)).toBe(false);
  });

  it('accepts every RGI emoji made of one code point, with U+FE0F, a skin tone or a keycap', () => {
    const rgi = new RegExp('^\\p{RGI_Emoji}$', 'v');
    const tones = ['\u{1F3FB}', '\u{1F3FC}', '\u{1F3FD}', '\u{1F3FE}', '\u{1F3FF}'];
    const refused: string[] = [];
    let checked = 0;
    // Every RGI emoji of these shapes starts with a code point of the Emoji property.
    const base = /^\p{Emoji}$/u;
    for (let cp = 0; cp <= 0x1ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (!base.test(c)) continue;
      for (const s of [c, `${c}\uFE0F`, `${c}\uFE0F\u20E3`, ...tones.map((t) => c + t)]) {
        if (!rgi.test(s)) continue;
        checked++;
        if (!isReactionEmoji(s)) refused.push(code(s));
      }
    }
    expect(checked).toBeGreaterThan(1500);
    expect(refused).toEqual([]);
  }, 20_000); // under 1 s idle; the margin is for a busy machine

  it('accepts every RGI flag and refuses every other pair of letters', () => {
    const rgi = new RegExp('^\\p{RGI_Emoji}$', 'v');
    const letter = (i: number) => String.fromCodePoint(0x1f1e6 + i);
    let flags = 0;
    for (let a = 0; a < 26; a++) {
      for (let b = 0; b < 26; b++) {
        const pair = letter(a) + letter(b);
        if (rgi.test(pair)) {
          flags++;
          expect(isReactionEmoji(pair), code(pair)).toBe(true);
        }
        expect(isReactionEmoji(`${String.fromCharCode(65 + a)}${String.fromCharCode(65 + b)}`)).toBe(false);
      }
    }
    expect(flags).toBeGreaterThan(250);
  });

  it("accepts what the kit's reaction menu offers and what the seed history holds", () => {
    for (const e of [...QUICK_REACTIONS, ...REACTION_EMOJI]) expect(isReactionEmoji(e), code(e)).toBe(true);
  });

  it('is the rule of reaction:add, refused as invalid_payload; reaction:remove takes back any stored reaction', () => {
    expect(safeParse(ReactionEmojiSchema, '🎉').success).toBe(true);
    for (const emoji of ['FREE BTC evil.example', '\u202E👍', 'ok\n']) {
      expect(parseRequest('reaction:add', { id: 'm_general_1', emoji })).toEqual({
        ok: false,
        error: { code: 'invalid_payload', message: 'Invalid payload for "reaction:add": emoji: not a usable reaction' },
      });
    }
    expect(parseRequest('reaction:add', { id: 'm_general_1', emoji: '👩‍👩‍👧‍👦' }).ok).toBe(true);
    // A reaction stored before the rule (by another backend) can still be taken back.
    expect(safeParse(RequestSchemas['reaction:remove'], { id: 'm_general_1', emoji: 'ok' }).success).toBe(true);
    expect(safeParse(RequestSchemas['reaction:remove'], { id: 'm_general_1', emoji: ' ' }).success).toBe(false);
  });
});
