import { describe, expect, it } from 'vitest';
import { isEmojiOnly, linkify, toSafeHref } from '../../../src/react/components/MessageBubble/linkify';

describe('linkify', () => {
  it('turns http, https and mailto into links and leaves the rest as text', () => {
    expect(linkify('see https://example.com/a?b=1 and mail bob@example.org.')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ' and mail ' },
      { kind: 'link', text: 'bob@example.org', href: 'mailto:bob@example.org' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('never links javascript:, data: or vbscript: URLs', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'JaVaScRiPt:alert(1)']) {
      const segments = linkify(text);
      expect(segments.every((s) => s.kind === 'text')).toBe(true);
      expect(segments.map((s) => s.text).join('')).toBe(text);
    }
    expect(toSafeHref('javascript:alert(1)')).toBeNull();
  });

  it('keeps the text intact, markup included, as plain text segments', () => {
    const text = '<img src=x onerror=alert(1)> & <b>bold</b>';
    expect(linkify(text)).toEqual([{ kind: 'text', text }]);
  });

  it('drops sentence punctuation after a URL but keeps balanced parentheses', () => {
    expect(linkify('go to https://example.com!')[1]).toMatchObject({ text: 'https://example.com' });
    expect(linkify('https://en.wikipedia.org/wiki/Chat_(software)')[0]).toMatchObject({
      text: 'https://en.wikipedia.org/wiki/Chat_(software)',
    });
  });

  it('adds https to www links', () => {
    expect(linkify('www.example.com')[0]).toEqual({ kind: 'link', text: 'www.example.com', href: 'https://www.example.com/' });
  });
});

describe('isEmojiOnly', () => {
  it('is true for one to three emoji', () => {
    expect(isEmojiOnly('👍')).toBe(true);
    expect(isEmojiOnly('🎉🎉🎉')).toBe(true);
    expect(isEmojiOnly('👩‍👩‍👧')).toBe(true);
  });
  it('is false for text, digits, or many emoji', () => {
    expect(isEmojiOnly('ok 👍')).toBe(false);
    expect(isEmojiOnly('123')).toBe(false);
    expect(isEmojiOnly('🎉🎉🎉🎉')).toBe(false);
    expect(isEmojiOnly('')).toBe(false);
  });
});
