/**
 * Link previews on the reference server: the first link of a stored message is
 * unfurled in the background and pushed as message:updated; edits re-unfurl or
 * drop it; message:preview:remove is the author's; the image is a member's only.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Message } from '../../src/core/protocol';
import { fixtureUnfurl } from '../../src/mock-server/previews/fixtureUnfurl';
import type { UnfurlFn } from '../../src/mock-server/previews/unfurl';
import { firstLink } from '../../src/core/text/firstLink';
import { errorCode, newServer, ok, record, type Recorder } from './helpers';

const updated = (user: Recorder) => user.of('message:updated') as Message[];

/** Resolves once the recorder heard a message:updated that passes `test`. */
async function heardUpdate(user: Recorder, test: (m: Message) => boolean): Promise<Message> {
  await vi.waitFor(() => expect(updated(user).some(test)).toBe(true), { timeout: 2_000, interval: 5 });
  return updated(user).filter(test).at(-1)!;
}

/** Lets queued unfurls run and settle (they only wait on microtasks here). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

function world(options: Parameters<typeof newServer>[0] = {}) {
  const server = newServer({ seed: 'empty', ...options });
  const bob = record(server, 'bob');
  const alice = record(server, 'alice');
  const send = (text: string, clientId = `c${Math.random()}`) =>
    ok(bob.request('message:send', { conversationId: 'general', clientId, text })).message;
  return { server, bob, alice, send };
}

describe('firstLink', () => {
  it('finds the first http(s) link the way the bubble links it', () => {
    expect(firstLink('see https://example.com/article. and http://x.org')).toBe('https://example.com/article');
    expect(firstLink('mail me a@b.co or go to www.example.org/docs!')).toBe('https://www.example.org/docs');
    expect(firstLink('see https://en.wikipedia.org/wiki/Foo_(bar)')).toBe('https://en.wikipedia.org/wiki/Foo_(bar)');
    expect(firstLink('javascript:alert(1) ftp://x.org mailto:a@b.co')).toBeNull();
    expect(firstLink('https://user:pw@example.com https://example.com#top')).toBe('https://example.com/');
  });
});

describe('link previews', () => {
  it('the ack has no preview; then every member hears the message with it', async () => {
    const { alice, bob, send } = world();
    const sent = send('read this https://example.com/article');
    expect(sent.preview).toBeUndefined();
    const seen = await heardUpdate(alice, (m) => m.id === sent.id && m.preview !== undefined);
    expect(seen.preview).toEqual({
      url: 'https://example.com/article',
      title: 'How we cut our build time in half',
      description: expect.stringContaining('Caching'),
      siteName: 'Example Engineering',
      image: { id: expect.any(String), url: expect.stringMatching(/^blob:/), width: 240, height: 126 },
    });
    await heardUpdate(bob, (m) => m.id === sent.id && m.preview !== undefined);
  });

  it('serves the image to members only, and never a third-party URL', async () => {
    const { server, alice, send } = world();
    const sent = send('https://example.com/article');
    const { preview } = await heardUpdate(alice, (m) => m.preview !== undefined);
    const imageId = preview!.image!.id!;
    expect(ok(alice.request('attachment:url', { id: imageId })).url).toBe(preview!.image!.url);
    server.removeMember('general', 'erin');
    expect(errorCode(record(server, 'erin').request('attachment:url', { id: imageId }))).toBe('not_found');
    expect(server.messages('general').find((m) => m.id === sent.id)!.preview!.image!.url).not.toContain('example.com');
  });

  it('ignores a preview a client sends in message:send', async () => {
    const { server, bob, alice } = world({ unfurl: false });
    const forged = { url: 'https://evil.example', title: 'Bank login', image: { url: 'https://evil.example/x.png', width: 1, height: 1 } };
    const sent = ok(bob.request('message:send', { conversationId: 'general', clientId: 'f', text: 'hi', preview: forged })).message;
    expect(sent.preview).toBeUndefined();
    await settle();
    expect(updated(alice)).toEqual([]);
    expect(server.messages('general')[0]!.preview).toBeUndefined();
  });

  it('a message without a link, a page the table does not know, and a failing unfurl leave no preview', async () => {
    const failing: UnfurlFn = async (url) => {
      if (url.includes('boom')) throw new Error('boom');
      return fixtureUnfurl(url, new AbortController().signal);
    };
    const { alice, send } = world({ unfurl: failing });
    send('no link here');
    send('https://unknown.example/page');
    send('https://boom.example/');
    await settle();
    expect(updated(alice)).toEqual([]);
  });

  it('an unfurl slower than unfurlTimeoutMs is aborted and leaves no preview', async () => {
    let aborted = false;
    const slow: UnfurlFn = (_url, signal) =>
      new Promise((resolve) => {
        signal.addEventListener('abort', () => {
          aborted = true;
        });
        setTimeout(() => resolve({ title: 'Too late' }), 200);
      });
    const { alice, send } = world({ unfurl: slow, unfurlTimeoutMs: 20 });
    send('https://example.com/');
    await vi.waitFor(() => expect(aborted).toBe(true), { timeout: 1_000 });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(updated(alice)).toEqual([]);
  });

  it('an edit to another link unfurls again; one without a link drops it; the same link keeps it', async () => {
    const { alice, bob, send } = world();
    const sent = send('https://example.com/article');
    await heardUpdate(alice, (m) => m.preview?.url === 'https://example.com/article');
    const same = ok(bob.request('message:edit', { id: sent.id, text: 'still https://example.com/article' })).message;
    expect(same.preview?.title).toBe('How we cut our build time in half');

    const other = ok(bob.request('message:edit', { id: sent.id, text: 'rather https://example.org/docs' })).message;
    expect(other.preview).toBeUndefined();
    const reunfurled = await heardUpdate(alice, (m) => m.preview?.url === 'https://example.org/docs');
    expect(reunfurled.preview).toEqual({ url: 'https://example.org/docs', title: 'Getting started', description: expect.any(String), siteName: 'Example Docs' });

    const none = ok(bob.request('message:edit', { id: sent.id, text: 'never mind' })).message;
    expect(none.preview).toBeUndefined();
    expect(updated(alice).at(-1)!.preview).toBeUndefined();
  });

  it('an edit before the unfurl answered never gets the old page’s preview', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const gated: UnfurlFn = async (url, signal) => {
      if (url.includes('article')) await gate;
      return fixtureUnfurl(url, signal);
    };
    const { alice, bob, send } = world({ unfurl: gated });
    const sent = send('https://example.com/article');
    ok(bob.request('message:edit', { id: sent.id, text: 'https://example.net/plain' }));
    await heardUpdate(alice, (m) => m.preview?.url === 'https://example.net/plain');
    release();
    await settle();
    expect(updated(alice).filter((m) => m.preview?.url === 'https://example.com/article')).toEqual([]);
  });

  it('message:preview:remove: the author only; it stays removed through edits; unknown is not_found', async () => {
    const { server, alice, bob, send } = world();
    const sent = send('https://example.com/article');
    const { preview } = await heardUpdate(alice, (m) => m.preview !== undefined);
    expect(errorCode(alice.request('message:preview:remove', { id: sent.id }))).toBe('forbidden');
    expect(errorCode(bob.request('message:preview:remove', { id: 'm_general_999' }))).toBe('not_found');
    expect(errorCode(record(server, 'frank').request('message:preview:remove', { id: 'm_bob-carol_1' }))).toBe('not_found');

    const removed = ok(bob.request('message:preview:remove', { id: sent.id })).message;
    expect(removed.preview).toBeUndefined();
    expect(updated(alice).at(-1)).toMatchObject({ id: sent.id });
    expect(updated(alice).at(-1)!.preview).toBeUndefined();
    // Its image goes with it.
    expect(errorCode(alice.request('attachment:url', { id: preview!.image!.id! }))).toBe('not_found');

    ok(bob.request('message:edit', { id: sent.id, text: 'now https://example.org/docs' }));
    await settle();
    expect(server.messages('general').find((m) => m.id === sent.id)!.preview).toBeUndefined();
  });

  it('removing before the unfurl answered: it never arrives', async () => {
    const { server, bob, send } = world();
    const sent = send('https://example.com/article');
    ok(bob.request('message:preview:remove', { id: sent.id }));
    await settle();
    expect(server.messages('general').find((m) => m.id === sent.id)!.preview).toBeUndefined();
  });

  it('deleting the message drops its preview and its image', async () => {
    const { alice, bob, send } = world();
    const sent = send('https://example.com/article');
    const { preview } = await heardUpdate(alice, (m) => m.preview !== undefined);
    const tombstone = ok(bob.request('message:delete', { id: sent.id })).message;
    expect(tombstone.preview).toBeUndefined();
    expect(errorCode(alice.request('attachment:url', { id: preview!.image!.id! }))).toBe('not_found');
  });

  it('unfurl: false makes no previews; dispose aborts an unfurl in flight', async () => {
    let signal: AbortSignal | undefined;
    const hanging: UnfurlFn = (_url, s) => {
      signal = s;
      return new Promise(() => {});
    };
    const { server, send } = world({ unfurl: hanging });
    send('https://example.com/');
    await vi.waitFor(() => expect(signal).toBeDefined());
    server.dispose();
    expect(signal!.aborted).toBe(true);
  });
});

describe('link previews in threads', () => {
  it('a thread reply gets its preview too', async () => {
    const { alice, bob, send } = world();
    const root = send('The plan');
    const reply = ok(bob.request('message:send', { conversationId: 'general', clientId: 'r1', text: 'see https://example.org/docs', parentId: root.id })).message;
    const seen = await heardUpdate(alice, (m) => m.id === reply.id && m.preview !== undefined);
    expect(seen).toMatchObject({ parentId: root.id, preview: { title: 'Getting started' } });
  });
});
