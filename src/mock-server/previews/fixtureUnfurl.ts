/**
 * The default `unfurl`: a fixed table of example pages, so tests, stories and
 * demos get previews without any outside network. Links are matched without
 * their fragment and trailing slash.
 */
import type { Unfurled, UnfurlFn } from './unfurl';

/** A 40×21 PNG (a blue gradient): the image of the fixture article. */
const FIXTURE_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAVCAIAAAC7eDtJAAAAiElEQVR42sXCsQpBAQBA0fslBoPBYDAYDAaDwWAwGF6RqFckSimllFJKKaXMkiRJkiRJkuSzfMY9HSLBT0m0/FUSq36UxOtvJYnwpSTZeCpJtR5K0p27kkz3piTbuyrJ9S9K8oOzksLwpKQ4OiopjQ9KgsleSWW6U1KbbZWE842S5mKtpL1cKf/eqb5N46NADQAAAABJRU5ErkJggg==';

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let fixtureImage: Uint8Array | undefined;
/** Decoded on first use, and a fresh copy each time: whoever gets it may keep it. */
export function fixtureImageBytes(): Uint8Array {
  fixtureImage ??= decodeBase64(FIXTURE_PNG_BASE64);
  return fixtureImage.slice();
}

/** Link (no fragment, no trailing slash) → its page's card; `image: true` gives the fixture PNG. */
export const FIXTURE_PAGES: Readonly<Record<string, Omit<Unfurled, 'image'> & { readonly image?: true }>> = {
  'https://example.com': {
    title: 'Example Domain',
    description: 'This domain is for use in illustrative examples in documents.',
    siteName: 'Example',
  },
  'https://example.com/article': {
    title: 'How we cut our build time in half',
    description: 'Caching, fewer workers and one slow test: what made the difference, with numbers for every step.',
    siteName: 'Example Engineering',
    image: true,
  },
  'https://example.org/docs': {
    title: 'Getting started',
    description: 'Install the package, connect a client and send your first message in five minutes.',
    siteName: 'Example Docs',
  },
  'https://example.net/plain': { title: 'A page with a title only' },
};

function key(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href.replace(/\/$/, '');
  } catch {
    return null;
  }
}

export const fixtureUnfurl: UnfurlFn = async (url) => {
  const found = FIXTURE_PAGES[key(url) ?? ''];
  if (!found) return null;
  const { image, ...page } = found;
  return image ? { ...page, image: { bytes: fixtureImageBytes() } } : page;
};
