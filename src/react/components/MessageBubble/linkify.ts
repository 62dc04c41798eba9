/**
 * Splits message text into plain-text and link segments. Only http, https and
 * mailto links become links; everything else (javascript:, data:, …) stays
 * text. The result is rendered as React text nodes, never as HTML.
 */
import { findLinks, safeUrl } from '../../../core/text/links';
import { punycodeHost } from '../../../core/text/linkHost';

export type TextSegment =
  | { kind: 'text'; text: string }
  | {
      kind: 'link';
      text: string;
      href: string;
      /** The host in punycode, only when it is an internationalized name the text does not show (`linkHost.ts`). */
      punycodeHost?: string;
    };

export function linkify(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  for (const { start, end, raw, url } of findLinks(text)) {
    if (start > last) out.push({ kind: 'text', text: text.slice(last, start) });
    const host = punycodeHost(url, raw);
    out.push(host === undefined ? { kind: 'link', text: raw, href: url.href } : { kind: 'link', text: raw, href: url.href, punycodeHost: host });
    last = end;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** The href to use for a matched link, or null when it is not a safe scheme. */
export function toSafeHref(raw: string): string | null {
  return safeUrl(raw)?.href ?? null;
}

const EMOJI_ONLY = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\s)+$/u;

/** One to three emoji and nothing else: shown larger, as chat apps do. */
export function isEmojiOnly(text: string): boolean {
  if (!EMOJI_ONLY.test(text)) return false;
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.trim())];
  return graphemes.length > 0 && graphemes.length <= 3;
}
