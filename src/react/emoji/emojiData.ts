/**
 * The emoji data set, shaped for the picker and the `:shortcode:` autocomplete.
 * Reached only by `import()` (see `loadEmoji.ts`), so the data (emojibase's
 * English compact set and GitHub's shortcodes) is its own chunk. It imports
 * nothing from Parley on purpose: a shared module would tie this chunk to the
 * main bundle. Built once, when the chunk is evaluated.
 */
import compact from 'emojibase-data/en/compact.json';
import githubShortcodes from 'emojibase-data/en/shortcodes/github.json';

/** The five skin tones, lightest first: what `Emoji.skins` is indexed by (tone 1 … 5 at 0 … 4). */
export const SKIN_TONES = ['1F3FB', '1F3FC', '1F3FD', '1F3FE', '1F3FF'] as const;

/** The picker's categories, in emojibase's order (its "component" group, bare skin tones and hair, left out). */
export const EMOJI_GROUPS = [
  'smileys-emotion',
  'people-body',
  'animals-nature',
  'food-drink',
  'travel-places',
  'activities',
  'objects',
  'symbols',
  'flags',
] as const;
export type EmojiGroupKey = (typeof EMOJI_GROUPS)[number];

export interface Emoji {
  /** The character(s), as a reaction or in text. */
  readonly emoji: string;
  /** CLDR short name, e.g. "thumbs up": the button's accessible name. */
  readonly label: string;
  readonly tags: readonly string[];
  /** Without colons, e.g. `+1`, `thumbsup`. */
  readonly shortcodes: readonly string[];
  /** The five skin tone variants (see SKIN_TONES), when it has them. */
  readonly skins?: readonly string[];
  readonly group: EmojiGroupKey;
}

export interface EmojiGroup {
  readonly key: EmojiGroupKey;
  readonly emojis: readonly Emoji[];
}

export interface EmojiData {
  readonly groups: readonly EmojiGroup[];
  /** Emoji whose name, a tag or a shortcode matches every word of `query` (best matches first). */
  search(query: string, limit?: number): Emoji[];
  /** Emoji with a shortcode starting with `prefix` (exact match first), for the autocomplete. */
  shortcodeMatches(prefix: string, limit?: number): { emoji: Emoji; shortcode: string }[];
  /** The emoji of a shortcode, with or without its colons: `:+1:`, `thumbsup`. */
  byShortcode(code: string): Emoji | undefined;
  /** The entry of an emoji, a skin tone variant included (e.g. for a recently used one). */
  find(emoji: string): Emoji | undefined;
}

interface RawEmoji {
  hexcode: string;
  label: string;
  group?: number;
  order?: number;
  tags?: string[];
  unicode: string;
  skins?: { hexcode: string; unicode: string }[];
}

/** Lower case without diacritics; the rule of search's `foldWord`, copied: this data chunk imports nothing from the kit. */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Drops U+FE0F after a character that is emoji by default (emojibase writes `👍️`): the
 * quick reactions and every keyboard write `👍`, and a reaction must be one key for both.
 */
function canonical(unicode: string): string {
  return unicode.replace(/(\p{Emoji_Presentation})\uFE0F/gu, '$1');
}

function toneVariants(skins: RawEmoji['skins']): string[] | undefined {
  if (!skins) return undefined;
  const variants = SKIN_TONES.map((tone) => skins.find((s) => s.hexcode.split('-').filter((part) => SKIN_TONES.includes(part as never)).join() === tone));
  // Only one tone per emoji is offered; people pairs with two tones keep their base.
  return variants.every((s) => s !== undefined) ? variants.map((s) => canonical(s!.unicode)) : undefined;
}

interface Indexed {
  emoji: Emoji;
  words: string[];
  tags: string[];
  codes: string[];
}

/** Builds the data set from emojibase's records (exported for tests with a small set). */
export function buildEmojiData(raw: readonly RawEmoji[], shortcodes: Readonly<Record<string, string | string[]>>): EmojiData {
  const byGroup = new Map<EmojiGroupKey, Emoji[]>(EMOJI_GROUPS.map((key) => [key, []]));
  const index: Indexed[] = [];
  const codes = new Map<string, Emoji>();
  const chars = new Map<string, Emoji>();
  const sorted = [...raw].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  for (const record of sorted) {
    const group = record.group === undefined ? undefined : ['smileys-emotion', 'people-body', 'component', ...EMOJI_GROUPS.slice(2)][record.group];
    if (group === undefined || group === 'component') continue;
    const own = shortcodes[record.hexcode];
    const skins = toneVariants(record.skins);
    const emoji: Emoji = {
      emoji: canonical(record.unicode),
      label: record.label,
      tags: record.tags ?? [],
      shortcodes: own === undefined ? [] : typeof own === 'string' ? [own] : own,
      group: group as EmojiGroupKey,
      ...(skins ? { skins } : {}),
    };
    byGroup.get(emoji.group)!.push(emoji);
    index.push({ emoji, words: foldText(emoji.label).split(/[\s:,-]+/).filter(Boolean), tags: emoji.tags.map(foldText), codes: emoji.shortcodes.map(foldText) });
    for (const code of emoji.shortcodes) if (!codes.has(code)) codes.set(code, emoji);
    chars.set(emoji.emoji, emoji);
    for (const skin of skins ?? []) chars.set(skin, emoji);
  }

  /** 0 for no match; higher is better. */
  const score = (entry: Indexed, term: string): number => {
    if (entry.codes.includes(term)) return 5;
    if (entry.words[0]?.startsWith(term)) return 4;
    if (entry.words.some((w) => w.startsWith(term))) return 3;
    if (entry.codes.some((c) => c.startsWith(term))) return 2;
    return entry.tags.some((t) => t.startsWith(term)) ? 1 : 0;
  };

  return {
    groups: EMOJI_GROUPS.map((key) => ({ key, emojis: byGroup.get(key)! })),
    search(query, limit = 96) {
      const terms = foldText(query).split(/\s+/).filter(Boolean);
      if (terms.length === 0) return [];
      const hits: { entry: Indexed; score: number; order: number }[] = [];
      index.forEach((entry, order) => {
        let total = 0;
        for (const term of terms) {
          const s = score(entry, term);
          if (s === 0) return;
          total += s;
        }
        hits.push({ entry, score: total, order });
      });
      hits.sort((a, b) => b.score - a.score || a.order - b.order);
      return hits.slice(0, limit).map((hit) => hit.entry.emoji);
    },
    shortcodeMatches(prefix, limit = 8) {
      const p = foldText(prefix);
      const out: { emoji: Emoji; shortcode: string; exact: boolean }[] = [];
      for (const entry of index) {
        const at = entry.codes.findIndex((c) => c.startsWith(p));
        if (at >= 0) out.push({ emoji: entry.emoji, shortcode: entry.emoji.shortcodes[at]!, exact: entry.codes[at] === p });
      }
      out.sort((a, b) => Number(b.exact) - Number(a.exact) || a.shortcode.length - b.shortcode.length);
      return out.slice(0, limit).map(({ emoji, shortcode }) => ({ emoji, shortcode }));
    },
    byShortcode: (code) => codes.get(code.replace(/^:|:$/g, '').toLowerCase()),
    find: (emoji) => chars.get(emoji) ?? chars.get(canonical(emoji)),
  };
}

export const emojiData: EmojiData = buildEmojiData(compact as unknown as RawEmoji[], githubShortcodes as unknown as Record<string, string | string[]>);
