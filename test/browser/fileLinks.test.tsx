/**
 * A file attachment's download link in real Chromium, on the in-browser server: a click
 * asks the client for a URL that works now (asking twice if the first ask fails) and then
 * follows it; when no URL can be had, the bubble says so next to the link and opens nothing.
 * (Against the real Node server, with signed URLs that expire: test/e2e/serverRefusals.test.tsx.)
 */
import { afterEach, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { ChatError, createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { ChatProvider, MessageList } from 'parley';
import '../../src/theme/styles.css';

let server: MockChatServer;
let client: ChatClient;

afterEach(() => {
  vi.restoreAllMocks();
  client?.disconnect();
  server?.dispose();
});

/**
 * Alice's conversation with one text file in it; after the URL the link is shown with,
 * `answers` say what each later ask for a URL does: give the server's, or fail.
 */
async function fileInConversation(answers: ('server' | 'fail')[]) {
  server = createMockServer({ seed: 'empty' });
  const file = new Blob(['The minutes of the meeting.\n'], { type: 'text/plain' });
  const uploaded = await server.upload({ token: 'alice-token' }, { conversationId: 'general', file, name: 'minutes.txt' });
  if (!uploaded.ok) throw new Error(uploaded.error.message);
  client = createChatClient({ transport: server.connect({ userId: 'alice', token: 'alice-token' }), userId: 'alice', outbox: createMemoryOutbox() });
  await client.connect();
  await client.openConversation('general');
  await client.sendMessage('general', { text: '', attachments: [uploaded.attachment] });
  let asked = 0;
  const attachmentUrl = vi.fn<ChatClient['attachmentUrl']>(async (attachment, options) => {
    if (asked++ > 0 && answers.shift() === 'fail') throw new ChatError({ code: 'timeout', message: 'No answer to "attachment:url" within 10000 ms' });
    return client.attachmentUrl(attachment, options);
  });
  await render(
    <ChatProvider client={{ ...client, attachmentUrl }}>
      <div style={{ height: 400, display: 'flex', flexDirection: 'column' }}>
        <MessageList conversationId="general" />
      </div>
    </ChatProvider>,
  );
  const link = page.getByRole('link', { name: /minutes\.txt/ });
  await expect.element(link).toHaveAttribute('href', uploaded.attachment.url);
  // What the kit follows after asking (the download itself is not started, so the page stays).
  const followed: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    followed.push(this.href);
  });
  return { link, attachmentUrl, followed, fileUrl: uploaded.attachment.url };
}

test('a click asks for the URL again, and once more when that fails, then follows it', async () => {
  const { link, attachmentUrl, followed, fileUrl } = await fileInConversation(['fail', 'server']);
  await userEvent.click(link);
  await expect.poll(() => followed).toEqual([fileUrl]);
  // Shown with, then asked for on the click twice.
  expect(attachmentUrl).toHaveBeenCalledTimes(3);
  await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
});

test('no URL to be had, even on the second ask: a clear message by the link, nothing opened; a later click works', async () => {
  const { link, attachmentUrl, followed, fileUrl } = await fileInConversation(['fail', 'fail', 'server']);
  await userEvent.click(link);
  await expect.element(page.getByRole('alert')).toHaveTextContent('minutes.txt could not be opened. Try again.');
  expect(attachmentUrl).toHaveBeenCalledTimes(3);
  expect(followed).toEqual([]);

  await userEvent.click(link);
  await expect.poll(() => followed).toEqual([fileUrl]);
  await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
});
