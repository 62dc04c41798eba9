/**
 * One rule for every user-supplied string the kit shows (names, titles, file
 * names, link text), so a name's direction, or an override hidden in it, cannot
 * reorder the text around it ("Mallory\u202Eecila is typing…"):
 * - in visible text it sits in its own `<bdi>` (or an element with `dir="auto"`);
 * - where no element can hold it (an attribute such as aria-label, title, alt or
 *   placeholder, or a sentence for a screen reader) its bidi controls are dropped.
 */
import type { ReactNode } from 'react';
import { stripBidiControls } from '../../core/text/bidi';
import { interpolate } from '../../i18n/text';

/** A user-supplied string for an attribute or an announcement. */
export const attributeText: (text: string) => string = stripBidiControls;

/** A catalog sentence for an attribute or an announcement: the values lose their bidi controls, the catalog's own text stays as written. */
export function attributeLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  const plain: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values)) plain[key] = typeof value === 'string' ? stripBidiControls(value) : value;
  return interpolate(template, plain);
}

/**
 * A visible sentence with user-supplied strings in it, each in its own `<bdi>`.
 * `build` writes the sentence with the kit's string functions (`typingText`,
 * `uploadErrorText`, …), passing each user value through `slot`, so the choice
 * of words lives in one place; a builder must put what `slot` returns into the
 * sentence unchanged. Empty when the sentence is.
 */
export function isolatedSentence(build: (slot: (value: string) => string) => string): ReactNode[] {
  const values: string[] = [];
  // A slot is a private-use character pair around the value's index: no catalog or formatter writes those.
  // Splitting on the capturing pattern alternates text and indexes: text, 0, text, 1, text.
  return build((value) => `\uE000${values.push(value) - 1}\uE001`)
    .split(/\uE000(\d+)\uE001/)
    .map((part, i) => (i % 2 ? <bdi key={i}>{values[Number(part)]}</bdi> : part))
    .filter((part) => part !== '');
}
