// @vitest-environment node
/** File names over the real upload route: stored and answered without the characters that change what they show. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMockServer, type RunningMockServer } from 'parley/mock-server/node';
import { upload } from './helpers';

let running: RunningMockServer;

beforeAll(async () => {
  running = await startMockServer({ host: '127.0.0.1' });
});

afterAll(async () => {
  await running.close();
});

const text = (s: string) => new TextEncoder().encode(s);

it('stores "invoice\\u202Efdp.exe", with zero-width characters hidden in it, as "invoicefdp.exe"', async () => {
  const res = await upload(running.url, 'alice-token', [
    ['conversationId', 'general'],
    // Real PDF bytes (the server types by content), under a name that would display as "invoiceexe.pdf".
    ['file', { filename: 'in\u200Bvoice\u202Efdp\uFEFF.exe', data: text('%PDF-1.4\n%%EOF\n'), type: 'application/pdf' }],
  ]);
  expect(res.status).toBe(201);
  expect(res.body.name).toBe('invoicefdp.exe');

  // The download offers the stored name too: what a browser saves the file as.
  const download = await fetch(res.body.url, { headers: { Authorization: 'Bearer alice-token' } });
  expect(download.status).toBe(200);
  expect(download.headers.get('content-disposition')).toBe(`attachment; filename="invoicefdp.exe"; filename*=UTF-8''invoicefdp.exe`);
  await download.arrayBuffer();
});

it('keeps the joiners of an emoji sequence and a Persian word', async () => {
  const res = await upload(running.url, 'alice-token', [
    ['conversationId', 'general'],
    ['file', { filename: 'می\u200Cخواهم 👩\u200D💻.txt', data: text('hello'), type: 'text/plain' }],
  ]);
  expect(res.status).toBe(201);
  expect(res.body.name).toBe('می\u200Cخواهم 👩\u200D💻.txt');
});
