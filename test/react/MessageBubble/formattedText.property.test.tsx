// @vitest-environment jsdom
/**
 * Formatting over random and hostile text: whatever a message holds (nested,
 * unclosed and interleaved marks, HTML, dangerous URLs, zero-width and bidi
 * characters, markup inside code, very long input), the parser never throws
 * and the rendered tree uses only allow-listed elements and attributes, with
 * links to http, https and mailto only.
 */
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createChatClient } from '../../../src/core/client';
import { parseFormatting } from '../../../src/core/text/formatBlocks';
import { createMockServer } from '../../../src/mock-server';
import { ChatProvider } from '../../../src/react/ChatProvider';
import { FormattedText } from '../../../src/react/components/MessageBubble/FormattedText';

const ALLOWED: Record<string, readonly string[]> = {
  p: ['class'],
  strong: [],
  em: [],
  s: [],
  code: ['class'],
  pre: ['class', 'tabindex', 'aria-label', 'dir'],
  blockquote: ['class'],
  ul: ['class'],
  ol: ['class', 'start'],
  li: [],
  a: ['class', 'href', 'target', 'rel'],
  bdi: [],
  span: ['class', 'data-mention', 'data-self', 'dir', 'role', 'aria-live'],
  div: ['class', 'data-lang'],
  button: ['type', 'class', 'data-state'],
};

const PIECES = [
  '*', '**', '***', '_', '__', '~', '~~', '`', '``', '```', '```js', '\n', '\n\n', ' ', '> ', '>', '- ', '* ', '1. ', '12) ',
  '[', ']', '(', ')', '](', '[x](', 'https://a.example/p_a*t~h', 'www.b.example', 'c@d.example', 'mailto:e@f.example',
  'javascript:alert(1)', 'JaVaScRiPt:x', 'data:text/html,<b>x</b>', 'vbscript:x', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '&lt;', '&amp;', '"', "'", '@Ann', '@here', '@', 'word', 'snake_case', '2*3', 'مرحبا', 'שלום', '日本',
  '\u200b', '\u200d', '\u2060', '\ufeff', '\u202e', '\u202d', '\u2066', '\u2069', '\u061c', '\u0000', '\ud83d\ude00', '\ud800',
];
const hostile = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(hostile, fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }));

const server = createMockServer({ seed: 'empty' });
const client = createChatClient({ transport: server.connect({ userId: 'alice', token: 'alice-token' }), userId: 'alice' });
const mentions = [
  { userId: 'ann', name: 'Ann' },
  { userId: 'here', name: 'here' },
];

function render(text: string): HTMLElement {
  const html = renderToStaticMarkup(
    <ChatProvider client={client}>
      <FormattedText text={text} mentions={mentions} selfId="ann" />
    </ChatProvider>,
  );
  const root = document.createElement('div');
  // Parsing the server markup back is the strictest check: it is what a browser would build from it.
  root.innerHTML = html;
  return root;
}

function offences(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    const allowed = ALLOWED[tag];
    if (!allowed) {
      found.push(`<${tag}>`);
      continue;
    }
    for (const { name, value } of element.attributes) {
      if (!allowed.includes(name)) found.push(`${tag}[${name}]`);
      if (name === 'href' && !/^(https?:\/\/|mailto:)/i.test(value)) found.push(`href=${value}`);
    }
  }
  return found;
}

describe('formatting over hostile input', () => {
  it('never throws and renders only allow-listed elements, attributes and link schemes', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(offences(render(text))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('renders markup inside code, and HTML anywhere, as the characters typed', () => {
    const root = render('`<b>*x*</b>` <img src=x onerror=alert(1)> [a](javascript:alert(1))\n```\n<script>*y*</script>\n```');
    expect(root.querySelector('img, script, b')).toBeNull();
    expect(root.querySelector('code')?.textContent).toBe('<b>*x*</b>');
    expect(root.querySelector('pre')?.textContent).toBe('<script>*y*</script>');
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('parses very long and pathological text without blowing up', () => {
    const pathological = [
      '*a '.repeat(40_000),
      '_'.repeat(100_000),
      '['.repeat(50_000) + ']('.repeat(10_000),
      '`'.repeat(1) + ' `` '.repeat(20_000),
      '```x\n'.repeat(20_000),
      '> '.repeat(20_000),
      '- *a\n'.repeat(20_000),
      'https://a.example/'.repeat(5_000),
    ];
    for (const text of pathological) {
      const blocks = parseFormatting(text);
      expect(blocks.length).toBeGreaterThan(0);
    }
  }, 60_000);
});
