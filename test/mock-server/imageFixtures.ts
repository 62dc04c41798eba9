/** Minimal image headers built byte by byte, the way each format's spec lays them out. */
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const be32 = (n: number) => [...be16(Math.floor(n / 0x10000)), ...be16(n & 0xffff)];
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
const le32 = (n: number) => [...le16(n & 0xffff), ...le16(Math.floor(n / 0x10000))];

export const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : p)));

export function png(width: number, height: number): Uint8Array {
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    be32(13), 'IHDR', be32(width), be32(height), [8, 6, 0, 0, 0], [0, 0, 0, 0],
    be32(0), 'IEND', [0xae, 0x42, 0x60, 0x82],
  );
}

export function gif(width: number, height: number): Uint8Array {
  return bytes('GIF89a', le16(width), le16(height), [0, 0, 0], ';');
}

/** JFIF, an optional EXIF orientation (big- or little-endian TIFF), a DHT (not a frame!), then SOF. */
export function jpeg(width: number, height: number, options: { orientation?: number; littleEndian?: boolean; sof?: number } = {}) {
  const { orientation, littleEndian = false, sof = 0xc0 } = options;
  const u16 = littleEndian ? le16 : be16;
  const u32 = littleEndian ? le32 : be32;
  const exif =
    orientation === undefined
      ? []
      : [0xff, 0xe1, ...be16(34), ...ascii('Exif\0\0'), ...ascii(littleEndian ? 'II' : 'MM'), ...u16(42), ...u32(8),
         ...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0, ...u32(0)];
  return bytes(
    [0xff, 0xd8],
    [0xff, 0xe0], be16(16), 'JFIF\0', [1, 1, 0], be16(1), be16(1), [0, 0],
    exif,
    [0xff, 0xc4], be16(3), [0],
    [0xff, sof], be16(17), [8], be16(height), be16(width), [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
    [0xff, 0xda], be16(2),
    [0xff, 0xd9],
  );
}

const riff = (chunk: string, body: number[]) => bytes('RIFF', le32(4 + 8 + body.length), 'WEBP', chunk, le32(body.length), body);

export function webpLossy(width: number, height: number): Uint8Array {
  return riff('VP8 ', [0x50, 0x01, 0x00, 0x9d, 0x01, 0x2a, ...le16(width), ...le16(height), 0, 0]);
}

export function webpLossless(width: number, height: number): Uint8Array {
  const bits = ((width - 1) | ((height - 1) << 14) | (1 << 28)) >>> 0;
  return riff('VP8L', [0x2f, ...le32(bits), 0, 0, 0, 0, 0]);
}

export function webpExtended(width: number, height: number): Uint8Array {
  return riff('VP8X', [0x10, 0, 0, 0, ...le24(width - 1), ...le24(height - 1)]);
}
