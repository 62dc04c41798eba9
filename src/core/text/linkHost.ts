/**
 * The host a link really goes to, in punycode, when it is an internationalized
 * domain name: "раураl.com" reads as a famous site and is another one. The
 * bubble shows it next to the link text so a homograph cannot pass. `URL`
 * does the conversion (browsers and Node agree), never a hand-written one.
 */
export function punycodeHost(url: URL, text: string): string | undefined {
  let host = url.hostname;
  // mailto: URLs have no host: the domain follows the address's `@`, percent-encoded in the path.
  if (url.protocol === 'mailto:') {
    try {
      host = new URL(`http://${decodeURIComponent(url.pathname).split('@').pop()}`).hostname;
    } catch {
      return undefined;
    }
  }
  // `URL` writes every non-ASCII label as punycode, so an `xn--` label marks an internationalized name.
  return /(^|\.)xn--/.test(host) && !text.toLowerCase().includes(host) ? host : undefined;
}
