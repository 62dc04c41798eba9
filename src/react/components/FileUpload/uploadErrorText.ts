import type { Upload } from '../../../core/types';
import type { Catalog } from '../../../i18n/en';
import { formatFileSize } from '../../../i18n/fileSize';
import { interpolate } from '../../../i18n/format';

/**
 * The sentence a person reads for a failed upload. Core reports codes (and
 * English for developers); what the UI says comes from the catalog.
 */
export function uploadErrorText(catalog: Catalog, upload: Pick<Upload, 'name' | 'error'>): string {
  const t = catalog.upload;
  const { name, error } = upload;
  switch (error?.code) {
    case 'too_large':
      return error.maxBytes !== undefined
        ? interpolate(t.tooLarge, { name, max: formatFileSize(catalog, error.maxBytes) })
        : interpolate(t.tooLargeNoLimit, { name });
    case 'unsupported_type':
      return interpolate(t.unsupportedType, { name });
    case 'forbidden':
    case 'not_found':
      return interpolate(t.forbidden, { name });
    case 'unauthorized':
      return interpolate(t.unauthorized, { name });
    case 'disconnected':
    case 'timeout':
      return interpolate(t.offline, { name });
    case 'unsupported':
      return t.unsupported;
    default:
      return interpolate(t.failed, { name });
  }
}
