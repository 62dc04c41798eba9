import { forwardRef, useEffect, useImperativeHandle, useRef, type ChangeEvent, type DragEvent, type HTMLAttributes } from 'react';
import { acceptAttribute } from '../../../core/fileTypes';
import { preloadUploads } from '../../../core/lazyUploads';
import type { Upload } from '../../../core/types';
import { useCatalog, useChatClient } from '../../ChatProvider';
import { useUploads } from '../../hooks/useUploads';
import { partClassName } from '../className';
import { UploadItem } from './UploadItem';
import { useFileDrop } from './useFileDrop';
import { useUploadAnnouncer } from './useUploadAnnouncer';

export interface FileUploadProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  conversationId: string;
  /** The file picker's filter; defaults to the client's default allowlist (images, PDF, text). */
  accept?: string;
  /** Pick or drop several files at once. Default true. */
  multiple?: boolean;
}

const DEFAULT_ACCEPT = acceptAttribute();

/** Where focus goes once the control that had it disappears (Cancel, Retry and Dismiss remove themselves). */
type FocusTarget = { uploadId: string; action: 'cancel' } | { uploadId: null };

/**
 * An "Attach files" button and a drop zone (the component's root). Each file
 * is checked, uploaded with a progress bar and Cancel, and posted as a message
 * of its own; a refused one stays with the reason, Retry and Dismiss. Every
 * change is announced through a polite live region.
 */
export const FileUpload = forwardRef<HTMLDivElement, FileUploadProps>(function FileUpload({
  conversationId,
  accept = DEFAULT_ACCEPT,
  multiple = true,
  className,
  onDragEnter,
  onDragOver,
  onDragLeave,
  onDrop,
  ...rest
}: FileUploadProps, ref) {
  const client = useChatClient();
  const catalog = useCatalog();
  const t = catalog.upload;
  const uploads = useUploads(conversationId);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => root.current as HTMLDivElement, []);
  const cancelled = useRef(new Set<string>()).current;
  const focusTarget = useRef<FocusTarget | null>(null);
  const announcement = useUploadAnnouncer(uploads, catalog, cancelled);

  // The client fetches its upload code on the first upload; here it is fetched as soon
  // as a way to upload is shown, so picking a file starts at once, even offline later.
  useEffect(() => {
    preloadUploads().catch(() => {
      // The first upload tries again (and reports a failure).
    });
  }, []);

  const start = (files: readonly File[]) => {
    for (const file of multiple ? files : files.slice(0, 1)) {
      client.uploadFile(conversationId, file).catch(() => {
        // Failures stay in the list (with the reason, Retry and Dismiss) and are announced.
      });
    }
  };
  const drop = useFileDrop(start);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    start(Array.from(event.target.files ?? []));
    // Cleared so that choosing the same file again (e.g. after Dismiss) fires `change` again.
    event.target.value = '';
  };

  const actions = {
    onCancel(upload: Upload) {
      cancelled.add(upload.id);
      focusTarget.current = { uploadId: null };
      client.cancelUpload(upload.id);
    },
    onRetry(upload: Upload) {
      focusTarget.current = { uploadId: upload.id, action: 'cancel' };
      client.retryUpload(upload.id).catch(() => {
        // As for a first attempt: the failure shows in the list.
      });
    },
    onDismiss(upload: Upload) {
      focusTarget.current = { uploadId: null };
      client.dismissUpload(upload.id);
    },
  };

  // After the render that removed the focused button, put focus somewhere useful.
  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = null;
    const row = target.uploadId === null ? null : root.current?.querySelector(`[data-upload-id="${CSS.escape(target.uploadId)}"]`);
    const next = row?.querySelector<HTMLButtonElement>(`[data-action="${target.uploadId === null ? '' : target.action}"]:not(:disabled)`);
    (next ?? button.current)?.focus();
  });

  const state = uploads.some((u) => u.status === 'failed')
    ? 'failed'
    : uploads.some((u) => u.status === 'uploading' || u.status === 'done')
      ? 'uploading'
      : uploads.length > 0
        ? 'waiting'
        : 'idle';
  const compose = <E,>(theirs: ((e: E) => void) | undefined, ours: (e: E) => void) => (e: E) => {
    theirs?.(e);
    ours(e);
  };

  return (
    <div
      ref={root}
      className={partClassName('parley-file-upload', className)}
      data-dragging={drop.dragging ? 'true' : 'false'}
      data-state={state}
      onDragEnter={compose<DragEvent<HTMLDivElement>>(onDragEnter, drop.onDragEnter)}
      onDragOver={compose<DragEvent<HTMLDivElement>>(onDragOver, drop.onDragOver)}
      onDragLeave={compose<DragEvent<HTMLDivElement>>(onDragLeave, drop.onDragLeave)}
      onDrop={compose<DragEvent<HTMLDivElement>>(onDrop, drop.onDrop)}
      {...rest}
    >
      {/* The button is the keyboard and screen-reader control; the input only opens the picker. */}
      <input
        ref={input}
        type="file"
        className="parley-visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept={accept}
        multiple={multiple}
        onChange={onChange}
      />
      <button
        ref={button}
        type="button"
        className="parley-button parley-upload-secondary parley-file-upload-button"
        onClick={() => input.current?.click()}
      >
        <span aria-hidden="true" className="parley-file-upload-icon">
          +
        </span>
        {t.attach}
      </button>
      {drop.dragging && (
        <p className="parley-file-upload-drop-hint" aria-hidden="true">
          {t.dropHere}
        </p>
      )}
      {uploads.length > 0 && (
        <ul className="parley-upload-list" role="list" aria-label={t.listLabel}>
          {uploads.map((upload) => (
            <UploadItem key={upload.id} upload={upload} {...actions} />
          ))}
        </ul>
      )}
      <p className="parley-visually-hidden" role="status" aria-live="polite">
        <span key={announcement.key}>{announcement.text}</span>
      </p>
    </div>
  );
});
FileUpload.displayName = 'FileUpload';
