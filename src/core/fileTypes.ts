/**
 * Which files may be uploaded. The client checks the declared MIME type and
 * the name's extension before sending a byte (fast, friendly feedback); the
 * server decides for real by content, since both of those are the sender's
 * say-so and a renamed executable carries whatever name it likes.
 */

export interface UploadFileType {
  /** The canonical MIME type stored on the attachment. */
  readonly mimeType: string;
  /** Lower-case extensions without the dot. */
  readonly extensions: readonly string[];
  /** Other MIME types browsers and OSes report for the same files. */
  readonly aliases?: readonly string[];
}

export const DEFAULT_UPLOAD_TYPES: readonly UploadFileType[] = [
  { mimeType: 'image/png', extensions: ['png'] },
  { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'], aliases: ['image/pjpeg'] },
  { mimeType: 'image/gif', extensions: ['gif'] },
  { mimeType: 'image/webp', extensions: ['webp'] },
  { mimeType: 'application/pdf', extensions: ['pdf'] },
  { mimeType: 'text/plain', extensions: ['txt'] },
  { mimeType: 'text/markdown', extensions: ['md', 'markdown'], aliases: ['text/x-markdown'] },
  // Windows reports CSV files as Excel documents.
  { mimeType: 'text/csv', extensions: ['csv'], aliases: ['application/vnd.ms-excel', 'text/comma-separated-values'] },
];

/** 10 MB in the SI units `formatFileSize` shows, so the limit reads as a round "10 MB". */
export const DEFAULT_MAX_UPLOAD_BYTES = 10_000_000;

export interface UploadPolicy {
  /** Largest file accepted, in bytes (checked before uploading). */
  readonly maxBytes: number;
  /** Allowed types, by MIME type and extension. */
  readonly types: readonly UploadFileType[];
}

export const DEFAULT_UPLOAD_POLICY: UploadPolicy = {
  maxBytes: DEFAULT_MAX_UPLOAD_BYTES,
  types: DEFAULT_UPLOAD_TYPES,
};

/** `photo.PNG` → `png`; no extension → `''`. */
export function fileExtension(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** MIME type without parameters, lower-cased: `Text/Plain; charset=utf-8` → `text/plain`. */
function essence(mimeType: string): string {
  return (mimeType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Declared types that say nothing about the content. */
const UNINFORMATIVE = new Set(['', 'application/octet-stream']);

/**
 * The allowlisted type a file claims to be, or null when its extension or
 * declared MIME type is not allowed. A known extension decides; a declared MIME
 * type must then agree with an allowed type (or say nothing). Without an
 * extension the declared type alone decides.
 */
export function matchUploadType(
  name: string,
  declaredType: string,
  types: readonly UploadFileType[] = DEFAULT_UPLOAD_TYPES,
): UploadFileType | null {
  const ext = fileExtension(name);
  const declared = essence(declaredType);
  const byMime = (t: UploadFileType) => t.mimeType === declared || (t.aliases ?? []).includes(declared);
  if (ext === '') return UNINFORMATIVE.has(declared) ? null : (types.find(byMime) ?? null);
  const byExt = types.find((t) => t.extensions.includes(ext));
  if (!byExt) return null;
  if (UNINFORMATIVE.has(declared) || types.some(byMime)) return byExt;
  return null;
}

/** An `accept` attribute for a file input: extensions and MIME types. */
export function acceptAttribute(types: readonly UploadFileType[] = DEFAULT_UPLOAD_TYPES): string {
  return types.flatMap((t) => [t.mimeType, ...t.extensions.map((e) => `.${e}`)]).join(',');
}
