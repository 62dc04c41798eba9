import type { Attachment } from '../../../core/protocol';
import { visibleFileName } from '../../../core/text/fileName';
import { formatFileSize } from '../../../i18n/fileSize';
import { useCatalog } from '../../chatContext';
import { interpolate } from '../../../i18n/text';
import { attributeLabel, isolatedSentence } from '../../text/isolate';
import { useAttachmentUrl } from './useAttachmentUrl';

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

/** One file: an image thumbnail or a download link, from a URL the server issued for this viewer. */
function AttachmentItem({ attachment: a }: { attachment: Attachment }) {
  const catalog = useCatalog();
  const { url, onError, onClick, failed } = useAttachmentUrl(a);
  const box = a.mimeType.startsWith('image/') ? imageBox(a) : null;
  const safe = isSafeUrl(a.url) && (url === undefined || isSafeUrl(url));
  // Shown without the characters that change what a name shows: another backend may not have removed them.
  const name = visibleFileName(a.name);
  const label = attributeLabel(catalog.message.attachment, { name, size: formatFileSize(catalog, a.size) });
  return (
    <li className="parley-attachment" data-kind={box ? 'image' : 'file'}>
      {box && safe ? (
        // Credentials may be in the URL for loading; they must not leak through the Referer header.
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
            onError={onError}
          />
        </a>
      ) : (
        <>
          {/* A click gets a URL that works now: the one shown may have expired since (useAttachmentUrl). */}
          <a
            className="parley-attachment-file"
            href={safe ? url : undefined}
            download={name}
            rel="noopener noreferrer"
            referrerPolicy="no-referrer"
            onClick={safe ? onClick : undefined}
          >
            <span className="parley-attachment-name" dir="auto">
              {name}
            </span>
            <span className="parley-attachment-size">{formatFileSize(catalog, a.size)}</span>
          </a>
          {failed && (
            <span className="parley-attachment-error" role="alert">
              {isolatedSentence((slot) => interpolate(catalog.message.attachmentFailed, { name: slot(name) }))}
            </span>
          )}
        </>
      )}
    </li>
  );
}

/** A message's files: image thumbnails and download links. Loaded on first use (`components/lazyParts`). */
export function Attachments({ attachments }: { attachments: readonly Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="parley-attachments" role="list">
      {attachments.map((a) => (
        <AttachmentItem key={a.id} attachment={a} />
      ))}
    </ul>
  );
}
