/**
 * The default `unfurl`: a fixed table of example pages, so tests, stories and
 * demos get previews without any outside network. Links are matched without
 * their fragment and trailing slash.
 */
import type { Unfurled, UnfurlFn } from './unfurl';

/** A 240×126 PNG (a blue gradient, the 1.91:1 of a social card): the image of the fixture article. */
const FIXTURE_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAPAAAAB+CAIAAACVjQttAAAClklEQVR42u3S51YIABxA8f+TGJEVkS0iIiIrIk0aUmnRVlnfjOwV' +
  'WREREZEVWXks73HPPef3BPfcmJL/T8IIEwg19NT8SQkjphZMShgxreCvhOHQYg09vfCPhOHQYg2dUPhbwoiEot8SRswo+iVhOLRY' +
  'Q88s/ilhOLRYQycWT0gYkVgyIWHErJIfEoZDizX07IPfJQyHFmvoOQfHJYyYc2hcwoi5h75JGA4t1tDzSr9KGA4t1tBJpV8kjEgq' +
  '+yJhxPyyzxKGQ4s19ILyTxKGQ4s1dHL5mIQRyRVjEkYsrPgoYTi0WEMvOvxBwnBosYZOOTwqYURK5aiEEYsr30sYDi3W0EuOvJMw' +
  'HFqsoZceGZEwYmnViIQRy6reShgOLdbQy6vfSBgOLdbQK6qHJYxYUTMsYcTKmtcShkOLNfSqo68kDIcWa+jUo0MSRqTWDkkYsbr2' +
  'pYTh0GINvabuhYTh0GINnVY3KGFEWv2ghBFr659LGA4t1tDrGp5JGA4t1tDpDQMSRqQ3DkgYsb7xqYTh0GINveHYEwnDocUaOuNY' +
  'v4QRGcf7JYzYePyxhOHQYg29qemRhOHQYg2d2fRQwojM5ocSRmxufiBhOLRYQ29puS9hOLRYQ2e19EkYkdXaJ2HE1tZ7EoZDizX0' +
  'tra7EoZDizV0dluvhBHZ7b0SRmxvvyNhOLRYQ+/ouC1hOLRYQ+/suCVhxM4TtySM2HXipoTh0GINvbvzhoTh0GINndN5XcKInK7r' +
  'Ekbs6bomYTi0WEPv7b4qYTi0WEPndl+RMCL35BUJI/advCxhOLRYQ+8/dUnCcGixhs471SNhRN7pHgkjDpy+KGE4tFhD55+5IGE4' +
  'tFhDF5w5L2FEwdnzEkYUnj0nYTi0UP4D8k8mxIuGfEUAAAAASUVORK5CYII=';

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
