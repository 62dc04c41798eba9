/**
 * Formatted messages in real Chromium: what the marks become, hostile markup
 * staying inert, a code block scrolling inside its bubble and copying, the
 * input's Ctrl+B/I/E with undo, mentions highlighted, and the host's choices
 * (formatting off, its own renderer).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { ChatClient } from 'parley/core';
import { createMockServer, type MockChatServer } from 'parley/mock-server';
import { ChatProvider, MessageInput, MessageList, type ChatProviderProps } from 'parley';
import { memoryClient } from './fixtures/memoryClient';
import '../../src/theme/styles.css';

const LONG_LINE = `const answer = ${'"a very long string that does not wrap" + '.repeat(12)}42;`;
const TEXTS = [
  '*bold* _italic_ ~gone~ `code` and [the docs](https://docs.example/start)',
  `Steps:\n- first\n- second\n\`\`\`ts\n${LONG_LINE}\n\`\`\`\n> quoted *words*`,
  '[click](javascript:alert(1)) <img src=x onerror="window.__pwned=1"> `<b>*raw*</b>`',
];

let server: MockChatServer;
let client: ChatClient;
const cleanups: (() => void)[] = [];

beforeEach(() => {
  server = createMockServer({ seed: 'demo' });
  server.createConversation({ id: 'fmt', kind: 'group', title: 'Formatting', memberIds: ['alice', 'bob'] });
  for (const text of TEXTS) server.postMessage('fmt', { authorId: 'bob', text });
  client = memoryClient(server, 'alice', cleanups);
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function mount(options: Omit<ChatProviderProps, 'client' | 'children'> = {}) {
  await client.connect();
  await render(
    <ChatProvider client={client} {...options}>
      <div style={{ display: 'flex', flexDirection: 'column', width: 520, height: 640 }}>
        <MessageList conversationId="fmt" style={{ flex: 1, minHeight: 0 }} />
        <MessageInput conversationId="fmt" />
      </div>
    </ChatProvider>,
  );
  await expect.poll(() => document.querySelectorAll('.parley-message-row').length).toBe(TEXTS.length);
  // Formatted text loads on demand (the first formatted message shows plain for that moment).
  if (options.formatting !== false && !options.renderText) await expect.poll(() => document.querySelector('.parley-code-block')).not.toBeNull();
}

const texts = () => [...document.querySelectorAll<HTMLElement>('.parley-message-text')];

describe('formatted messages', () => {
  test('marks become the elements a reader expects, and a link shows the host it goes to', async () => {
    await mount();
    const [first, second] = texts();
    // The text is there at once; its formatting when the on-demand chunk is.
    expect(first!.textContent).toContain('bold');
    await expect.poll(() => first!.querySelector('strong')?.textContent).toBe('bold');
    expect(first!.querySelector('em')?.textContent).toBe('italic');
    expect(first!.querySelector('s')?.textContent).toBe('gone');
    expect(first!.querySelector('code')?.textContent).toBe('code');
    const link = first!.querySelector('a')!;
    expect(link.href).toBe('https://docs.example/start');
    expect(link.textContent).toBe('the docs (docs.example)');
    expect([...second!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['first', 'second']);
    expect(second!.querySelector('blockquote strong')?.textContent).toBe('words');
    expect(second!.querySelector('.parley-code-block-lang')?.textContent).toBe('ts');
  });

  test('hostile markup stays text: no script link, no image, markup inside code as typed', async () => {
    await mount();
    const hostile = texts()[2]!;
    expect(hostile.querySelector('a, img')).toBeNull();
    expect(hostile.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    expect(hostile.querySelector('code')?.textContent).toBe('<b>*raw*</b>');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  test('a long code line scrolls inside its block, the row keeps the list width, and Copy says it copied', async () => {
    await mount();
    const block = document.querySelector<HTMLElement>('.parley-code-block')!;
    const pre = block.querySelector('pre')!;
    const list = document.querySelector<HTMLElement>('.parley-message-list-scroller')!;
    expect(pre.scrollWidth).toBeGreaterThan(pre.clientWidth);
    expect(list.scrollWidth).toBeLessThanOrEqual(list.clientWidth);
    // Focusable, so a keyboard can scroll it.
    pre.focus();
    expect(document.activeElement).toBe(pre);

    const written: string[] = [];
    const spy = vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text) => void written.push(text));
    cleanups.push(() => spy.mockRestore());
    const copy = block.querySelector<HTMLButtonElement>('.parley-code-block-copy')!;
    await userEvent.click(copy);
    await expect.poll(() => copy.textContent).toBe('Copied');
    expect(written).toEqual([LONG_LINE]);
    expect(block.querySelector('[role="status"]')?.textContent).toBe('Copied');

    spy.mockImplementation(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    await userEvent.click(copy);
    await expect.poll(() => copy.textContent).toBe('Could not copy');
  });

  test('Ctrl+B, I and E wrap the selection, Ctrl+Z undoes it, and the message goes out with its marks', async () => {
    await mount();
    const input = document.querySelector<HTMLTextAreaElement>('.parley-message-input textarea')!;
    await userEvent.click(input);
    await userEvent.keyboard('ship it');
    input.setSelectionRange(5, 7);
    await userEvent.keyboard('{Control>}b{/Control}');
    expect(input.value).toBe('ship *it*');
    expect(input.value.slice(input.selectionStart, input.selectionEnd)).toBe('it');
    await userEvent.keyboard('{Control>}i{/Control}');
    expect(input.value).toBe('ship *_it_*');
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(input.value).toBe('ship *it*');
    input.setSelectionRange(0, 4);
    await userEvent.keyboard('{Control>}e{/Control}');
    expect(input.value).toBe('`ship` *it*');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => server.messages('fmt').at(-1)?.text).toBe('`ship` *it*');
    await expect.poll(() => texts().at(-1)?.querySelector('strong')?.textContent).toBe('it');
  });

  test('a mention of the reader is highlighted as theirs', async () => {
    await mount();
    const bob = memoryClient(server, 'bob', cleanups);
    await bob.connect();
    const alice = client.store.getState().users.alice!.name;
    await bob.sendMessage('fmt', { text: `ping @${alice} please`, mentions: ['alice'] });
    await expect.poll(() => texts().length).toBe(TEXTS.length + 1);
    const mention = texts().at(-1)!.querySelector<HTMLElement>('.parley-mention')!;
    expect(mention.textContent).toBe(`@${alice}`);
    expect(mention.dataset.mention).toBe('alice');
    expect(mention.dataset.self).toBe('true');
  });

  test('a host can turn formatting off: the marks show as typed', async () => {
    await mount({ formatting: false });
    expect(texts()[0]!.querySelector('strong')).toBeNull();
    expect(texts()[0]!.textContent).toContain('*bold*');
  });

  test('renderText replaces the formatting', async () => {
    await mount({ renderText: ({ text }) => <span className="host-text">{text.toUpperCase()}</span> });
    expect(texts()[0]!.querySelector('.host-text')?.textContent).toContain('*BOLD*');
  });
});
