/**
 * Message text → formatted blocks: fenced code (```lang … ```), block quotes
 * (`> `), bulleted (`- `, `* `, `• `) and numbered (`1. `, `1) `) lists, and
 * paragraphs of everything else with their inline formatting. Line by line,
 * so it never backtracks; an unclosed fence is text, as written. Text with
 * none of the marks takes a fast path (links and mentions only).
 */
import type { FormattedBlock, FormattedInline, FormattingOptions } from './formatTypes';
import { compileMentions, parseInline, type CompiledMentions } from './formatInline';
import { mayHaveFormatting } from './formatMarks';

const FENCE_OPEN = /^ {0,3}```[ \t]*([\w#+.-]{1,32})?[ \t]*$/;
const FENCE_CLOSE = /^ {0,3}```[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const BULLET = /^ {0,3}[-*•][ \t]+(?=\S)/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)][ \t]+(?=\S)/;
/** Quotes inside quotes deeper than this are text. */
const MAX_QUOTE_DEPTH = 3;

/** The formatted form of a message's text. */
export function parseFormatting(text: string, options: FormattingOptions = {}): FormattedBlock[] {
  const mentions = compileMentions(options.mentions);
  if (!mayHaveFormatting(text)) return [{ kind: 'paragraph', children: parseInline(text, mentions) }];
  return parseBlocks(text.split('\n'), mentions, 0);
}

function parseBlocks(lines: readonly string[], mentions: CompiledMentions | undefined, depth: number): FormattedBlock[] {
  // Paragraphs stay as lines until the end: blank lines next to another block only separate it.
  const blocks: (FormattedBlock | string[])[] = [];
  let paragraph: string[] = [];
  const inline = (text: string): FormattedInline[] => parseInline(text, mentions);
  const flush = () => {
    if (paragraph.length > 0) blocks.push(paragraph);
    paragraph = [];
  };
  const fenceCloses = lines.flatMap((l, k) => (FENCE_CLOSE.test(l) ? [k] : []));
  let nextClose = 0;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      while (nextClose < fenceCloses.length && fenceCloses[nextClose]! <= i) nextClose++;
      const close = fenceCloses[nextClose];
      if (close !== undefined) {
        flush();
        const text = lines.slice(i + 1, close).join('\n');
        blocks.push(fence[1] === undefined ? { kind: 'code', text } : { kind: 'code', text, lang: fence[1] });
        i = close + 1;
        continue;
      }
    }
    if (depth < MAX_QUOTE_DEPTH && QUOTE.test(line)) {
      flush();
      const quoted: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i]!); i++) quoted.push(lines[i]!.replace(QUOTE, ''));
      blocks.push({ kind: 'quote', children: parseBlocks(quoted, mentions, depth + 1) });
      continue;
    }
    const ordered = NUMBERED.exec(line);
    if (ordered || BULLET.test(line)) {
      flush();
      const marker = ordered ? NUMBERED : BULLET;
      const items: FormattedInline[][] = [];
      for (; i < lines.length && marker.test(lines[i]!); i++) items.push(inline(lines[i]!.replace(marker, '')));
      const start = ordered ? Number(ordered[1]) : 1;
      blocks.push(ordered && start !== 1 ? { kind: 'list', ordered: true, start, items } : { kind: 'list', ordered: ordered !== null, items });
      continue;
    }
    paragraph.push(line);
    i++;
  }
  flush();
  if (blocks.length === 1 && Array.isArray(blocks[0])) return [{ kind: 'paragraph', children: inline(blocks[0].join('\n')) }];
  return blocks.flatMap((block): FormattedBlock[] => {
    if (!Array.isArray(block)) return [block];
    const text = block.join('\n').replace(/^(?:[ \t]*\n)+|(?:\n[ \t]*)+$/g, '');
    return text.trim() === '' ? [] : [{ kind: 'paragraph', children: inline(text) }];
  });
}
