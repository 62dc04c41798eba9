/**
 * The kit when the real Node server says no, in real Chromium over socket.io and HTTP:
 * an upload refused for now (429, too many uploads) says so with the server's wait and goes
 * by itself once the wait is over; one refused for a full quota shows the server's reason
 * and waits for the user; a file link clicked after its signed URL expired gets a fresh
 * URL first and reaches the file.
 */
import { afterAll, afterEach, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createSocketIoTransport } from 'parley/socketio';
import { ChatProvider, FileUpload, MessageList } from 'parley';
import type { LiveServerOptions } from './liveServerCommands';
import '../../src/theme/styles.css';
import { canvasPng } from '../support/canvasPng';

let client: ChatClient | undefined;
afterEach(() => client?.disconnect());
afterAll(async () => {
  await commands.stopLiveServer();
});

/** Alice online against a fresh server with `options`, her FileUpload and the general conversation shown. */
async function aliceOn(options: LiveServerOptions) {
  const url = await commands.startLiveServer(options);
  client = createChatClient({
    transport: createSocketIoTransport({ url, token: 'alice-token' }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
  });
  await client.connect();
  await render(
    <ChatProvider client={client}>
      <div style={{ display: 'flex', flexDirection: 'column', height: 600, width: 480 }}>
        <MessageList conversationId="general" style={{ flex: 1, minHeight: 0 }} />
        <FileUpload conversationId="general" />
      </div>
    </ChatProvider>,
  );
  const input = document.querySelector<HTMLInputElement>('.parley-file-upload input[type="file"]')!;
  const attachmentsSent = async () => (await commands.liveServerMessages('general')).flatMap((m) => m.attachments.map((a) => a.name));
  return { input, attachmentsSent };
}

const uploads = () => page.getByRole('list', { name: 'File uploads' });

it('too many uploads: the refused file says when it goes again, and goes by itself then', async () => {
  // One upload per 3 s for each user: of two picked at once, the second is refused for about 3 s.
  const { input, attachmentsSent } = await aliceOn({ rateLimits: { uploads: { limit: 1, intervalMs: 3_000, burst: 1 } } });
  await userEvent.upload(input, [await canvasPng('first.png', 40, 30), await canvasPng('second.png', 40, 30, '#cc3366')]);

  await expect.element(uploads().getByText(/^Too many uploads — trying second\.png again in [1-3] s$/)).toBeVisible();
  await expect.poll(attachmentsSent).toEqual(['first.png']);
  // The countdown moves, and when the wait is over the file goes without a click.
  await expect.element(uploads().getByText(/^Too many uploads — trying second\.png again in 1 s$/)).toBeVisible();
  await expect.poll(attachmentsSent, { timeout: 15_000 }).toEqual(['first.png', 'second.png']);
  await expect.element(uploads()).not.toBeInTheDocument();
});

it('a full upload quota: the server’s reason, and Retry for the user; nothing goes by itself', async () => {
  const { input, attachmentsSent } = await aliceOn({ rateLimits: { uploadBytes: 50 } });
  await userEvent.upload(input, await canvasPng('big.png', 64, 64));

  const reason = uploads().getByText(/^big\.png was not uploaded: Upload quota reached: 0 of 50 bytes stored for this user\./);
  await expect.element(reason).toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Retry upload of big.png' })).toBeEnabled();
  expect(Object.values(client!.store.getState().uploads)).toMatchObject([{ status: 'failed', error: { code: 'rate_limited', retryAfterMs: 3_600_000 } }]);
  expect(await attachmentsSent()).toEqual([]);
});

it('a file link clicked after its URL expired gets a fresh URL first and reaches the file', async () => {
  // Signed file URLs that work for 1.5 s: the one the link was shown with soon stops working.
  await aliceOn({ fileUrlTtlMs: 1_500 });
  await client!.uploadFile('general', new File(['The minutes of the meeting.\n'], 'minutes.txt', { type: 'text/plain' }));
  const link = page.getByRole('link', { name: /minutes\.txt/ });
  await expect.element(link).toHaveAttribute('href', expect.stringMatching(/\/uploads\/[0-9a-f]{32}\?/));
  const shown = link.element().getAttribute('href')!;
  // Wait until the server itself refuses the URL the link shows (it expired), as a click would meet it.
  await expect.poll(async () => (await fetch(shown)).status, { timeout: 10_000 }).toBe(404);

  await commands.watchFileNavigations();
  await userEvent.click(link);
  await expect.poll(() => commands.fileNavigationsSeen()).toHaveLength(1);
  const [followed] = await commands.fileNavigationsSeen();
  expect(followed!.status).toBe(200);
  expect(followed!.url).not.toBe(shown);
  expect(new URL(followed!.url).pathname).toBe(new URL(shown).pathname);
  await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
});
