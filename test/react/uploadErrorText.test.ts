import { describe, expect, it } from 'vitest';
import { ar } from 'parley/locales/ar';
import { en } from '../../src/i18n/en';
import { formatFileSize } from '../../src/i18n/fileSize';
import { uploadErrorText } from '../../src/react/components/FileUpload/uploadErrorText';

const failed = (name: string, code: string, maxBytes?: number) => ({
  name,
  error: { code, message: 'developer text, never shown', ...(maxBytes !== undefined ? { maxBytes } : {}) },
});

describe('uploadErrorText', () => {
  it.each([
    [failed('video.mov', 'too_large', 10_000_000), 'video.mov is larger than 10 MB'],
    [failed('video.mov', 'too_large', 25_000), 'video.mov is larger than 25 kB'],
    [failed('video.mov', 'too_large'), 'video.mov is too large to upload'],
    [failed('photo.exe', 'unsupported_type'), 'photo.exe is not a supported file type'],
    [failed('a.png', 'forbidden'), 'a.png could not be shared: you are not a member of this conversation'],
    [failed('a.png', 'unauthorized'), 'a.png was not uploaded: your session has expired. Sign in again.'],
    [failed('a.png', 'disconnected'), 'a.png could not be uploaded because you are offline'],
    [failed('a.png', 'timeout'), 'a.png could not be uploaded because you are offline'],
    [failed('a.png', 'unsupported'), 'File uploads are not available in this chat'],
    [failed('a.png', 'internal'), 'a.png could not be uploaded'],
    [failed('a.png', 'something_new'), 'a.png could not be uploaded'],
  ])('%j → %s', (upload, text) => {
    expect(uploadErrorText(en, upload)).toBe(text);
  });

  it('speaks the catalog’s language, numbers included', () => {
    // Whichever digits this runtime's ICU uses for Arabic, they come from Intl with the Arabic unit.
    expect(uploadErrorText(ar, failed('video.mov', 'too_large', 10_000_000))).toBe(`حجم video.mov أكبر من ${formatFileSize(ar, 10_000_000)}`);
    expect(formatFileSize(ar, 10_000_000)).not.toBe(formatFileSize(en, 10_000_000));
  });
});
