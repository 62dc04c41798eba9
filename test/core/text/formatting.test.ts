import { describe, expect, it } from 'vitest';
import { parseFormatting } from '../../../src/core/text/formatBlocks';
import type { FormattedBlock, FormattedInline } from '../../../src/core/text/formatTypes';

const inline = (text: string, mentions?: { userId: string; name: string }[]) => {
  const blocks = parseFormatting(text, { mentions });
  expect(blocks).toHaveLength(1);
  const first = blocks[0]!;
  if (first.kind !== 'paragraph') throw new Error(`expected a paragraph, got ${first.kind}`);
  return first.children;
};
const t = (text: string): FormattedInline => ({ kind: 'text', text });

describe('inline formatting', () => {
  it('reads bold, italic, strike and code, single or doubled', () => {
    expect(inline('a *b* _c_ ~d~ `e`')).toEqual([
      t('a '),
      { kind: 'strong', children: [t('b')] },
      t(' '),
      { kind: 'em', children: [t('c')] },
      t(' '),
      { kind: 'strike', children: [t('d')] },
      t(' '),
      { kind: 'code', text: 'e' },
    ]);
    expect(inline('**bold** and __it__')).toEqual([{ kind: 'strong', children: [t('bold')] }, t(' and '), { kind: 'em', children: [t('it')] }]);
  });

  it('nests marks', () => {
    expect(inline('*bold _and italic_*')).toEqual([{ kind: 'strong', children: [t('bold '), { kind: 'em', children: [t('and italic')] }] }]);
  });

  it('leaves words with inner delimiters, arithmetic and unclosed marks as written', () => {
    for (const text of ['snake_case_name', '2*3*4', '*not closed', 'a * b * c', '_ spaced _', '***three***', '~5 min']) {
      expect(inline(text)).toEqual([t(text)]);
    }
  });

  it('keeps emphasis on one line', () => {
    expect(inline('*one\ntwo*')).toEqual([t('*one\ntwo*')]);
  });

  it('treats everything inside code as text, and longer fences hold backticks', () => {
    expect(inline('`*not bold* [x](https://a.example)`')).toEqual([{ kind: 'code', text: '*not bold* [x](https://a.example)' }]);
    expect(inline('``a ` b``')).toEqual([{ kind: 'code', text: 'a ` b' }]);
    expect(inline('` `')).toEqual([t('` `')]);
  });

  it('makes safe links only, and shows the real host when the text hides it', () => {
    expect(inline('[docs](https://evil.example/x)')).toEqual([
      { kind: 'link', href: 'https://evil.example/x', children: [t('docs')], host: 'evil.example' },
    ]);
    expect(inline('[evil.example](https://evil.example/)')).toEqual([{ kind: 'link', href: 'https://evil.example/', children: [t('evil.example')] }]);
    expect(inline('[x](javascript:alert(1))')).toEqual([t('[x](javascript:alert(1))')]);
    expect(inline('[x](data:text/html,hi)')).toEqual([t('[x](data:text/html,hi)')]);
    expect(inline('[*bold* link](https://a.example)')).toEqual([
      { kind: 'link', href: 'https://a.example/', children: [{ kind: 'strong', children: [t('bold')] }, t(' link')], host: 'a.example' },
    ]);
  });

  it('keeps a URL whole: its underscores and asterisks are not emphasis', () => {
    expect(inline('see https://a.example/x_y_z and _this_')).toEqual([
      t('see '),
      { kind: 'link', href: 'https://a.example/x_y_z', children: [t('https://a.example/x_y_z')] },
      t(' and '),
      { kind: 'em', children: [t('this')] },
    ]);
    expect(inline('*https://a.example*')).toEqual([
      { kind: 'strong', children: [{ kind: 'link', href: 'https://a.example/', children: [t('https://a.example')] }] },
    ]);
  });

  it('marks mentions of the given names, longest first, not inside code or words', () => {
    const mentions = [
      { userId: 'ann', name: 'Ann' },
      { userId: 'annlee', name: 'Ann Lee' },
      { userId: 'here', name: 'here' },
    ];
    expect(inline('hi @Ann Lee and @ann, @here `@Ann` @Annie', mentions)).toEqual([
      t('hi '),
      { kind: 'mention', text: '@Ann Lee', userId: 'annlee' },
      t(' and '),
      { kind: 'mention', text: '@ann', userId: 'ann' },
      t(', '),
      { kind: 'mention', text: '@here', userId: 'here' },
      t(' '),
      { kind: 'code', text: '@Ann' },
      t(' @Annie'),
    ]);
  });
});

describe('blocks', () => {
  const blocks = (text: string): FormattedBlock[] => parseFormatting(text);

  it('reads fenced code with its language, and leaves an unclosed fence as text', () => {
    expect(blocks('before\n```ts\nconst a = *1*;\n```\nafter')).toEqual([
      { kind: 'paragraph', children: [t('before')] },
      { kind: 'code', lang: 'ts', text: 'const a = *1*;' },
      { kind: 'paragraph', children: [t('after')] },
    ]);
    expect(blocks('```\nno end')).toEqual([{ kind: 'paragraph', children: [t('```\nno end')] }]);
  });

  it('reads quotes, nested up to three deep', () => {
    expect(blocks('> a\n> *b*\nc')).toEqual([
      { kind: 'quote', children: [{ kind: 'paragraph', children: [t('a\n'), { kind: 'strong', children: [t('b')] }] }] },
      { kind: 'paragraph', children: [t('c')] },
    ]);
    const deep = blocks('>>>> deep');
    expect(JSON.stringify(deep)).toContain('> deep');
  });

  it('reads bulleted and numbered lists, keeping the first number', () => {
    expect(blocks('- a\n* b\n• c')).toEqual([{ kind: 'list', ordered: false, items: [[t('a')], [t('b')], [t('c')]] }]);
    expect(blocks('3. x\n4) y')).toEqual([{ kind: 'list', ordered: true, start: 3, items: [[t('x')], [t('y')]] }]);
    expect(blocks('*bold* line')).toEqual([{ kind: 'paragraph', children: [{ kind: 'strong', children: [t('bold')] }, t(' line')] }]);
  });

  it('keeps plain text exactly, blank lines and all', () => {
    expect(blocks('one\n\n  two  \n')).toEqual([{ kind: 'paragraph', children: [t('one\n\n  two  \n')] }]);
  });

  it('drops the blank lines that only separate blocks', () => {
    expect(blocks('intro\n\n- a\n\nend')).toEqual([
      { kind: 'paragraph', children: [t('intro')] },
      { kind: 'list', ordered: false, items: [[t('a')]] },
      { kind: 'paragraph', children: [t('end')] },
    ]);
  });
});
