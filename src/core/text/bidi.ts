/**
 * Explicit bidirectional formatting characters: the marks (ALM, LRM, RLM), the
 * embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and the isolates (LRI, RLI,
 * FSI, PDI). Inside a user-supplied string they can reorder the text that
 * follows it ("Mallory\u202Eecila" shows as "Malloryalice"), so wherever no
 * element can isolate the string (an attribute, a sentence for a screen reader)
 * they are dropped. Pure string code, shared by the kit and the server.
 */
// A literal, not `new RegExp`: bundlers drop an unused literal, never a constructor call.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
