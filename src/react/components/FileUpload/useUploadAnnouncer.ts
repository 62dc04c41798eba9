import { useEffect, useRef, useState } from 'react';
import { visibleFileName } from '../../../core/text/fileName';
import type { Upload } from '../../../core/types';
import { shortRateLimitWait } from '../../../core/uploadWait';
import type { Catalog } from '../../../i18n/en';
import { attributeLabel } from '../../text/isolate';
import { uploadErrorText, uploadWaitingText } from './uploadErrorText';

export interface Announcement {
  text: string;
  /** Changes with every announcement, so a repeated sentence is still a new node and read again. */
  key: number;
}

/**
 * What the polite live region says as uploads change: started, waiting for the
 * connection, failed (with the reason), uploaded, or cancelled. An entry that leaves while uploading was
 * either cancelled here (`cancelled` holds its id) or finished.
 */
export function useUploadAnnouncer(uploads: readonly Upload[], catalog: Catalog, cancelled: ReadonlySet<string>): Announcement {
  const t = catalog.upload;
  const previous = useRef<ReadonlyMap<string, Upload>>(new Map());
  const [announcement, setAnnouncement] = useState<Announcement>({ text: '', key: 0 });

  useEffect(() => {
    const before = previous.current;
    const now = new Map(uploads.map((u) => [u.id, u]));
    const lines: string[] = [];
    for (const upload of uploads) {
      const was = before.get(upload.id);
      const name = visibleFileName(upload.name);
      if (upload.status === 'failed' && was?.status !== 'failed') lines.push(uploadErrorText(catalog, { error: upload.error, name }));
      else if (upload.status === 'waiting' && was?.status !== 'waiting') {
        // Out a server's wait ("trying again in 5 s"), or for the connection.
        const serverWait = shortRateLimitWait(upload.error) !== undefined;
        lines.push(serverWait ? uploadWaitingText(catalog, { error: upload.error, name }) : attributeLabel(t.waitingAnnouncement, { name }));
      }
      else if (upload.status === 'uploading' && was?.status !== 'uploading') lines.push(attributeLabel(t.started, { name }));
    }
    for (const [id, was] of before) {
      if (now.has(id) || was.status === 'failed') continue; // a dismissed failure needs no words
      lines.push(attributeLabel(cancelled.has(id) ? t.cancelled : t.uploaded, { name: visibleFileName(was.name) }));
    }
    previous.current = now;
    if (lines.length > 0) setAnnouncement((a) => ({ text: lines.join(' '), key: a.key + 1 }));
  }, [uploads, catalog, t, cancelled]);

  return announcement;
}
