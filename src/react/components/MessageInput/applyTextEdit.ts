import type { TextEdit } from './formatShortcut';

/**
 * Applies an edit to a textarea as if typed: through `insertText`, so the
 * browser's undo (Ctrl+Z) takes it back and React sees an ordinary input
 * event. Where that command is missing, `setRangeText` and an input event.
 */
export function applyTextEdit(textarea: HTMLTextAreaElement, edit: TextEdit): void {
  textarea.focus();
  textarea.setSelectionRange(edit.from, edit.to);
  // Deprecated but the one way to edit with undo; `insertText` of '' would delete, so a removal uses `delete`.
  const done = edit.insert === '' ? document.execCommand('delete') : document.execCommand('insertText', false, edit.insert);
  if (!done) {
    textarea.setRangeText(edit.insert, edit.from, edit.to, 'end');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }
  textarea.setSelectionRange(edit.selectStart, edit.selectEnd);
}
