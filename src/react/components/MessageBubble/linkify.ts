/**
 * Splits message text into plain-text and link segments. Only http, https and
 * mailto links become links; everything else (javascript:, data:, …) stays
 * text. The result is rendered as React text nodes, never as HTML.
 */
import { punycodeHost } from './linkHost';

export type TextSegment =
  | { kind: 'text'; text: string }
  | {
      kind: 'link';
      text: string;
      href: string;
      /** The host in punycode, only when it is an internationalized name the text does not show (`linkHost.ts`). */
      punycodeHost?: string;
    };

// A URL runs until whitespace; trailing punctuation that usually ends a sentence is left out.
const LINK = /\b(?:https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+|www\.[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/giu;
const TRAILING = /[.,;:!?)\]}'"»”’]+$/u;

export function linkify(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    let raw = match[0];
    const start = match.index;
    const trailing = TRAILING.exec(raw);
    // Keep a closing parenthesis that belongs to the URL, e.g. a Wikipedia link.
    if (trailing && !(trailing[0] === ')' && raw.includes('('))) raw = raw.slice(0, raw.length - trailing[0].length);
    const url = safeUrl(raw);
    if (!url) continue;
    if (start > last) out.push({ kind: 'text', text: text.slice(last, start) });
    const host = punycodeHost(url, raw);
    out.push(host === undefined ? { kind: 'link', text: raw, href: url.href } : { kind: 'link', text: raw, href: url.href, punycodeHost: host });
    last = start + raw.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** The href to use for a matched link, or null when it is not a safe scheme. */
export function toSafeHref(raw: string): string | null {
  return safeUrl(raw)?.href ?? null;
}

function safeUrl(raw: string): URL | null {
  let candidate = raw;
  if (/^www\./i.test(candidate)) candidate = `https://${candidate}`;
  else if (!/^[a-z][a-z\d+.-]*:/i.test(candidate) && candidate.includes('@')) candidate = `mailto:${candidate}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  return url;
}

const EMOJI_ONLY = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\s)+$/u;

/** One to three emoji and nothing else: shown larger, as chat apps do. */
export function isEmojiOnly(text: string): boolean {
  if (!EMOJI_ONLY.test(text)) return false;
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.trim())];
  return graphemes.length > 0 && graphemes.length <= 3;
}
