import { describe, expect, it } from 'vitest';
import { punycodeHost } from '../../../src/core/text/linkHost';
import { linkify } from '../../../src/react/components/MessageBubble/linkify';

describe('punycodeHost', () => {
  it('gives the punycode host of an internationalized name, from Unicode or punycode', () => {
    expect(punycodeHost(new URL('https://xn--l-7sba6dbr.com/login'), 'https://раураl.com/login')).toBe('xn--l-7sba6dbr.com');
    expect(punycodeHost(new URL('https://www.xn--bcher-kva.de/'), 'www.bücher.de')).toBe('www.xn--bcher-kva.de');
    expect(punycodeHost(new URL('mailto:bob@%D1%80%D0%B0%D1%83%D1%80%D0%B0l.com'), 'mailto:bob@раураl.com')).toBe('xn--l-7sba6dbr.com');
  });

  it('adds nothing for an ASCII host, or when the text already shows the punycode', () => {
    expect(punycodeHost(new URL('https://example.com/a'), 'https://example.com/a')).toBeUndefined();
    expect(punycodeHost(new URL('mailto:bob@example.org'), 'bob@example.org')).toBeUndefined();
    expect(punycodeHost(new URL('https://xn--l-7sba6dbr.com/'), 'https://XN--L-7SBA6DBR.com')).toBeUndefined();
    // A broken percent-escape in a mailto: address is no host at all.
    expect(punycodeHost(new URL('mailto:bob@%E0%A4%A'), 'mailto:bob@%E0%A4%A')).toBeUndefined();
  });
});

describe('linkify with internationalized hosts', () => {
  it('marks the link segment with the punycode host, and only that one', () => {
    expect(linkify('pay at https://раураl.com/login or https://example.com')).toEqual([
      { kind: 'text', text: 'pay at ' },
      { kind: 'link', text: 'https://раураl.com/login', href: 'https://xn--l-7sba6dbr.com/login', punycodeHost: 'xn--l-7sba6dbr.com' },
      { kind: 'text', text: ' or ' },
      { kind: 'link', text: 'https://example.com', href: 'https://example.com/' },
    ]);
    const ascii = linkify('https://example.com')[0];
    expect(ascii && 'punycodeHost' in ascii).toBe(false);
  });
});
