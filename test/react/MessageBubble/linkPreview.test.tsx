// @vitest-environment jsdom
/**
 * The LinkPreview card with hostile or partial previews (another backend's word is not trusted):
 * only http(s) pages become a card, only http(s)/blob images are loaded, and only the
 * author gets the Remove button.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createChatClient } from '../../../src/core/client';
import type { LinkPreview as Preview } from '../../../src/core/protocol';
import { createMockServer } from '../../../src/mock-server';
import { ChatProvider } from '../../../src/react/ChatProvider';
import { LinkPreview } from '../../../src/react/components/MessageBubble/LinkPreview';

const server = createMockServer({ seed: 'empty' });
const client = createChatClient({ transport: server.connect({ userId: 'alice', token: 'alice-token' }), userId: 'alice' });

function html(preview: Preview, authorId = 'bob'): string {
  return renderToStaticMarkup(
    <ChatProvider client={client}>
      <LinkPreview message={{ id: 'm_general_1', authorId, preview }} />
    </ChatProvider>,
  );
}

describe('LinkPreview', () => {
  it('shows site, title linking to the page, host and description, as text', () => {
    const out = html({ url: 'https://example.com/a', title: '<b>Title</b>', description: 'About <i>it</i>', siteName: 'Example' });
    expect(out).toContain('href="https://example.com/a"');
    expect(out).toContain('rel="noopener noreferrer nofollow"');
    expect(out).toContain('&lt;b&gt;Title&lt;/b&gt;');
    expect(out).toContain('About &lt;i&gt;it&lt;/i&gt;');
    expect(out).toContain('>example.com<');
    expect(out).not.toContain('<button');
  });

  it('renders nothing for a page that is not http(s), and no image from an unsafe URL', () => {
    expect(html({ url: 'javascript:alert(1)', title: 'x' })).toBe('');
    const out = html({ url: 'https://example.com/', title: 'x', image: { url: 'javascript:alert(1)', width: 10, height: 5 } });
    expect(out).not.toContain('<img');
    // The box is still reserved, from the image's proportions.
    expect(out).toContain('aspect-ratio:10 / 5');
  });

  it('gives the author a named Remove preview button', () => {
    expect(html({ url: 'https://example.com/', title: 'x' }, 'alice')).toContain('aria-label="Remove preview"');
  });
});
