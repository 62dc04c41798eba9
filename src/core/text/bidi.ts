/**
 * Explicit bidirectional formatting characters: the marks (ALM, LRM, RLM), the
 * embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and the isolates (LRI, RLI,
 * FSI, PDI). Inside a user-supplied string they can reorder the text that
 * follows it ("Mallory\u202Eecila" shows as "Malloryalice"), so wherever no
 * element can isolate the string (an attribute, a sentence for a screen reader)
 * they are dropped. Pure string code: the kit, the server and a plain-DOM host
 * share it.
 */
export const BIDI_CONTROL_CLASS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

const BIDI_CONTROLS = new RegExp(`[${BIDI_CONTROL_CLASS}]`, 'g');

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
