import { test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createChatClient, createMemoryOutbox } from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import { ChatProvider, ConversationList, MessageInput, TypingIndicator, ConnectionStatus } from 'parley';
import { ar } from '../../src/i18n/ar';
import '../../src/theme/styles.css';

for (const [theme, dir] of [['light', 'ltr'], ['dark', 'ltr'], ['brand', 'rtl']] as const) {
  test(`visual ${theme} ${dir}`, async () => {
    const server = createMockServer({ seed: 'demo' });
    const client = createChatClient({ transport: server.connect({ userId: 'alice', token: 'alice-token' }), userId: 'alice', outbox: createMemoryOutbox() });
    await client.connect();
    server.setTyping('general', 'bob', true);
    await render(
      <ChatProvider client={client} catalog={dir === 'rtl' ? ar : undefined}>
        <div data-theme={theme} dir={dir} style={{ display: 'flex', gap: 16, padding: 16, width: 980, height: 700 }}>
          <div style={{ width: 340, display: 'flex', flexDirection: 'column' }}>
            <ConnectionStatus />
            <ConversationList selectedId="general" style={{ flex: 1 }} />
          </div>
          <div style={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'flex-end' }}>
            <TypingIndicator conversationId="general" />
            <MessageInput conversationId="general" />
          </div>
        </div>
      </ChatProvider>,
    );
    await userEvent.click(page.getByRole('textbox'));
    await userEvent.type(page.getByRole('textbox'), 'Hello{Shift>}{Enter}{/Shift}second line');
    server.setOnline('alice', false);
    await new Promise((r) => setTimeout(r, 700));
    await page.screenshot({ path: `__tmpshots__/shot-${theme}-${dir}.png` });
    client.disconnect();
    server.dispose();
  });
}
