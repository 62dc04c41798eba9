/**
 * The host a link really goes to, in punycode, when it is an internationalized
 * domain name: "раураl.com" reads as a famous site and is another one. The
 * bubble shows it next to the link text so a homograph cannot pass. `URL`
 * does the conversion (browsers and Node agree), never a hand-written one.
 */

/** A punycode label marks an internationalized name; `URL` turns any non-ASCII host into one. */
const isInternational = (host: string) => host.split('.').some((label) => label.startsWith('xn--'));

/** mailto: URLs have no host of their own: the domain is after the address's `@`. */
function mailDomain(url: URL): string {
  const address = decodeURIComponent(url.pathname);
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : new URL(`http://${address.slice(at + 1)}`).hostname;
}

/** The punycode host of `href` when it is internationalized and `text` does not already show it; else undefined. */
export function punycodeHost(href: string, text: string): string | undefined {
  let host: string;
  try {
    const url = new URL(href);
    host = url.protocol === 'mailto:' ? mailDomain(url) : url.hostname;
  } catch {
    return undefined;
  }
  if (!isInternational(host) || text.toLowerCase().includes(host)) return undefined;
  return host;
}
