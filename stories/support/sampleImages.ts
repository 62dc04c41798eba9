/** Images drawn on a canvas at load time: stories never fetch from the network. */
import type { Attachment } from 'parley/core';

export async function sampleImage(id: string, width: number, height: number, hue: number, label: string): Promise<Attachment> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  const gradient = ctx.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, `hsl(${hue} 70% 55%)`);
  gradient.addColorStop(1, `hsl(${(hue + 60) % 360} 70% 35%)`);
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#ffffff';
  ctx.font = `${Math.round(Math.min(width, height) / 8)}px sans-serif`;
  ctx.fillText(label, width / 10, height / 2);
  // A blob URL, as an upload preview would be: short, unlike a data URL.
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob failed'))), 'image/png'),
  );
  return { id, url: URL.createObjectURL(blob), name: `${label}.png`, size: blob.size, mimeType: 'image/png', width, height };
}

/** A downloadable file made in the page (a blob URL), with the size it claims. */
export function sampleFile(id: string, name: string, size: number, mimeType: string): Attachment {
  const url = URL.createObjectURL(new Blob([new Uint8Array(size)], { type: mimeType }));
  return { id, url, name, size, mimeType };
}
