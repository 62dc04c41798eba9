/**
 * The first web link in a message's text: what a server unfurls into a link
 * preview. Found by the same finder as the bubble's links (links.ts), limited
 * to http and https, so the preview is of a link the reader sees.
 */
import { findLinks } from './links';

/** The first http(s) link in `text` as a normalized URL (its `#fragment` dropped), or null. */
export function firstLink(text: string): string | null {
  for (const { url } of findLinks(text)) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    // Credentials in a link are no page to preview (and would be sent along).
    if (url.username !== '' || url.password !== '') continue;
    const page = new URL(url.href);
    page.hash = '';
    return page.href;
  }
  return null;
}
