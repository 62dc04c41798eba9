/**
 * Whether text may hold formatting: a mark (`*`, `_`, `~`, `` ` ``, `[`) or a
 * line that starts a quote or a list. Text without any renders exactly as
 * plain text with links does, so the bubble needs no parser for it.
 */
const MARKS = /[*_~`[]|(?:^|\n) {0,3}(?:[>•-]|\d{1,9}[.)])/;

export function mayHaveFormatting(text: string): boolean {
  return MARKS.test(text);
}
