/** A real PNG file, drawn on a canvas (browser tests only: no fixtures on disk, no network). */
export async function canvasPng(name: string, width: number, height: number, color = '#3366cc'): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, width, height);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob failed'))), 'image/png'),
  );
  return new File([blob], name, { type: 'image/png' });
}
