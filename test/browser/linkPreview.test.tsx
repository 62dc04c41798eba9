/**
 * The link preview card in real Chromium: it appears under the text of a message with a
 * fixture link, its image box has its height before any image arrives, and the author's
 * Remove takes it away for everyone, while others have no such button.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { userEvent } from 'vitest/browser';
import type { ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer, type MockServerOptions } from 'parley/mock-server';
import { ChatProvider, MessageList } from 'parley';
import { memoryClient } from './fixtures/memoryClient';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function setup(options: MockServerOptions = {}): Promise<{ server: MockChatServer; alice: ChatClient; bob: ChatClient }> {
  const server = createMockServer({ seed: 'empty', ...options });
  cleanups.push(() => server.dispose());
  const alice = memoryClient(server, 'alice', cleanups);
  const bob = memoryClient(server, 'bob', cleanups);
  await Promise.all([alice.connect(), bob.connect()]);
  await render(
    <div style={{ display: 'flex', gap: 16 }}>
      {[alice, bob].map((client) => (
        <ChatProvider key={client.userId} client={client}>
          <div data-user={client.userId} style={{ height: 500, width: 420 }}>
            <MessageList conversationId="general" />
          </div>
        </ChatProvider>
      ))}
    </div>,
  );
  return { server, alice, bob };
}

const card = (userId: string) => document.querySelector<HTMLElement>(`[data-user="${userId}"] .parley-link-preview`);

describe('LinkPreview', () => {
  it('reserves the image box from the preview’s size, before (here: without) the image', async () => {
    // The image URL answers nothing, so the box is measured with no image in it.
    const { alice } = await setup({ previewImageHost: { url: () => 'http://127.0.0.1:9/preview.png' } });
    const { id: sent } = await alice.sendMessage('general', { text: 'Our write-up: https://example.com/article' });
    await expect.poll(() => card('bob'), { timeout: 5_000 }).not.toBeNull();
    const box = card('bob')!.querySelector<HTMLElement>('.parley-link-preview-image')!;
    const img = box.querySelector('img');
    expect(img === null || img.naturalWidth === 0).toBe(true);
    const { width, height } = box.getBoundingClientRect();
    expect(width).toBeGreaterThan(100);
    expect(Math.abs(height - (width * 126) / 240)).toBeLessThan(1.5);
    // Under the text, in the same bubble.
    const bubble = document.querySelector(`[data-user="bob"] [data-message-id="${sent}"] .parley-bubble`)!;
    expect([...bubble.children].map((c) => c.className)).toEqual(['parley-message-text', 'parley-link-preview']);
    expect(card('bob')!.textContent).toContain('How we cut our build time in half');
    expect(card('bob')!.textContent).toContain('example.com');
  });

  it('the author removes it for everyone; nobody else has the button', async () => {
    const { server, alice } = await setup();
    const { id: sent } = await alice.sendMessage('general', { text: 'https://example.org/docs is where to start' });
    await expect.poll(() => card('alice') !== null && card('bob') !== null, { timeout: 5_000 }).toBe(true);
    expect(card('bob')!.querySelector('button')).toBeNull();
    const link = card('bob')!.querySelector<HTMLAnchorElement>('a.parley-link-preview-title')!;
    expect(link.href).toBe('https://example.org/docs');
    expect(link.rel).toContain('noopener');

    const remove = card('alice')!.querySelector<HTMLButtonElement>('button')!;
    expect(remove.getAttribute('aria-label')).toBe('Remove preview');
    await userEvent.click(remove);
    await expect.poll(() => card('alice') === null && card('bob') === null).toBe(true);
    expect(server.messages('general').find((m) => m.id === sent)!.preview).toBeUndefined();
  });
});

