/** The conversation row's mention badge: apart from the unread one, named from the catalog, gone once read. */
import { afterEach, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMockServer } from 'parley/mock-server';
import { ChatProvider, ConversationList } from 'parley';
import { memoryClient } from './fixtures/memoryClient';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

test('a mention shows an "@" badge beside the unread count, in the row’s name, until read', async () => {
  const server = createMockServer({ seed: 'demo' });
  cleanups.push(() => server.dispose());
  const alice = memoryClient(server, 'alice', cleanups);
  const bob = memoryClient(server, 'bob', cleanups);
  await Promise.all([alice.connect(), bob.connect()]);
  await render(
    <ChatProvider client={alice}>
      <ConversationList />
    </ChatProvider>,
  );
  const row = page.getByRole('option', { name: /^General/ });
  await expect.element(row).toHaveAttribute('data-mentioned', 'false');

  await bob.sendMessage('general', { text: 'hi @Alice', mentions: ['alice'] });
  const last = await bob.sendMessage('general', { text: '@here standup', mentions: ['here'] });
  await expect.element(row).toHaveAttribute('data-mentioned', 'true');
  await expect.element(row).toHaveAccessibleName(/2 mentions \d+ unread messages$/);
  const badge = row.element().querySelector('[data-badge="mention"]')!;
  const unread = row.element().querySelector('[data-badge="unread"]')!;
  expect(badge.textContent).toBe('@2 mentions');
  // Its own colours: not a second unread badge.
  expect(getComputedStyle(badge).backgroundColor).not.toBe(getComputedStyle(unread).backgroundColor);

  alice.markRead('general', last.seq);
  await expect.element(row).toHaveAttribute('data-mentioned', 'false');
  expect(row.element().querySelector('[data-badge="mention"]')).toBeNull();
});
