import { useId } from 'react';
import { visibleFileName } from '../../../core/text/fileName';
import type { Upload } from '../../../core/types';
import { formatFileSize } from '../../../i18n/fileSize';
import { useCatalog } from '../../ChatProvider';
import { attributeLabel, isolatedSentence } from '../../text/isolate';
import { useRetryCountdown } from '../ConnectionStatus/useRetryCountdown';
import { SmallButton, type SmallButtonProps } from '../SmallButton';
import { uploadErrorText, uploadWaitingText } from './uploadErrorText';
import { uploadRetryAt } from './uploadRetryAt';

export interface UploadItemProps {
  upload: Upload;
  onCancel: (upload: Upload) => void;
  onRetry: (upload: Upload) => void;
  onDismiss: (upload: Upload) => void;
}

/**
 * One file: name, size, and either a progress bar with Cancel, "waiting for a
 * connection" (or out the server's wait, counting down) with Cancel, or the reason it
 * failed with Retry and Dismiss. Buttons show a short word and carry the file
 * name in their accessible name ("Cancel upload of cat.png"), which starts with
 * the visible word, so voice control ("click Cancel") still finds them.
 */
export function UploadItem({ upload, onCancel, onRetry, onDismiss }: UploadItemProps) {
  const catalog = useCatalog();
  const t = catalog.upload;
  const errorId = useId();
  // The name as it will be stored: no controls or invisible characters (core/text/fileName).
  const name = visibleFileName(upload.name);
  const failed = upload.status === 'failed';
  const error = upload.error;
  // Too many uploads: the seconds left of the server's wait, before it goes again (or may be retried).
  const secondsLeft = useRetryCountdown(uploadRetryAt(error));
  const cancelButton = (
    <UploadButton action="cancel" name={name} secondary disabled={upload.status === 'done'} onClick={() => onCancel(upload)} />
  );
  return (
    <li className="parley-upload" data-status={upload.status} data-upload-id={upload.id}>
      <span className="parley-upload-info">
        {/* The name's own direction: a Latin file name inside an Arabic UI and vice versa. */}
        <span className="parley-upload-name" dir="auto" title={name}>
          {name}
        </span>
        <span className="parley-upload-size">{formatFileSize(catalog, upload.size)}</span>
      </span>
      {failed ? (
        <>
          <span id={errorId} className="parley-upload-error">
            {/* The server's own words, when shown (a full quota), keep their direction like the name. */}
            {isolatedSentence((slot) =>
              uploadErrorText(catalog, { error: error && { ...error, message: slot(error.message) }, name: slot(name) }, secondsLeft),
            )}
          </span>
          <span className="parley-upload-actions">
            <UploadButton action="retry" name={name} aria-describedby={errorId} onClick={() => onRetry(upload)} />
            <UploadButton action="dismiss" name={name} secondary onClick={() => onDismiss(upload)} />
          </span>
        </>
      ) : upload.status === 'waiting' ? (
        <>
          <span className="parley-upload-waiting">
            {isolatedSentence((slot) => uploadWaitingText(catalog, { error, name: slot(name) }, secondsLeft))}
          </span>
          <span className="parley-upload-actions">{cancelButton}</span>
        </>
      ) : (
        <>
          <progress
            className="parley-upload-progress"
            max={Math.max(upload.size, 1)}
            value={upload.status === 'done' ? Math.max(upload.size, 1) : upload.sentBytes}
            aria-label={attributeLabel(t.progress, { name })}
          />
          <span className="parley-upload-actions">{cancelButton}</span>
        </>
      )}
    </li>
  );
}
UploadItem.displayName = 'UploadItem';

interface UploadButtonProps extends Omit<SmallButtonProps, 'children' | 'className'> {
  action: 'cancel' | 'retry' | 'dismiss';
  /** The file's name, for the accessible name. */
  name: string;
  /** Drawn quieter than the one primary action, Retry. */
  secondary?: boolean;
}

/** The short visible word, and an accessible name that starts with it and names the file. */
function UploadButton({ action, name, secondary = false, ...rest }: UploadButtonProps) {
  const t = useCatalog().upload;
  return (
    <SmallButton
      className={secondary ? 'parley-upload-secondary' : undefined}
      data-action={action}
      aria-label={attributeLabel(t[`${action}Label` as const], { name })}
      {...rest}
    >
      {t[action]}
    </SmallButton>
  );
}
