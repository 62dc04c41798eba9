/**
 * The one rule for a reaction, on the client and on every server: a single
 * emoji, that is one extended grapheme cluster that is an emoji (UTS #51):
 *
 * - a pictograph shown as emoji, by default or with U+FE0F (`👍`, `❤️`), with
 *   an optional skin tone (`👍🏽`, `☝🏽`);
 * - up to four of those joined by ZWJ (`👩‍👩‍👧‍👦`, `🏳️‍🌈`, `❤️‍🔥`);
 * - a keycap (`1️⃣`, `#️⃣`), a flag (two regional indicators, `🇫🇷`), a
 *   subdivision flag (🏴 and tag letters), or a skin tone swatch alone.
 *
 * Letters, digits, whitespace, controls, bidi marks and text-style symbols
 * (`©` without U+FE0F) are refused. It is written with `u`-flag properties
 * rather than `\p{RGI_Emoji}`: the `v` flag is missing on Node 18 and on older
 * browsers, and the rule must read the same wherever it runs. It accepts
 * every RGI emoji (the tests check it against `\p{RGI_Emoji}` where the `v`
 * flag exists) and also well-formed sequences no vendor draws yet.
 */
import * as v from '../schema';

/** Longer than the longest RGI emoji (15 UTF-16 units), so the pattern only ever reads short input. */
const MAX_LENGTH = 32;

const PICTOGRAPH =
  '(?:\\p{Emoji_Modifier_Base}\\p{Emoji_Modifier}' + // a skin tone, even on a text-default base (☝🏽)
  '|(?=\\p{Emoji_Presentation})\\p{Extended_Pictographic}\\uFE0F?' + // emoji by default
  '|\\p{Extended_Pictographic}\\uFE0F)'; // text by default, asked to show as emoji
const KEYCAP = '[0-9#*]\\uFE0F?\\u20E3';
const FLAG = '\\p{Regional_Indicator}{2}';
const SKIN_TONE = '\\p{Emoji_Modifier}'; // a swatch on its own (RGI lists the five)
const SUBDIVISION_FLAG = '\\u{1F3F4}[\\u{E0030}-\\u{E0039}\\u{E0061}-\\u{E007A}]{2,6}\\u{E007F}';

const EMOJI_SOURCE = `^(?:${KEYCAP}|${FLAG}|${SKIN_TONE}|${SUBDIVISION_FLAG}|${PICTOGRAPH}(?:\\u200D${PICTOGRAPH}){0,3})$`;

// Both made on first use: a bundle that never checks a reaction pays nothing at start.
let emojiPattern: RegExp | undefined;
let graphemes: Intl.Segmenter | null | undefined;

/** One user-perceived character; without `Intl.Segmenter` (older Firefox) the pattern alone decides. */
function isOneGrapheme(text: string): boolean {
  if (graphemes === undefined) graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;
  if (graphemes === null) return true;
  const segments = graphemes.segment(text)[Symbol.iterator]();
  const first = segments.next();
  return !first.done && first.value.segment === text;
}

/** Whether `text` is exactly one emoji (see above): what `reaction:add` accepts. */
export function isReactionEmoji(text: string): boolean {
  emojiPattern ??= new RegExp(EMOJI_SOURCE, 'u');
  return text.length > 0 && text.length <= MAX_LENGTH && emojiPattern.test(text) && isOneGrapheme(text);
}

/** A new reaction on the wire (`reaction:add`): one emoji, or `invalid_payload`. */
export const ReactionEmojiSchema = v.refine(v.string(MAX_LENGTH, 1), isReactionEmoji, 'not a usable reaction');
