/**
 * File names as the server stores them. A name is shown to every member and
 * offered as the download name, so it must not carry a path (`../../etc/x`),
 * nor characters that change what it shows (`visibleFileName`: controls, bidi
 * controls, invisible characters; `cat\u202Egnp.exe` displays as `catexe.png`).
 */
import { LIMITS } from '../core/protocol';
import { visibleFileName } from '../core/text/fileName';

/** Longest extension kept when a long name is shortened ("…stem.pdf"). */
const MAX_EXTENSION = 16;

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

export function sanitizeFileName(name: string, maxLength: number = LIMITS.maxNameLength): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const clean = visibleFileName(base.normalize('NFC'))
    // Leading dots would make a hidden file or `..`; trailing dots and spaces vanish on Windows.
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  if (clean === '') return 'file';
  if (clean.length <= maxLength) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= MAX_EXTENSION + 1 ? clean.slice(dot) : '';
  const short = cut(clean.slice(0, clean.length - ext.length), maxLength - ext.length).replace(/[\s.]+$/, '') + ext;
  // The cut may have left a joiner of a split emoji or word right before the extension.
  return visibleFileName(short);
}
