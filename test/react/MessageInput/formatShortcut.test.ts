import { describe, expect, it } from 'vitest';
import { formatShortcutEdit, formatShortcutKey, type FormatShortcutKey, type TextEdit } from '../../../src/react/components/MessageInput/formatShortcut';

/** Applies the edit; `[` and `]` mark the selection before and after. */
function press(marked: string, key: FormatShortcutKey): string {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  const value = marked.replace('[', '').replace(']', '');
  const edit: TextEdit = formatShortcutEdit(value, start, end, key);
  const next = value.slice(0, edit.from) + edit.insert + value.slice(edit.to);
  return `${next.slice(0, edit.selectStart)}[${next.slice(edit.selectStart, edit.selectEnd)}]${next.slice(edit.selectEnd)}`;
}

describe('formatting shortcuts in the input', () => {
  it('wraps the selection in the mark of each key', () => {
    expect(press('say [hello] now', 'b')).toBe('say *[hello]* now');
    expect(press('say [hello] now', 'i')).toBe('say _[hello]_ now');
    expect(press('say [hello] now', 'e')).toBe('say `[hello]` now');
  });

  it('keeps spaces at the edges outside the marks', () => {
    expect(press('say[ hello ]now', 'b')).toBe('say *[hello]* now');
  });

  it('unwraps a selection that is wrapped already, marks outside or inside it', () => {
    expect(press('say *[hello]* now', 'b')).toBe('say [hello] now');
    expect(press('say [*hello*] now', 'b')).toBe('say [hello] now');
  });

  it('puts an empty pair at the caret', () => {
    expect(press('say []', 'i')).toBe('say _[]_');
  });

  it('fences a selection over several lines as a code block', () => {
    expect(press('look:[a = 1\nb = 2]', 'e')).toBe('look:\n```\n[a = 1\nb = 2]\n```');
  });

  it('knows its keys, with Ctrl or Cmd and nothing else', () => {
    const base = { ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };
    expect(formatShortcutKey({ ...base, key: 'b', ctrlKey: true })).toBe('b');
    expect(formatShortcutKey({ ...base, key: 'I', metaKey: true })).toBe('i');
    expect(formatShortcutKey({ ...base, key: 'e', ctrlKey: true, shiftKey: true })).toBeUndefined();
    expect(formatShortcutKey({ ...base, key: 'b' })).toBeUndefined();
    expect(formatShortcutKey({ ...base, key: 'k', ctrlKey: true })).toBeUndefined();
  });
});
