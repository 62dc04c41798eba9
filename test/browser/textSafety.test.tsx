/**
 * Visual spoofing in real Chromium: a name, title, file name or link that carries bidi
 * controls must not reorder the text around it, file names show without them, an
 * internationalized host is shown in punycode, and no attribute carries a bidi control.
 * Order is judged as a reader sees it: by where the pieces are drawn.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { ChatProvider, ConversationHeader, ConversationList, FileUpload, MessageInput, MessageList, TypingIndicator } from 'parley';
import '../../src/theme/styles.css';

const RLO = '\u202E';
/** Shows as "Malloryalice": the override must stay inside the name. */
const MALLORY = `Mallory${RLO}ecila`;
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** A 1×1 PNG, so the image attachment needs no network. */
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let server: MockChatServer;
let client: ChatClient;

beforeEach(async () => {
  server = createMockServer({ seed: 'demo' });
  server.createUser({ id: 'mallory', name: MALLORY });
  server.createConversation({ id: 'spoof', kind: 'group', title: `Q3${RLO}flah`, memberIds: ['alice', 'bob', 'mallory'] });
  server.postMessage('spoof', {
    authorId: 'mallory',
    text: `see https://раураl.com/login or https://example.com/${RLO}gnp.exe then more`,
    attachments: [
      { id: 'file-1', url: 'http://127.0.0.1:9/files/1', name: `invoice${RLO}fdp.exe`, size: 1200, mimeType: 'application/octet-stream' },
      { id: 'file-2', url: PIXEL, name: `photo${RLO}gnp.exe`, size: 70, mimeType: 'image/png', width: 1, height: 1 },
    ],
  });
  server.postMessage('spoof', { authorId: 'mallory', text: 'hello' });
  client = createChatClient({
    transport: server.connect({ userId: 'alice', token: 'alice-token' }),
    userId: 'alice',
    outbox: createMemoryOutbox(),
    maxUploadBytes: 2_000,
  });
  await client.connect();
  await render(
    <ChatProvider client={client}>
      <div style={{ display: 'flex', width: 1000, height: 700 }}>
        <ConversationList style={{ width: 380 }} selectedId="spoof" />
        <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
          <ConversationHeader conversationId="spoof" />
          <MessageList conversationId="spoof" style={{ flex: 1, minHeight: 0 }} />
          <TypingIndicator conversationId="spoof" />
          <FileUpload conversationId="spoof" />
          <MessageInput conversationId="spoof" />
        </div>
      </div>
    </ChatProvider>,
  );
  await expect.poll(() => document.querySelectorAll('.parley-message-row').length).toBe(2);
  // The attachments' code loads on first use.
  await expect.poll(() => document.querySelector('.parley-attachment-image')).not.toBeNull();
});

afterEach(() => {
  client.disconnect();
  server.dispose();
});

/** Where the first occurrence of `needle` in `root`'s text (across elements) is drawn. */
function textBox(root: Element, needle: string): DOMRect {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: { node: Text; from: number }[] = [];
  let text = '';
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    nodes.push({ node, from: text.length });
    text += node.data;
  }
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" is not in ${JSON.stringify(text)}`);
  const at = (offset: number, end: boolean) => {
    // A start offset belongs to the node whose character it points at, an end offset to the node it closes.
    const hit = nodes.find(({ node, from }) => {
      const to = from + node.data.length;
      return end ? from < offset && offset <= to : from <= offset && offset < to;
    })!;
    return [hit.node, offset - hit.from] as const;
  };
  const range = document.createRange();
  range.setStart(...at(start, false));
  range.setEnd(...at(start + needle.length, true));
  return range.getBoundingClientRect();
}

/** `after` is drawn after `before` on the line (both left to right here). */
function expectDrawnInOrder(root: Element, before: string, after: string) {
  expect(textBox(root, after).left).toBeGreaterThanOrEqual(textBox(root, before).right - 0.5);
}

/** The element directly holding `text`: it must be isolated (a <bdi> or an element with dir=auto). */
function holderOf(root: Element, text: string): HTMLElement {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) if ((walker.currentNode as Text).data.includes(text)) return walker.currentNode.parentElement!;
  throw new Error(`"${text}" is not in ${root.textContent}`);
}

function expectIsolated(element: HTMLElement) {
  expect(element.localName === 'bdi' || element.getAttribute('dir') === 'auto').toBe(true);
  expect(getComputedStyle(element).unicodeBidi).toBe('isolate');
}

test('the author line holds the name in its own direction, and the row is named without the override', async () => {
  const author = document.querySelector('.parley-message-author')!;
  expect(author.textContent).toBe(MALLORY);
  expectIsolated(holderOf(author, MALLORY));
  const row = document.querySelector('.parley-message-row')!;
  expect(row.getAttribute('aria-label')).toBe('Malloryecila');
});

