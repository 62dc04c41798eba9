/** FileUpload in real Chromium: real files through the file input and drag-and-drop, on the in-browser mock server. */
import { act } from 'react';
import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createChatClient, createMemoryOutbox, UploadError, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { ChatProvider, FileUpload, MessageList } from 'parley';
import '../../src/theme/styles.css';
import { canvasPng } from '../support/canvasPng';

let server: MockChatServer;
const clients: ChatClient[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
  server?.dispose();
});

/**
 * `failUploads`: that many uploads are refused with a server error before the endpoint works again.
 * `maxUploadBytes`: the client's size limit (a small one proves the check without moving megabytes).
 */
async function setup({ failUploads = 0, maxUploadBytes }: { failUploads?: number; maxUploadBytes?: number } = {}) {
  server = createMockServer({ seed: 'demo' });
  const transport = server.connect({ userId: 'alice', token: 'alice-token' });
  const upload = transport.upload!.bind(transport);
  let transfers = 0;
  let settled = 0;
  transport.upload = (request) => {
    transfers++;
    const result = failUploads-- > 0 ? Promise.reject(new UploadError('internal', 'The upload endpoint failed')) : upload(request);
    // Counted before the client hears the answer: whatever it does with it is queued by the time a test sees the count.
    void result.then(
      () => settled++,
      () => settled++,
    );
    return result;
  };
  const client = createChatClient({
    transport,
    userId: 'alice',
    outbox: createMemoryOutbox(),
    ...(maxUploadBytes !== undefined ? { maxUploadBytes } : {}),
  });
  clients.push(client);
  await client.connect();
  const before = server.messages('general').length;
  await render(
    <ChatProvider client={client}>
      <div style={{ display: 'flex', flexDirection: 'column', height: 600, width: 480 }}>
        <MessageList conversationId="general" style={{ flex: 1, minHeight: 0 }} />
        <FileUpload conversationId="general" data-testid="upload" />
      </div>
    </ChatProvider>,
  );
  const root = document.querySelector<HTMLElement>('.parley-file-upload')!;
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  const sent = () => server.messages('general').slice(before);
  const status = () => root.querySelector('[role="status"]')!.textContent;
  /**
   * Sends a text message and waits until the server has stored it. Messages go out one at a
   * time in the order they were handed to the client, so anything queued earlier got there first.
   */
  const sendAfter = (text: string) => client.sendMessage('general', { text });
  return { client, root, input, sent, status, sendAfter, transfers: () => transfers, settled: () => settled };
}

/** What reached the server, in order: an attachment by its name, a text message by its text. */
const described = (messages: readonly { text: string; attachments: readonly { name: string }[] }[]) =>
  messages.map((m) => m.attachments[0]?.name ?? m.text);

/** The visible row text (the live region repeats it for screen readers). */
const inList = (text: string) => page.getByRole('list', { name: 'File uploads' }).getByText(text);

/** Runs `fn` in React's act(): every update it causes has rendered when this resolves. */
async function rendered(fn: () => void): Promise<void> {
  const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const was = env.IS_REACT_ACT_ENVIRONMENT;
  env.IS_REACT_ACT_ENVIRONMENT = true;
  try {
    await act(async () => fn());
  } finally {
    env.IS_REACT_ACT_ENVIRONMENT = was;
  }
}

test('a PNG chosen in the file input is sent once and shown with its size reserved', async () => {
  const { input, sent, status, sendAfter, transfers } = await setup();
  await expect.element(page.getByRole('button', { name: 'Attach files' })).toBeVisible();
  await userEvent.upload(input, await canvasPng('photo.png', 120, 80));

  const img = page.getByRole('img', { name: 'photo.png' });
  await expect.element(img).toBeVisible();
  const el = img.element() as HTMLImageElement;
  expect(el.closest('[data-message-id]')?.getAttribute('data-status')).toMatch(/sending|sent/);
  expect([el.getAttribute('width'), el.getAttribute('height')]).toEqual(['120', '80']);
  expect(el.getBoundingClientRect().height).toBe(80);
  expect(el.src).toMatch(/^blob:/);
  // The blob: URL really serves the image.
  await expect.poll(() => el.complete && el.naturalWidth).toBe(120);

  await expect.poll(() => sent().length).toBe(1);
  const [message] = sent();
  expect(message).toMatchObject({ authorId: 'alice', text: '', attachments: [{ name: 'photo.png', mimeType: 'image/png', width: 120, height: 80 }] });
  await expect.element(page.getByRole('list', { name: 'File uploads' })).not.toBeInTheDocument();
  expect(status()).toBe('photo.png uploaded');
  // The file went up once, and a message sent after it arrives right after it: no second copy was queued.
  expect(transfers()).toBe(1);
  await sendAfter('After the photo');
  expect(described(sent())).toEqual(['photo.png', 'After the photo']);
});

test('an oversized file shows a clear error; nothing is sent', async () => {
  const { client, input, sent, status, transfers } = await setup({ maxUploadBytes: 2_000 });
  await userEvent.upload(input, new File([new Uint8Array(2_001)], 'video.mov', { type: 'video/quicktime' }));
  const error = inList('video.mov is larger than 2 kB');
  await expect.element(error).toBeVisible();
  expect(status()).toBe('video.mov is larger than 2 kB');
  await expect.element(page.getByRole('button', { name: 'Retry upload of video.mov' })).toHaveAccessibleDescription('video.mov is larger than 2 kB');
  // Refused before any byte left: no transfer began and no message waits to be sent.
  expect(transfers()).toBe(0);
  expect(client.getMessages('general').filter((m) => m.status !== 'sent')).toEqual([]);
  expect(sent()).toEqual([]);
});

