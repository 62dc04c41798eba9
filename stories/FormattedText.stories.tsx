import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ChatClient } from 'parley/core';
import { ar } from 'parley/locales/ar';
import { ChatProvider, FormattedText, MessageInput, MessageList, type Catalog } from 'parley';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createMockChat } from './support/mockChat';

/**
 * Message formatting on the live mock server: what `*bold*`, `_italic_`, `~strike~`, code,
 * fenced code, quotes, lists and links become, hostile markup staying text, mentions, and
 * the input's Ctrl/Cmd+B, I and E. Formatting is built from React elements, never HTML.
 */
const meta = {
  title: 'Components/FormattedText',
  component: FormattedText,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof FormattedText>;
export default meta;
type Story = StoryObj<typeof meta>;

const FORMATTED = [
  'Release notes are *ready*: _please_ read them before ~Friday~ Thursday, and run `npm test` first.',
  'Checklist:\n- update the *changelog*\n- tag the release\n1. build\n2. publish',
  '> Ship small, ship often.\n> _— the team_\nAgreed. Details in [the runbook](https://docs.example/runbook) and https://status.example.',
];
const CODE = [
  'The fix:\n```ts\nexport function clamp(value: number, min: number, max: number): number {\n  return Math.min(max, Math.max(min, value)); // a comment long enough to need scrolling sideways in a narrow bubble\n}\n```',
];
const HOSTILE = [
  '<img src=x onerror=alert(1)> <script>alert(1)</script> **<b>not html</b>**',
  '[totally safe](javascript:alert(1)) [also fine](data:text/html,hi) [bank](https://evil.example/login)',
  '`*not bold* [not a link](https://a.example)` *unclosed _nested ~marks and ```unclosed fence',
  'bidi \u202eevil\u202c and zero\u200bwidth \u2066isolates\u2069 *bold\u200b*',
];

function chatOf(texts: readonly string[], catalog?: Catalog, mentionsFrom?: string) {
  return async () => {
    const chat = await createMockChat({
      users: ['alice', 'bob'],
      setup: (server) => {
        server.createConversation({ id: 'fmt', kind: 'group', title: 'Formatting', memberIds: ['alice', 'bob', 'carol'] });
        for (const text of texts) server.postMessage('fmt', { authorId: 'bob', text });
      },
      ready: async ({ clients }) => {
        if (mentionsFrom) await clients.bob!.sendMessage('fmt', { text: mentionsFrom, mentions: ['alice', 'carol', 'here'] });
        await clients.alice!.sendMessage('fmt', { text: 'On it — *today*.' });
      },
    });
    return { client: chat.clients.alice!, catalog };
  };
}

function renderChat(_args: unknown, { loaded }: { loaded: Record<string, unknown> }) {
  const { client, catalog } = loaded as { client: ChatClient; catalog?: Catalog };
  return (
    <ChatProvider client={client} catalog={catalog}>
      <div style={{ display: 'flex', flexDirection: 'column', height: '100vh', maxInlineSize: 640 }}>
        <MessageList conversationId="fmt" style={{ flex: 1, minHeight: 0 }} />
        <MessageInput conversationId="fmt" />
      </div>
    </ChatProvider>
  );
}

const rows = (canvasElement: HTMLElement) => canvasElement.querySelectorAll('.parley-message-row');
const args = { text: '' };

/** Bold, italic, strike, inline code, lists, a quote and links, in others' and own bubbles. */
export const FormattedMessage: Story = {
  args,
  loaders: [chatOf(FORMATTED)],
  render: renderChat,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rows(canvasElement).length).toBe(FORMATTED.length + 1));
    // Formatting loads on demand: the text shows plain for that moment.
    await waitFor(() => expect(canvasElement.querySelector('.parley-message-text strong')).toHaveTextContent('ready'));
    await expect(canvasElement.querySelectorAll('.parley-message-text li')).toHaveLength(4);
    const link = canvasElement.querySelector('.parley-message-text a[href="https://docs.example/runbook"]');
    await expect(link).toHaveTextContent('the runbook (docs.example)');
  },
};

/** A fenced code block: its language, sideways scroll, and Copy. */
export const CodeBlock: Story = {
  args,
  loaders: [chatOf(CODE)],
  render: renderChat,
  play: async ({ canvasElement }) => {
    const block = await waitFor(() => {
      const found = canvasElement.querySelector<HTMLElement>('.parley-code-block');
      if (!found) throw new Error('no code block yet');
      return found;
    });
    await expect(block.querySelector('.parley-code-block-lang')).toHaveTextContent('ts');
    const pre = block.querySelector('pre')!;
    await expect(pre.scrollWidth).toBeGreaterThan(pre.clientWidth);
  },
};

/** HTML, script and data links, markup in code, unclosed marks, bidi and zero-width characters: all shown as typed, nothing runs. */
export const HostileMarkdown: Story = {
  args,
  loaders: [chatOf(HOSTILE)],
  render: renderChat,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rows(canvasElement).length).toBe(HOSTILE.length + 1));
    await waitFor(() => expect(canvasElement.querySelector('.parley-message-text code')).not.toBeNull());
    await expect(canvasElement.querySelector('.parley-message-text img, .parley-message-text script, .parley-message-text b')).toBeNull();
    const links = [...canvasElement.querySelectorAll<HTMLAnchorElement>('.parley-message-text a')];
    await expect(links.map((a) => a.href)).toEqual(['https://evil.example/login']);
    await expect(links[0]).toHaveTextContent('bank (evil.example)');
  },
};

/** Mentions of the reader, of someone else and of everyone (`@here`). */
export const Mentions: Story = {
  args,
  loaders: [chatOf([], undefined, 'Thanks @Alice Martin and @Carol Okafor — @here the demo is at 3.')],
  render: renderChat,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('.parley-mention')).toHaveLength(3));
    await expect(canvasElement.querySelector('.parley-mention[data-mention="alice"]')).toHaveAttribute('data-self', 'true');
  },
};

/** Select a word and press Ctrl+B (Cmd+B on a Mac), I or E. */
export const FormattingShortcuts: Story = {
  args,
  loaders: [chatOf(['Select text in the input and press Ctrl+B, Ctrl+I or Ctrl+E.'])],
  render: renderChat,
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByRole('textbox');
    await userEvent.type(input, 'ship it');
    (input as HTMLTextAreaElement).setSelectionRange(5, 7);
    await userEvent.keyboard('{Control>}b{/Control}');
    await expect(input).toHaveValue('ship *it*');
  },
};

export const FormattedDark: Story = { ...FormattedMessage, globals: { theme: 'dark' } };

export const CodeBlockDark: Story = { ...CodeBlock, globals: { theme: 'dark' } };

/** Arabic catalog, right to left: quotes and lists on the right, code still reads left to right. */
export const FormattedRightToLeft: Story = {
  args,
  loaders: [chatOf(['*مهم*: اقرأ _الملاحظات_\n- أولاً\n- ثانياً\n> اقتباس', ...CODE], ar)],
  render: renderChat,
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const pre = await waitFor(() => {
      const found = canvasElement.querySelector('.parley-code-block pre');
      if (!found) throw new Error('no code block yet');
      return found;
    });
    await expect(pre).toHaveAttribute('dir', 'ltr');
    await expect(canvasElement.querySelector('.parley-code-block-copy')).toHaveTextContent('نسخ');
  },
};