test('"is typing" stays after the name in TypingIndicator and in the header', async () => {
  server.setTyping('spoof', 'mallory', true);
  const status = page.getByRole('status').filter({ hasText: 'is typing' });
  await expect.element(status).toBeVisible();
  const indicator = document.querySelector('.parley-typing-text')!;
  expect(indicator.textContent).toBe(`${MALLORY} is typing…`);
  expectIsolated(holderOf(indicator, MALLORY));
  expectDrawnInOrder(indicator, 'ecila', 'is typing');

  const subtitle = document.querySelector('.parley-conversation-header-subtitle')!;
  await expect.poll(() => subtitle.textContent).toBe(`${MALLORY} is typing…`);
  expectIsolated(holderOf(subtitle, MALLORY));
  expectDrawnInOrder(subtitle, 'ecila', 'is typing');
});

test("the conversation list's preview keeps the text after the author's name", async () => {
  const preview = document.querySelector('[data-conversation-id="spoof"] .parley-conversation-preview')!;
  expect(preview.textContent).toBe(`${MALLORY}: hello`);
  expectIsolated(holderOf(preview, MALLORY));
  expectDrawnInOrder(preview, 'ecila', 'hello');
});

test('an attachment named invoice\\u202Efdp.exe shows, downloads and is named as invoicefdp.exe', async () => {
  const file = document.querySelector<HTMLAnchorElement>('.parley-attachment-file')!;
  const name = file.querySelector('.parley-attachment-name')!;
  expect(name.textContent).toBe('invoicefdp.exe');
  expect(file.getAttribute('download')).toBe('invoicefdp.exe');
  expectIsolated(name as HTMLElement);
  await expect.element(page.getByRole('link', { name: 'Attachment: photognp.exe, 70 bytes' })).toBeVisible();
  expect(document.querySelector('.parley-attachment-image')!.getAttribute('alt')).toBe('photognp.exe');
});

test('an internationalized host is shown in punycode; link text keeps its own direction', async () => {
  const idn = page.getByRole('link', { name: 'https://раураl.com/login (xn--l-7sba6dbr.com)' });
  await expect.element(idn).toBeVisible();
  expect(idn.element().getAttribute('href')).toBe('https://xn--l-7sba6dbr.com/login');
  // An ASCII host gets nothing added.
  const plain = document.querySelector<HTMLAnchorElement>('a.parley-link[href^="https://example.com/"]')!;
  expect(plain.textContent).toBe(`https://example.com/${RLO}gnp.exe`);
  expectIsolated(holderOf(plain, 'example.com'));
  const text = plain.closest('.parley-message-text')!;
  expectDrawnInOrder(text, 'gnp.exe', 'then more');
  expectDrawnInOrder(text, 'see', 'https://раураl.com');
});

test('a file chosen for upload shows and is named without its bidi control', async () => {
  const input = document.querySelector<HTMLInputElement>('.parley-file-upload input[type="file"]')!;
  await userEvent.upload(input, new File([new Uint8Array(3_000)], `invoice${RLO}fdp.exe`, { type: 'application/octet-stream' }));
  await expect.poll(() => document.querySelector('.parley-upload')).not.toBeNull();
  const upload = document.querySelector('.parley-upload')!;
  const name = upload.querySelector('.parley-upload-name')!;
  expect(name.textContent).toBe('invoicefdp.exe');
  expect(name.getAttribute('title')).toBe('invoicefdp.exe');
  const error = upload.querySelector('.parley-upload-error')!;
  expect(error.textContent).toBe('invoicefdp.exe is larger than 2 kB');
  expectIsolated(holderOf(error, 'invoicefdp.exe'));
  await expect.element(page.getByRole('button', { name: 'Retry upload of invoicefdp.exe' })).toBeVisible();
});

test('no attribute the kit writes carries a bidi control', async () => {
  server.setTyping('spoof', 'mallory', true);
  await expect.poll(() => document.querySelector('.parley-typing-text')?.textContent).toContain('is typing');
  const input = document.querySelector<HTMLInputElement>('.parley-file-upload input[type="file"]')!;
  await userEvent.upload(input, new File([new Uint8Array(3_000)], `invoice${RLO}fdp.exe`));
  await expect.poll(() => document.querySelector('.parley-upload')).not.toBeNull();
  const attributes = ['aria-label', 'title', 'alt', 'placeholder', 'download', 'aria-description', 'aria-valuetext'];
  const carrying = [...document.querySelectorAll('*')].flatMap((el) =>
    attributes.filter((a) => BIDI_CONTROL.test(el.getAttribute(a) ?? '')).map((a) => `${el.localName}.${el.className}[${a}]`),
  );
  expect(carrying).toEqual([]);
  // The names are still there, only without the override.
  expect(document.querySelector('[role="feed"]')!.getAttribute('aria-label')).toBe('Messages in Q3flah');
  expect(document.querySelector('textarea')!.getAttribute('placeholder')).toBe('Message Q3flah');
});
