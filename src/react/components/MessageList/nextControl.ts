/** What Tab can land on inside a row: links in its text, reaction chips, toolbar buttons, the editor. */
const CONTROLS = 'a[href], button:not(:disabled), textarea, input, select, [tabindex="0"]';

/** The control that follows `from` in `row`, in document order (which is Tab order there). */
export function nextControl(row: Element, from: Element): HTMLElement | undefined {
  for (const control of row.querySelectorAll<HTMLElement>(CONTROLS)) {
    if (from.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_FOLLOWING) return control;
  }
  return undefined;
}
