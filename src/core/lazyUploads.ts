/**
 * The client's uploads, with the upload code (UploadManager, file checks)
 * fetched by dynamic import on the first upload: a chat that never uploads
 * never loads it. `uploadFile` and `retryUpload` return promises anyway; once
 * the code is here every call behaves exactly as an UploadManager's.
 */
import type { Engine } from './engine';
import { ChatError, safeString } from './errors';
import type { UploadManager, UploadManagerDeps } from './uploads';

type UploadsModule = typeof import('./uploads');
let loaded: UploadsModule | undefined;
let loading: Promise<UploadsModule> | undefined;

/**
 * Fetch the upload code now (once; a failed fetch is tried again next time).
 * FileUpload does when it mounts, so a file picked later, even offline, finds it here.
 */
export function preloadUploads(): Promise<UploadsModule> {
  // Inside a promise chain, so that an import() that throws at once rejects like a failed fetch.
  return (loading ??= Promise.resolve()
    .then(() => import('./uploads'))
    .then(
      (module) => (loaded = module),
      (err: unknown) => {
        loading = undefined;
        throw new ChatError({ code: 'internal', message: `Could not load the upload code: ${safeString(err)}` });
      },
    ));
}

export type Uploads = Pick<UploadManager, 'upload' | 'retry' | 'cancel' | 'dismiss' | keyof Engine>;

/**
 * An UploadManager made once its code is here. Before that no upload exists,
 * so cancel, dismiss and the lifecycle have nothing to do; upload and retry
 * wait for the code (a failure to fetch it rejects them and is reported).
 */
export function lazyUploads(deps: UploadManagerDeps): Uploads {
  let manager: UploadManager | undefined;
  const now = () => (manager ??= loaded && new loaded.UploadManager(deps));
  const later = <T>(use: (m: UploadManager) => Promise<T>): Promise<T> => {
    const ready = now();
    if (ready) return use(ready);
    return preloadUploads().then(
      () => use(now()!),
      (error: ChatError) => {
        deps.report(error);
        throw error;
      },
    );
  };
  return {
    upload: (conversationId, file, options) => later((m) => m.upload(conversationId, file, options)),
    retry: (id) => later((m) => m.retry(id)),
    cancel: (id) => now()?.cancel(id),
    dismiss: (id) => now()?.dismiss(id),
    start: () => now()?.start(),
    online: () => now()?.online(),
    offline: () => now()?.offline(),
    stop: () => now()?.stop(),
  };
}
