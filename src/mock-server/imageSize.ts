/**
 * Width and height from an image's header, so clients can reserve the
 * thumbnail's box before it loads (no layout shift in the message list).
 * Tiny pure parsers for the four allowlisted image formats; anything
 * malformed gives null, never an exception.
 */

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 0x10000 + u16be(b, i + 2);
const fourcc = (b: Uint8Array, i: number) => String.fromCharCode(...b.subarray(i, i + 4));

const sized = (width: number, height: number): ImageSize | null =>
  width > 0 && height > 0 && Number.isSafeInteger(width) && Number.isSafeInteger(height) ? { width, height } : null;

/** PNG: the IHDR chunk always comes first, right after the 8-byte signature. */
export function pngSize(b: Uint8Array): ImageSize | null {
  if (b.length < 24 || fourcc(b, 12) !== 'IHDR') return null;
  return sized(u32be(b, 16), u32be(b, 20));
}

/** GIF: the logical screen size follows the 6-byte signature. */
export function gifSize(b: Uint8Array): ImageSize | null {
  if (b.length < 10) return null;
  return sized(u16le(b, 6), u16le(b, 8));
}

/** WEBP: the first chunk is lossy (VP8), lossless (VP8L) or extended (VP8X), each with its own header. */
export function webpSize(b: Uint8Array): ImageSize | null {
  if (b.length < 30) return null;
  switch (fourcc(b, 12)) {
    case 'VP8 ':
      // Key frame start code 9d 01 2a, then 14-bit width and height (2 scaling bits above).
      if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
      return sized(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
    case 'VP8L': {
      if (b[20] !== 0x2f) return null;
      const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
      return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    case 'VP8X':
      return sized(u24le(b, 24) + 1, u24le(b, 27) + 1);
    default:
      return null;
  }
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic); not DHT (c4), JPG (c8) or DAC (cc). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * JPEG: walk the segments to the frame header. The EXIF orientation is read on
 * the way: browsers rotate by it, so orientations 5–8 swap width and height.
 */
export function jpegSize(b: Uint8Array): ImageSize | null {
  let i = 2;
  let orientation = 1;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / scan data before any frame
    const length = u16be(b, i + 2);
    if (length < 2) return null;
    if (marker === 0xe1) orientation = exifOrientation(b.subarray(i + 4, i + 2 + length)) ?? orientation;
    if (SOF.has(marker)) {
      if (i + 9 > b.length) return null;
      const height = u16be(b, i + 5);
      const width = u16be(b, i + 7);
      return orientation >= 5 && orientation <= 8 ? sized(height, width) : sized(width, height);
    }
    i += 2 + length;
  }
  return null;
}

/** The Orientation tag (0x0112) of IFD0 in an APP1 "Exif" payload. */
export function exifOrientation(app1: Uint8Array): number | null {
  if (app1.length < 14 || fourcc(app1, 0) !== 'Exif') return null;
  const tiff = app1.subarray(6);
  const little = tiff[0] === 0x49 && tiff[1] === 0x49; // "II"
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null; // "MM"
  const u16 = (i: number) => (little ? u16le(tiff, i) : u16be(tiff, i));
  const u32 = (i: number) => (little ? u16le(tiff, i) + u16le(tiff, i + 2) * 0x10000 : u32be(tiff, i));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let n = 0; n < count; n++) {
    const entry = ifd + 2 + n * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return null;
}

/** Dimensions of an allowlisted image type; null for other types or a header that does not parse. */
export function readImageSize(bytes: Uint8Array, mimeType: string): ImageSize | null {
  switch (mimeType) {
    case 'image/png':
      return pngSize(bytes);
    case 'image/jpeg':
      return jpegSize(bytes);
    case 'image/gif':
      return gifSize(bytes);
    case 'image/webp':
      return webpSize(bytes);
    default:
      return null;
  }
}