test('a renamed executable is refused by the server by its content; Dismiss clears it and keeps focus', async () => {
  const { root, input, sent } = await setup();
  const exe = new Uint8Array(512);
  exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03]); // "MZ": a Windows executable
  await userEvent.upload(input, new File([exe], 'cat.png', { type: 'image/png' }));
  await expect.element(inList('cat.png is not a supported file type')).toBeVisible();
  expect(root.dataset.state).toBe('failed');
  expect(root.querySelector('[data-status="failed"]')).not.toBeNull();

  // Keyboard: Retry, then Dismiss, are reachable with Tab.
  (page.getByRole('button', { name: 'Attach files' }).element() as HTMLElement).focus();
  await userEvent.tab();
  expect(document.activeElement).toBe(page.getByRole('button', { name: 'Retry upload of cat.png' }).element());
  await userEvent.tab();
  expect(document.activeElement).toBe(page.getByRole('button', { name: 'Dismiss cat.png' }).element());
  await userEvent.keyboard('{Enter}');
  await expect.element(inList('cat.png is not a supported file type')).not.toBeInTheDocument();
  expect(document.activeElement).toBe(page.getByRole('button', { name: 'Attach files' }).element());
  expect(root.dataset.state).toBe('idle');
  expect(sent()).toEqual([]);
});

test('an upload made offline waits for the connection, then goes by itself', async () => {
  const { client, root, input, sent, status, sendAfter, transfers } = await setup();
  server.setOnline('alice', false);
  await expect.poll(() => client.store.getState().connection.state).not.toBe('online');
  await userEvent.upload(input, await canvasPng('later.png', 30, 20));
  await expect.element(inList('Waiting for a connection…')).toBeVisible();
  expect(root.dataset.state).toBe('waiting');
  expect(status()).toBe('later.png will upload when the connection is back');
  await expect.element(page.getByRole('button', { name: 'Cancel upload of later.png' })).toBeEnabled();
  expect(sent()).toEqual([]);
  server.setOnline('alice', true);
  client.reconnectNow();
  await expect.poll(() => sent().map((m) => m.attachments[0]?.name)).toEqual(['later.png']);
  await expect.element(page.getByRole('list', { name: 'File uploads' })).not.toBeInTheDocument();
  expect(transfers()).toBe(1);
  await sendAfter('After the upload');
  expect(described(sent())).toEqual(['later.png', 'After the upload']);
});

test('Retry uploads the same file again after a server error', async () => {
  const { input, sent } = await setup({ failUploads: 1 });
  await userEvent.upload(input, await canvasPng('again.png', 30, 20));
  await expect.element(inList('again.png could not be uploaded')).toBeVisible();
  expect(sent()).toEqual([]);
  await page.getByRole('button', { name: 'Retry upload of again.png' }).click();
  await expect.poll(() => sent().map((m) => m.attachments[0]?.name)).toEqual(['again.png']);
});

test('Cancel during a slow upload removes it and sends nothing', async () => {
  const { root, input, sent, status, sendAfter, settled } = await setup();
  server.setNetwork({ latencyMs: 300 });
  await userEvent.upload(input, await canvasPng('slow.png', 40, 40));
  const progress = page.getByRole('progressbar', { name: 'Uploading slow.png' });
  await expect.element(progress).toBeVisible();
  expect(root.dataset.state).toBe('uploading');
  await expect.poll(() => Number((progress.element() as HTMLProgressElement).value)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Cancel upload of slow.png' }).click();
  await expect.element(progress).not.toBeInTheDocument();
  expect(status()).toBe('Upload of slow.png cancelled');
  expect(document.activeElement).toBe(page.getByRole('button', { name: 'Attach files' }).element());
  // The transfer has ended (aborted, or finished if Cancel failed to stop it; 5 trips of 300 ms),
  // so a message it led to would be queued before the next one.
  await expect.poll(settled, { timeout: 10_000 }).toBe(1);
  await sendAfter('After the cancel');
  expect(described(sent())).toEqual(['After the cancel']);
});

test('dropping files on the component uploads them; the zone shows while files are over it', async () => {
  const { root, sent } = await setup();
  const files = [await canvasPng('dropped-1.png', 20, 20), await canvasPng('dropped-2.png', 20, 20)];
  const data = new DataTransfer();
  for (const f of files) data.items.add(f);
  const fire = (type: string, target: Element = root) =>
    target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));

  fire('dragenter');
  await expect.element(page.getByText('Drop files here to send them')).toBeVisible();
  expect(root.dataset.dragging).toBe('true');
  // Crossing a child fires enter/leave pairs: the zone stays lit.
  const button = page.getByRole('button', { name: 'Attach files' }).element();
  fire('dragenter', button);
  fire('dragleave', button);
  expect(fire('dragover')).toBe(false); // default prevented: the drop is accepted
  await expect.element(page.getByText('Drop files here to send them')).toBeVisible();
  fire('drop');
  await expect.poll(() => root.dataset.dragging).toBe('false');
  await expect.poll(() => sent().map((m) => m.attachments[0]?.name).sort()).toEqual(['dropped-1.png', 'dropped-2.png']);
});

test('dragging text (no files) over the zone does nothing', async () => {
  const { root } = await setup();
  const data = new DataTransfer();
  data.setData('text/plain', 'hello');
  let accepted = false;
  await rendered(() => {
    accepted = !root.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: data }));
  });
  // Not taken as a drop target, and (every update rendered) not lit.
  expect(accepted).toBe(false);
  expect(root.dataset.dragging).toBe('false');
});
