/**
 * What a file really is, judged by its bytes. The name and the declared MIME
 * type are the sender's say-so; a `cat.png` that starts with `MZ` is a Windows
 * executable and an `<html>` one would run script if ever served as HTML. So
 * binary types are recognised by their magic bytes, and plain text (which has
 * none) only when the name asks for a text type and the bytes are clean UTF-8.
 */
import { DEFAULT_UPLOAD_TYPES, fileExtension, type UploadFileType } from '../core/fileTypes';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

/** Binary formats by signature; the first match wins. */
const SIGNATURES: readonly { mimeType: string; test: (bytes: Uint8Array) => boolean }[] = [
  { mimeType: 'image/png', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mimeType: 'image/jpeg', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { mimeType: 'image/gif', test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { mimeType: 'image/webp', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { mimeType: 'application/pdf', test: (b) => startsWith(b, ascii('%PDF-')) },
];

/** The binary type the content starts with, if any of the known ones. */
export function sniffBinaryType(bytes: Uint8Array): string | null {
  return SIGNATURES.find((s) => s.test(bytes))?.mimeType ?? null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8 without NUL bytes: what an editor saves, and never an executable or an image. */
export function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Markup a browser's content sniffer would take for HTML (the WHATWG "HTML"
 * patterns, checked at the start after whitespace): refused even as text, so
 * it can never be rendered as a page from the upload's URL.
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF?\s*/, '').toLowerCase();
  return /^<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|svg|\?xml|!--)[\s>/]/.test(head);
}

/**
 * The allowlisted MIME type for this content and name, or null to refuse it.
 * Binary content decides by itself (a PNG named `.jpg` is stored as PNG); text
 * content takes its type from the extension, and only text extensions qualify.
 */
export function sniffFileType(
  bytes: Uint8Array,
  name: string,
  types: readonly UploadFileType[] = DEFAULT_UPLOAD_TYPES,
): string | null {
  const allowed = (mimeType: string) => types.some((t) => t.mimeType === mimeType);
  const binary = sniffBinaryType(bytes);
  if (binary) return allowed(binary) ? binary : null;
  const ext = fileExtension(name);
  const textType = types.find((t) => t.mimeType.startsWith('text/') && t.extensions.includes(ext));
  if (!textType || !isPlainText(bytes) || looksLikeHtml(bytes)) return null;
  return textType.mimeType;
}
