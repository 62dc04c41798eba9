import type { LinkPreview as Preview } from '../../../core/protocol';
import type { ChatMessage } from '../../../core/types';
import { useCatalog, useChatClient } from '../../chatContext';
import { useCurrentUserId } from '../../hooks/useConversations';
import { useAttachmentUrl } from './useAttachmentUrl';

/** The widest the image box gets; its height follows from the image's own width and height. */
const MAX_IMAGE_WIDTH = 320;

export interface LinkPreviewProps {
  /** A sent message with a `preview` (the server made it from the first link in the text). */
  message: Pick<ChatMessage, 'id' | 'authorId' | 'preview'>;
}

/** http and https only: the preview's URLs are the server's word, but another backend's may not be checked. */
function webUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

function isImageUrl(url: string): boolean {
  return /^(https?:|blob:)/i.test(url);
}

type PreviewImage = NonNullable<Preview['image']>;

/** The box keeps the image's proportions from the start, so nothing moves when it arrives. */
function ImageBox({ image, src, onError }: { image: PreviewImage; src: string | undefined; onError?: () => void }) {
  // As wide as the card allows, never wider than the image itself.
  const style = { maxWidth: Math.min(MAX_IMAGE_WIDTH, image.width), aspectRatio: `${image.width} / ${image.height}` };
  return (
    <div className="parley-link-preview-image" style={style}>
      {src !== undefined && isImageUrl(src) && (
        // Decorative: the title says what the page is.
        <img src={src} alt="" referrerPolicy="no-referrer" loading="lazy" decoding="async" onError={onError} />
      )}
    </div>
  );
}

/** An image the server issues per viewer, as attachments are (attachment:url). */
function IssuedImage({ image }: { image: PreviewImage & { id: string } }) {
  const { url, onError } = useAttachmentUrl(image);
  return <ImageBox image={image} src={url} onError={onError} />;
}

function PlainImage({ image }: { image: PreviewImage }) {
  const client = useChatClient();
  return <ImageBox image={image} src={client.resolveAttachmentUrl(image.url)} />;
}

/**
 * The card of a message's link preview: site name, title (a link to the page, its host shown),
 * description (clamped by CSS) and the image, loaded through the server. Its author may remove it.
 */
export function LinkPreview({ message }: LinkPreviewProps) {
  const catalog = useCatalog();
  const client = useChatClient();
  const own = useCurrentUserId() === message.authorId;
  const { preview } = message;
  const page = preview ? webUrl(preview.url) : null;
  if (!preview || !page) return null;
  const { image } = preview;
  const remove = () => {
    // A refusal puts the card back and is reported through the client's error event.
    client.removePreview(message.id).catch(() => {});
  };
  return (
    <div className="parley-link-preview" data-has-image={image ? 'true' : undefined}>
      {image && (image.id !== undefined ? <IssuedImage image={{ ...image, id: image.id }} /> : <PlainImage image={image} />)}
      <div className="parley-link-preview-text">
        {preview.siteName !== undefined && (
          <div className="parley-link-preview-site" dir="auto">
            {preview.siteName}
          </div>
        )}
        <a className="parley-link-preview-title" href={page.href} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer" dir="auto">
          {preview.title || page.host}
        </a>
        <div className="parley-link-preview-host" dir="ltr">
          {page.host}
        </div>
        {preview.description !== undefined && (
          <p className="parley-link-preview-description" dir="auto">
            {preview.description}
          </p>
        )}
      </div>
      {own && (
        <button type="button" className="parley-link-preview-remove" aria-label={catalog.message.removePreview} title={catalog.message.removePreview} onClick={remove}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}
