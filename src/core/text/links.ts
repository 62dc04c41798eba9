/**
 * Where links are in message text, and which are safe to follow: only http,
 * https and mailto (a bare `www.` host or e-mail address counts as one);
 * javascript:, data: and the rest stay text. Shared by the text renderer,
 * the formatting parser and the server's link previews, so all three agree
 * on what a link is.
 */

/** One link found in text: `raw` is `text.slice(start, end)`. */
export interface FoundLink {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly url: URL;
}

// A URL runs until whitespace; trailing punctuation that usually ends a sentence is left out.
const LINK = /\b(?:https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+|www\.[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/giu;
const MAYBE_LINK = /[:@]|www\./i;
const TRAILING = /[.,;:!?)\]}'"»”’*_~`]+$/u;

/** The safe links of `text`, in order. */
export function findLinks(text: string): FoundLink[] {
  const out: FoundLink[] = [];
  // Every link has a scheme's colon, an address's @ or a www.: most messages have none.
  if (!MAYBE_LINK.test(text)) return out;
  for (const match of text.matchAll(LINK)) {
    let raw = match[0];
    const trailing = TRAILING.exec(raw);
    // Keep a closing parenthesis that belongs to the URL, e.g. a Wikipedia link.
    if (trailing && !(trailing[0] === ')' && raw.includes('('))) raw = raw.slice(0, raw.length - trailing[0].length);
    const url = safeUrl(raw);
    if (url) out.push({ start: match.index, end: match.index + raw.length, raw, url });
  }
  return out;
}

/** `raw` as a URL when it is one of the safe schemes (a bare host gets https, a bare address mailto), else null. */
export function safeUrl(raw: string): URL | null {
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
