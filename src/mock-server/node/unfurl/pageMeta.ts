/**
 * What a page says about itself for a preview: `og:title`, `og:description`,
 * `og:site_name`, `og:image` (and `<title>`, the `description` meta as
 * fallbacks). A small tolerant scan of tags, never an HTML renderer: any
 * attribute order and quoting, entities decoded, anything odd skipped.
 */

export interface PageMeta {
  readonly title?: string;
  readonly description?: string;
  readonly siteName?: string;
  /** As the page wrote it: relative URLs are the caller's to resolve. */
  readonly image?: string;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The attributes of one tag's text (`<meta a="b" c='d' e=f>`), names lower-cased. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

export function readPageMeta(html: string): PageMeta {
  // Comments and scripts can hold anything, tags included.
  const text = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  const meta = new Map<string, string>();
  for (const m of text.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = attributes(m[0]);
    const key = (attrs.get('property') ?? attrs.get('name'))?.toLowerCase();
    const content = attrs.get('content');
    if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
  }
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(text)?.[1];
  const pick = (...keys: (string | undefined)[]) => {
    for (const value of keys) {
      const clean = value?.replace(/\s+/g, ' ').trim();
      if (clean) return clean;
    }
    return undefined;
  };
  const title = pick(meta.get('og:title'), meta.get('twitter:title'), titleTag === undefined ? undefined : decodeEntities(titleTag));
  const description = pick(meta.get('og:description'), meta.get('twitter:description'), meta.get('description'));
  const siteName = pick(meta.get('og:site_name'));
  const image = pick(meta.get('og:image:secure_url'), meta.get('og:image'), meta.get('og:image:url'), meta.get('twitter:image'));
  return {
    ...(title !== undefined ? { title } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(siteName !== undefined ? { siteName } : {}),
    ...(image !== undefined ? { image } : {}),
  };
}
