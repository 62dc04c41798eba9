/**
 * Every public component hands its `ref` to its root element, under React 19 (ref as a
 * prop) and React 18 (forwardRef only): the `react18` project runs this file too.
 */
import { createRef, version, type RefObject } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { createChatClient, createMemoryOutbox, type ChatClient } from 'parley/core';
import { createMockServer } from 'parley/mock-server';
import {
  Avatar,
  ChatProvider,
  ConnectionStatus,
  ConversationList,
  FileUpload,
  MessageBubble,
  MessageInput,
  MessageList,
  TypingIndicator,
} from 'parley';
import '../../src/theme/styles.css';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function client(): Promise<ChatClient> {
  const server = createMockServer({ seed: 'demo' });
  const c = createChatClient({ transport: server.connect({ userId: 'alice', token: 'alice-token' }), userId: 'alice', outbox: createMemoryOutbox() });
  await c.connect();
  cleanups.push(() => {
    c.disconnect();
    server.dispose();
  });
  return c;
}

describe(`refs (React ${version})`, () => {
  it('reach each component’s root element', async () => {
    const chat = await client();
    const refs = {
      avatar: createRef<HTMLSpanElement>(),
      status: createRef<HTMLDivElement>(),
      conversations: createRef<HTMLDivElement>(),
      upload: createRef<HTMLDivElement>(),
      bubble: createRef<HTMLDivElement>(),
      input: createRef<HTMLDivElement>(),
      list: createRef<HTMLDivElement>(),
      typing: createRef<HTMLDivElement>(),
    };
    const message = chat.getMessages('general').at(-1) ?? {
      id: 'm1', clientId: 'c1', conversationId: 'general', authorId: 'bob', seq: 1, createdAt: 0, text: 'hi', attachments: [], status: 'sent' as const,
    };
    await render(
      <ChatProvider client={chat}>
        <Avatar ref={refs.avatar} user={{ id: 'bob', name: 'Bob Nguyen' }} />
        <ConnectionStatus ref={refs.status} />
        <ConversationList ref={refs.conversations} />
        <FileUpload ref={refs.upload} conversationId="general" />
        <MessageBubble ref={refs.bubble} message={message} author={undefined} own={false} />
        <MessageInput ref={refs.input} conversationId="general" />
        <div style={{ height: 300, display: 'flex' }}>
          <MessageList ref={refs.list} conversationId="general" style={{ flex: 1 }} />
        </div>
        <TypingIndicator ref={refs.typing} conversationId="general" />
      </ChatProvider>,
    );
    const expected: Record<keyof typeof refs, string> = {
      avatar: 'parley-avatar',
      status: 'parley-connection-status',
      conversations: 'parley-conversation-list',
      upload: 'parley-file-upload',
      bubble: 'parley-message',
      input: 'parley-message-input',
      list: 'parley-message-list-scroller',
      typing: 'parley-typing-indicator',
    };
    for (const [key, className] of Object.entries(expected)) {
      const ref = refs[key as keyof typeof refs] as RefObject<HTMLElement | null>;
      await expect.poll(() => ref.current?.classList.contains(className), { message: key }).toBe(true);
    }
  });
});
