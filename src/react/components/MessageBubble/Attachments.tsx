import type { Attachment } from '../../../core/protocol';
import { visibleFileName } from '../../../core/text/fileName';
import { formatFileSize } from '../../../i18n/fileSize';
import { useCatalog, useChatClient } from '../../chatContext';
import { attributeLabel } from '../../text/isolate';

const MAX_IMAGE_WIDTH = 240;
const MAX_IMAGE_HEIGHT = 320;

/** Image thumbnails reserve their box from metadata so nothing shifts when they load. */
function imageBox(a: Attachment): { width: number; height: number } | null {
  if (!a.width || !a.height) return null;
  const scale = Math.min(1, MAX_IMAGE_WIDTH / a.width, MAX_IMAGE_HEIGHT / a.height);
  return { width: Math.round(a.width * scale), height: Math.round(a.height * scale) };
}

function isSafeUrl(url: string): boolean {
  try {
    const parsed = new URL(url, 'http://placeholder.invalid/');
    return ['http:', 'https:', 'blob:', 'data:'].includes(parsed.protocol) && !/^data:(?!image\/(png|jpeg|gif|webp))/i.test(url);
  } catch {
    return false;
  }
}

/** A message's files: image thumbnails and download links. Loaded on first use (`components/lazyParts`). */
export function Attachments({ attachments }: { attachments: readonly Attachment[] }) {
  const catalog = useCatalog();
  const client = useChatClient();
  if (attachments.length === 0) return null;
  return (
    <ul className="parley-attachments" role="list">
      {attachments.map((a) => {
        const box = a.mimeType.startsWith('image/') ? imageBox(a) : null;
        const safe = isSafeUrl(a.url);
        // Credentials may be added for loading; they must not leak through the Referer header.
        const url = client.resolveAttachmentUrl(a.url);
        // Shown without the characters that change what a name shows: another backend may not have removed them.
        const name = visibleFileName(a.name);
        const label = attributeLabel(catalog.message.attachment, { name, size: formatFileSize(catalog, a.size) });
        return (
          <li key={a.id} className="parley-attachment" data-kind={box ? 'image' : 'file'}>
            {box && safe ? (
              <a href={url} target="_blank" rel="noopener noreferrer" referrerPolicy="no-referrer" aria-label={label}>
                <img
                  className="parley-attachment-image"
                  src={url}
                  referrerPolicy="no-referrer"
                  alt={name}
                  width={box.width}
                  height={box.height}
                  loading="lazy"
                  decoding="async"
                />
              </a>
            ) : (
              <a
                className="parley-attachment-file"
                href={safe ? url : undefined}
                download={name}
                rel="noopener noreferrer"
                referrerPolicy="no-referrer"
              >
                <span className="parley-attachment-name" dir="auto">
                  {name}
                </span>
                <span className="parley-attachment-size">{formatFileSize(catalog, a.size)}</span>
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
