/**
 * The mention picker in real Chromium: typing @ at a word start opens a listbox of the
 * conversation's members tied to the field (aria-controls, aria-activedescendant), the
 * arrows and Enter pick, the sent message carries the picked id, and Escape closes the
 * picker alone (the text and the reply being written stay).
 */
import { afterEach, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { createMockServer } from 'parley/mock-server';
import { ChatProvider, MessageInput, setReplyTarget } from 'parley';
import { memoryClient } from './fixtures/memoryClient';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function setup() {
  const server = createMockServer({ seed: 'demo' });
  cleanups.push(() => server.dispose());
  const client = memoryClient(server, 'alice', cleanups);
  await client.connect();
  await render(
    <ChatProvider client={client}>
      <div style={{ paddingBlockStart: 300, width: 440 }}>
        <MessageInput conversationId="general" />
      </div>
    </ChatProvider>,
  );
  const field = page.getByRole('textbox', { name: 'Message' });
  return { server, client, field };
}

const listbox = () => page.getByRole('listbox', { name: 'People to mention' });

it('@bo, ArrowDown, Enter picks Bob; the sent message mentions bob', async () => {
  const { server, field } = await setup();
  await userEvent.click(field);
  await userEvent.keyboard('@bo');
  await expect.element(listbox()).toBeVisible();
  const options = listbox().getByRole('option');
  expect(options.elements().map((o) => o.textContent)).toEqual(['@Bob Nguyen']);
  await expect.element(field).toHaveAttribute('aria-controls', listbox().element().id);
  await expect.element(field).toHaveAttribute('aria-activedescendant', options.elements()[0]!.id);
  await expect.element(options.first()).toHaveAttribute('aria-selected', 'true');

  await userEvent.keyboard('{ArrowDown}{Enter}');
  await expect.element(field).toHaveValue('@Bob Nguyen ');
  expect(listbox().query()).toBeNull();
  expect(field.element().hasAttribute('aria-activedescendant')).toBe(false);
  await expect.element(field).toHaveFocus();

  await userEvent.keyboard('ship it{Enter}');
  await vi.waitFor(() => expect(server.messages('general').at(-1)).toMatchObject({ text: '@Bob Nguyen ship it', mentions: ['bob'] }));
  await expect.element(field).toHaveValue('');
});

it('@here comes first in a group; Escape closes the picker, keeping the text and the reply', async () => {
  const { client, field } = await setup();
  const quoted = await client.sendMessage('general', { text: 'the plan' });
  setReplyTarget(client, 'general', quoted.id);
  await userEvent.click(field);
  await userEvent.keyboard('@');
  await expect.element(listbox()).toBeVisible();
  const names = listbox().getByRole('option').elements().map((o) => o.getAttribute('data-user-id'));
  expect(names).toEqual(['here', 'bob', 'carol', 'dave', 'erin', 'frank']);

  await userEvent.keyboard('{Escape}');
  expect(listbox().query()).toBeNull();
  await expect.element(field).toHaveValue('@');
  expect(document.querySelector('.parley-message-input')?.getAttribute('data-replying')).toBe('true');
  // A new @ opens it again; a click picks.
  await userEvent.keyboard(' @ca');
  await userEvent.click(listbox().getByRole('option', { name: '@Carol Okafor' }));
  await expect.element(field).toHaveValue('@ @Carol Okafor ');
  await expect.element(field).toHaveFocus();
});
