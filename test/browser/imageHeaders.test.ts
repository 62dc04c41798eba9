/** The server's header parsers against what a real encoder (Chromium's canvas) writes. */
import { expect, test } from 'vitest';
import { sniffFileType } from '../../src/mock-server/fileSniffing';
import { readImageSize } from '../../src/mock-server/imageSize';

async function encode(type: string, width: number, height: number, quality?: number): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#c52457';
  ctx.fillRect(0, 0, width, height / 2);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality));
  if (!blob || blob.type !== type) throw new Error(`Chromium cannot encode ${type}`);
  return new Uint8Array(await blob.arrayBuffer());
}

test.each([
  ['image/png', undefined],
  ['image/jpeg', 0.8],
  ['image/webp', 0.8],
  ['image/webp', 1],
])('%s (quality %s): type by content and width/height from the header', async (type, quality) => {
  const bytes = await encode(type, 321, 123, quality);
  expect(sniffFileType(bytes, 'anything.bin')).toBe(type);
  expect(readImageSize(bytes, type)).toEqual({ width: 321, height: 123 });
});
