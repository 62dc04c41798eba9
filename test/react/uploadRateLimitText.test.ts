import { describe, expect, it } from 'vitest';
import { ar } from 'parley/locales/ar';
import { en } from '../../src/i18n/en';
import { formatNumber } from '../../src/i18n/text';
import { uploadErrorText, uploadWaitingText } from '../../src/react/components/FileUpload/uploadErrorText';
import { uploadRetryAt } from '../../src/react/components/FileUpload/uploadRetryAt';

const QUOTA = 'Upload quota reached: 90 of 100 bytes stored for this user. Files never sent in a message are removed after a while; then try again.';
const limited = (retryAfterMs?: number, message = 'Too many uploads: at most 60 per 60 s for each user. Try again in 4.2 s.') => ({
  name: 'cat.png',
  error: { code: 'rate_limited', message, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
});

describe('rate-limited uploads, in words', () => {
  it('a short wait counts down, in the catalog’s words and not the server’s', () => {
    expect(uploadErrorText(en, limited(4_200))).toBe('Too many uploads — try cat.png again in 5 s');
    expect(uploadErrorText(en, limited(4_200), 2)).toBe('Too many uploads — try cat.png again in 2 s');
    expect(uploadErrorText(en, limited(4_200), 0)).toBe('Too many uploads — cat.png was not sent. Try again.');
    expect(uploadWaitingText(en, limited(4_200), 3)).toBe('Too many uploads — trying cat.png again in 3 s');
    expect(uploadErrorText(ar, limited(4_200), 3)).toBe(`عمليات رفع كثيرة جدًا — أعد محاولة رفع cat.png خلال ${formatNumber(ar, 3)} ث`);
  });

  it('a wait too long to sit out (a full quota) is the server’s reason; no wait at all asks to try again', () => {
    expect(uploadErrorText(en, limited(3_600_000, QUOTA))).toBe(`cat.png was not uploaded: ${QUOTA}`);
    expect(uploadErrorText(en, limited(undefined, 'Upload failed (HTTP 429)'))).toBe('Too many uploads — cat.png was not sent. Try again.');
    // Waiting for the link is not a server's wait.
    expect(uploadWaitingText(en, { name: 'cat.png', error: { code: 'disconnected', message: 'lost' } })).toBe('Waiting for a connection…');
    expect(uploadWaitingText(en, limited(3_600_000, QUOTA))).toBe('Waiting for a connection…');
  });

  it('counts a wait from when its refusal was first shown, the same for every later look', () => {
    const { error } = limited(4_000);
    expect(uploadRetryAt(error, 1_000)).toBe(5_000);
    expect(uploadRetryAt(error, 3_000)).toBe(5_000);
    expect(uploadRetryAt({ ...error }, 3_000)).toBe(7_000); // a new refusal: a new wait
    expect(uploadRetryAt(limited(3_600_000).error, 0)).toBeUndefined();
    expect(uploadRetryAt(undefined)).toBeUndefined();
  });
});
