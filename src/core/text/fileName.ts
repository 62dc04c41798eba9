/**
 * The characters of a file name a reader can see. A name is shown to every
 * member and offered as the download name, so what it shows must be what it
 * is: no bidi controls ("invoice\u202Efdp.exe" displays as "invoiceexe.pdf"),
 * no control characters (a newline forging a second line in a UI or a log), no
 * invisible characters hiding inside it. The server stores names this way and
 * the kit shows them this way, since another backend may not.
 */
import { stripBidiControls } from './bidi';

/** C0 and C1 controls, DEL, zero-width space, word joiner and invisible operators, BOM (and the bidi controls, stripped apart). */
const NEVER_SHOWN = /[\u0000-\u001f\u007f-\u009f\u200b\u2060-\u2064\ufeff]/g;

/**
 * ZWNJ and ZWJ are part of spelling in Persian and Indic scripts and glue emoji
 * sequences (👩‍💻), so they stay between two letters or emoji; anywhere else
 * (next to a dot, a space, a digit, each other, at either end) they only hide.
 * Neighbours are read with slices, not lookbehind, which older Safari lacks.
 */
const JOINERS = /[\u200c\u200d]/g;
const JOINS_AFTER = /[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]$/u;
const JOINS_BEFORE = /^[\p{L}\p{Extended_Pictographic}]/u;

export function visibleFileName(name: string): string {
  const shown = stripBidiControls(name).replace(NEVER_SHOWN, '');
  return shown.replace(JOINERS, (joiner: string, at: number) =>
    // Two UTF-16 units on each side: enough for one astral character (an emoji).
    JOINS_AFTER.test(shown.slice(Math.max(0, at - 2), at)) && JOINS_BEFORE.test(shown.slice(at + 1, at + 3)) ? joiner : '',
  );
}
