/**
 * Attachment URLs in real Chromium: an image attachment shows from the URL the
 * server issued for this viewer, and when that URL stops working (it expired)
 * the bubble asks for a fresh one once and shows the image again.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { ChatProvider, MessageList } from 'parley';
import '../../src/theme/styles.css';

/** A 1×1 PNG. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

let server: MockChatServer;
let client: ChatClient;

afterEach(() => {
  client?.disconnect();
  server?.dispose();
});

test('an image shows, and after its URL expired it shows again from a fresh one', async () => {
  server = createMockServer({ seed: 'empty' });
  const uploaded = await server.upload({ token: 'alice-token' }, { conversationId: 'general', file: new Blob([PNG], { type: 'image/png' }), name: 'dot.png' });
  if (!uploaded.ok) throw new Error(uploaded.error.message);
  client = createChatClient({ transport: server.connect({ userId: 'alice', token: 'alice-token' }), userId: 'alice', outbox: createMemoryOutbox() });
  await client.connect();
  await client.openConversation('general');
  await client.sendMessage('general', { text: '', attachments: [uploaded.attachment] });

  // The first URL it is given has expired by the time the image loads; the next one works.
  const expired = URL.createObjectURL(new Blob([PNG], { type: 'image/png' }));
  URL.revokeObjectURL(expired);
  let calls = 0;
  const attachmentUrl = vi.fn<ChatClient['attachmentUrl']>(async (attachment, options) =>
    ++calls === 1 ? expired : client.attachmentUrl(attachment, options),
  );
  const viewer: ChatClient = { ...client, attachmentUrl };
  await render(
    <ChatProvider client={viewer}>
      <div style={{ height: 400, display: 'flex', flexDirection: 'column' }}>
        <MessageList conversationId="general" />
      </div>
    </ChatProvider>,
  );
  await expect
    .poll(() => {
      const img = document.querySelector<HTMLImageElement>('.parley-attachment-image');
      return img !== null && img.complete && img.naturalWidth === 1;
    })
    .toBe(true);
  expect(attachmentUrl).toHaveBeenCalledTimes(2);
  expect(attachmentUrl.mock.calls[1]![1]).toEqual({ fresh: true });
  expect(document.querySelector('.parley-attachment-image')!.getAttribute('src')).not.toBe(expired);
});
