/**
 * The first web link in a message's text: what a server unfurls into a link
 * preview. The same matching as the bubble's linkify (a URL runs until
 * whitespace, sentence punctuation after it is not part of it, `www.` means
 * https), limited to http and https, so the preview is of a link the reader sees.
 */

const LINK = /\b(?:https?:\/\/[^\s<>"]+|www\.[^\s<>"]+)/giu;
const TRAILING = /[.,;:!?)\]}'"»”’]+$/u;

/** The first http(s) link in `text` as a normalized URL (its `#fragment` dropped), or null. */
export function firstLink(text: string): string | null {
  for (const match of text.matchAll(LINK)) {
    let raw = match[0];
    const trailing = TRAILING.exec(raw);
    // Keep a closing parenthesis that belongs to the URL, e.g. a Wikipedia link.
    if (trailing && !(trailing[0] === ')' && raw.includes('('))) raw = raw.slice(0, raw.length - trailing[0].length);
    let url: URL;
    try {
      url = new URL(/^www\./i.test(raw) ? `https://${raw}` : raw);
    } catch {
      continue;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) continue;
    // Credentials in a link are no page to preview (and would be sent along).
    if (url.username !== '' || url.password !== '') continue;
    url.hash = '';
    return url.href;
  }
  return null;
}
