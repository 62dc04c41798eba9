/**
 * Ctrl/Cmd+B, I and E in the message input: wrap the selection in `*`, `_`
 * or `` ` `` (a selection over several lines in a ``` fence), or unwrap it
 * when it is wrapped already. With nothing selected, the pair goes in with
 * the caret between. Spaces at the selection's edges stay outside the marks,
 * where the formatting parser needs them. Pure, so it is tested apart; the
 * input applies it as one edit, which keeps the browser's undo working.
 */

export type FormatShortcutKey = 'b' | 'i' | 'e';

/** Replace `value.slice(from, to)` with `insert`, then select `selectStart..selectEnd`. */
export interface TextEdit {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
  readonly selectStart: number;
  readonly selectEnd: number;
}

const MARK: Record<FormatShortcutKey, string> = { b: '*', i: '_', e: '`' };
const FENCE = '```';

/** The shortcut a key event stands for, if any. */
export function formatShortcutKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): FormatShortcutKey | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return undefined;
  const key = event.key.toLowerCase();
  return key === 'b' || key === 'i' || key === 'e' ? key : undefined;
}

export function formatShortcutEdit(value: string, start: number, end: number, key: FormatShortcutKey): TextEdit {
  const selected = value.slice(start, end);
  if (key === 'e' && selected.includes('\n')) return fence(value, start, end);
  const mark = MARK[key];
  const n = mark.length;
  // Already wrapped, marks outside the selection: take them away.
  if (value.slice(start - n, start) === mark && value.slice(end, end + n) === mark) {
    return { from: start - n, to: end + n, insert: selected, selectStart: start - n, selectEnd: end - n };
  }
  // Marks selected with the text: the same.
  if (selected.length > 2 * n && selected.startsWith(mark) && selected.endsWith(mark)) {
    const inner = selected.slice(n, -n);
    return { from: start, to: end, insert: inner, selectStart: start, selectEnd: start + inner.length };
  }
  const lead = /^\s*/.exec(selected)![0].length;
  const core = selected.trim();
  if (core === '') {
    const at = start + lead;
    return { from: at, to: at, insert: mark + mark, selectStart: at + n, selectEnd: at + n };
  }
  const from = start + lead;
  return { from, to: from + core.length, insert: mark + core + mark, selectStart: from + n, selectEnd: from + n + core.length };
}

/** Several lines become a code block: fences on lines of their own. */
function fence(value: string, start: number, end: number): TextEdit {
  const selected = value.slice(start, end);
  const before = start > 0 && value[start - 1] !== '\n' ? '\n' : '';
  const after = end < value.length && value[end] !== '\n' ? '\n' : '';
  const body = selected.replace(/^\n+|\n+$/g, '');
  const insert = `${before}${FENCE}\n${body}\n${FENCE}${after}`;
  const bodyStart = start + before.length + FENCE.length + 1;
  return { from: start, to: end, insert, selectStart: bodyStart, selectEnd: bodyStart + body.length };
}
