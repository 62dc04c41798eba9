import { describe, expect, it } from 'vitest';
import { sanitizeFileName } from '../../src/mock-server/fileNames';
import { isPlainText, looksLikeHtml, sniffFileType } from '../../src/mock-server/fileSniffing';
import { exifOrientation, readImageSize } from '../../src/mock-server/imageSize';
import { bytes, gif, jpeg, png, webpExtended, webpLossless, webpLossy } from './imageFixtures';

const text = (s: string) => new TextEncoder().encode(s);

describe('sniffFileType: the type by content', () => {
  it.each([
    ['png', png(3, 2), 'image/png'],
    ['jpeg', jpeg(3, 2), 'image/jpeg'],
    ['gif', gif(3, 2), 'image/gif'],
    ['webp', webpLossy(3, 2), 'image/webp'],
    ['pdf', bytes('%PDF-1.7\n%âãÏÓ\n'), 'application/pdf'],
  ])('recognises %s by its magic bytes', (_label, content, mimeType) => {
    expect(sniffFileType(content, 'upload.bin')).toBe(mimeType);
  });

  it('trusts the content over the name: a PNG named .jpg is a PNG', () => {
    expect(sniffFileType(png(1, 1), 'cat.jpg')).toBe('image/png');
  });

  it.each([
    ['a Windows executable', bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0]), 'cat.png'],
    ['an ELF binary', bytes([0x7f], 'ELF', [2, 1, 1, 0]), 'cat.png'],
    ['a zip archive', bytes('PK', [3, 4, 20, 0]), 'report.pdf'],
    ['HTML', text('<!DOCTYPE html><script>alert(1)</script>'), 'cat.png'],
    ['HTML, even as .txt', text('  <html><body onload=alert(1)>'), 'notes.txt'],
    ['SVG (script-capable) as .txt', text('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'), 'pic.txt'],
    ['text named as an image', text('just words'), 'cat.png'],
    ['text with a NUL byte', bytes('abc', [0], 'def'), 'notes.txt'],
    ['invalid UTF-8', bytes('abc', [0xc3, 0x28]), 'notes.txt'],
    ['a truncated signature', bytes([0x89, 0x50, 0x4e]), 'cat.png'],
    ['nothing at all', bytes(), 'empty.png'],
  ])('refuses %s (%s)', (_label, content, name) => {
    expect(sniffFileType(content, name)).toBeNull();
  });

  it('accepts clean UTF-8 text for .txt, .md and .csv, typed by extension', () => {
    expect(sniffFileType(text('Hello, مرحبا 👋\n'), 'hello.txt')).toBe('text/plain');
    expect(sniffFileType(text('# Title\n\n<b>bold</b> inside'), 'README.MD')).toBe('text/markdown');
    expect(sniffFileType(text('\uFEFFa,b\n1,2\n'), 'data.csv')).toBe('text/csv');
    expect(sniffFileType(text(''), 'empty.txt')).toBe('text/plain');
  });

  it('isPlainText / looksLikeHtml', () => {
    expect(isPlainText(text('ok'))).toBe(true);
    expect(isPlainText(bytes([0xff, 0xfe]))).toBe(false);
    expect(looksLikeHtml(text('<p>hi</p>'))).toBe(true);
    expect(looksLikeHtml(text('a <p> later is fine'))).toBe(false);
    expect(looksLikeHtml(text('<pre'))).toBe(false);
  });
});

describe('readImageSize: width and height from headers', () => {
  it.each([
    ['image/png', png(640, 480)],
    ['image/gif', gif(640, 480)],
    ['image/jpeg', jpeg(640, 480)],
    ['image/jpeg', jpeg(640, 480, { sof: 0xc2 })],
    ['image/webp', webpLossy(640, 480)],
    ['image/webp', webpLossless(640, 480)],
    ['image/webp', webpExtended(640, 480)],
  ])('%s', (mimeType, content) => {
    expect(readImageSize(content, mimeType)).toEqual({ width: 640, height: 480 });
  });

  it('handles the extremes of each field', () => {
    expect(readImageSize(png(100_000, 1), 'image/png')).toEqual({ width: 100_000, height: 1 });
    expect(readImageSize(gif(65_535, 1), 'image/gif')).toEqual({ width: 65_535, height: 1 });
    expect(readImageSize(webpLossless(16_384, 16_384), 'image/webp')).toEqual({ width: 16_384, height: 16_384 });
    expect(readImageSize(webpExtended(16_777_216, 1), 'image/webp')).toEqual({ width: 16_777_216, height: 1 });
  });

  it('swaps a JPEG rotated by its EXIF orientation (5–8), either byte order', () => {
    expect(readImageSize(jpeg(640, 480, { orientation: 6 }), 'image/jpeg')).toEqual({ width: 480, height: 640 });
    expect(readImageSize(jpeg(640, 480, { orientation: 8, littleEndian: true }), 'image/jpeg')).toEqual({ width: 480, height: 640 });
    expect(readImageSize(jpeg(640, 480, { orientation: 3 }), 'image/jpeg')).toEqual({ width: 640, height: 480 });
    expect(exifOrientation(bytes('Exif\0\0', 'XX'))).toBeNull();
  });

  it('gives null for broken or truncated headers, never throwing', () => {
    const cases: [Uint8Array, string][] = [
      [png(10, 10).subarray(0, 20), 'image/png'],
      [png(0, 10), 'image/png'],
      [gif(10, 10).subarray(0, 8), 'image/gif'],
      [jpeg(10, 10).subarray(0, 30), 'image/jpeg'],
      [bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image/jpeg'],
      [bytes([0xff, 0xd8, 0x00, 0x00, 0, 0]), 'image/jpeg'],
      [webpLossy(10, 10).subarray(0, 25), 'image/webp'],
      [bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'ABCD', new Array(20).fill(0)), 'image/webp'],
      [png(10, 10), 'application/pdf'],
    ];
    for (const [content, mimeType] of cases) expect(readImageSize(content, mimeType)).toBeNull();
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['photo.png', 'photo.png'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\Desktop\\cat.png', 'cat.png'],
    ['a\nb\r\t.txt', 'ab.txt'],
    ['cat\u202Egnp.exe', 'catgnp.exe'],
    ['\u2066evil\u2069.pdf', 'evil.pdf'],
    ['.htaccess', 'htaccess'],
    ['..', 'file'],
    ['', 'file'],
    ['   report .pdf. ', 'report .pdf'],
    ['dir/', 'file'],
    ['e\u0301te\u0301.txt', 'été.txt'],
  ])('%j → %j', (input, output) => {
    expect(sanitizeFileName(input)).toBe(output);
  });

  it('shortens to 200 characters, keeping the extension and whole characters', () => {
    const long = sanitizeFileName(`${'a'.repeat(300)}.jpeg`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('a.jpeg')).toBe(true);
    const emoji = sanitizeFileName(`${'😀'.repeat(150)}.png`);
    expect(emoji.length).toBeLessThanOrEqual(200);
    expect(emoji).toMatch(/^(😀)+\.png$/u);
    expect(sanitizeFileName('x'.repeat(500))).toBe('x'.repeat(200));
  });
});
