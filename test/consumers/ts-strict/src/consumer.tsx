/**
 * Every entry point's main names, used in typed lines, as a strict TypeScript app would.
 * Compiled (never run) under moduleResolution bundler and node16. socket.io and busboy are
 * installed, as `parley/mock-server/node` asks: its declarations also import socket.io's.
 */
import type { ReactElement } from 'react';
import {
  ChatProvider,
  ConnectionStatus,
  ConversationList,
  en,
  FileUpload,
  MessageInput,
  MessageList,
  TypingIndicator,
  useConnection,
  useConversation,
  useMessages,
  type Catalog,
  type MessageListProps,
} from 'parley';
import {
  ChatError,
  createChatClient,
  createMemoryOutbox,
  LIMITS,
  type ChatClient,
  type DisplayMessage,
  type Message,
  type Transport,
  type TransportStatus,
} from 'parley/core';
import { BOT_ID, createMockServer, SEED_USERS, type MockChatServer } from 'parley/mock-server';
import { DEV_ADMIN_KEY, startMockServer, type RunningMockServer, type StartMockServerOptions } from 'parley/mock-server/node';
import { createSocketIoTransport, type SocketIoTransportOptions } from 'parley/socketio';
import { ar } from 'parley/locales/ar';
import 'parley/styles.css';

const server: MockChatServer = createMockServer({ seed: 'demo', botDelayMs: 10 });
const client: ChatClient = createChatClient({
  transport: server.connect({ userId: 'alice', token: 'alice-token' }),
  userId: 'alice',
  outbox: createMemoryOutbox(),
});

export async function sendHello(): Promise<string> {
  await client.connect();
  const sent: Message = await client.sendMessage('alice-bot', { text: 'hello' });
  const shown: DisplayMessage[] = client.getMessages('alice-bot');
  const last = shown[shown.length - 1]; // DisplayMessage | undefined under noUncheckedIndexedAccess
  client.on('error', (error: ChatError) => console.warn(error.message));
  return `${sent.id} ${last?.status ?? 'none'} ${BOT_ID} ${SEED_USERS.length} ${LIMITS.maxTextLength}`;
}

/** A host's own transport: the one seam to a backend, implementable under exactOptionalPropertyTypes. */
export function offlineTransport(): Transport {
  const status: TransportStatus = { state: 'disconnected', willRetry: false };
  return {
    connect() {},
    disconnect() {},
    reconnectNow() {},
    request: () => Promise.reject(new Error('offline')),
    onEvent: () => () => {},
    onStatus: () => () => {},
    status,
  };
}

export async function nodeServer(options: StartMockServerOptions = { port: 0 }): Promise<string> {
  const running: RunningMockServer = await startMockServer({
    ...options,
    corsOrigins: ['http://localhost:5173'],
    allowedHosts: options.allowedHosts ?? ['chat.example.com'],
  });
  // The admin key is the server's own; the deprecated DEV_ADMIN_KEY is only a name now.
  const adminKey: string = running.adminKey;
  if (adminKey === DEV_ADMIN_KEY) throw new Error('unreachable');
  const socketOptions: SocketIoTransportOptions = { url: running.url, token: 'bob-token' };
  const remote = createChatClient({ transport: createSocketIoTransport(socketOptions), userId: 'bob' });
  await remote.connect();
  remote.disconnect();
  await running.close();
  return running.url;
}

function Header({ conversationId }: { conversationId: string }): ReactElement {
  const conversation = useConversation(conversationId);
  const messages = useMessages(conversationId);
  const { state } = useConnection();
  return <h1>{`${conversation?.title ?? conversationId}: ${messages.length} (${state})`}</h1>;
}

export function App({ arabic = false }: { arabic?: boolean }): ReactElement {
  const catalog: Catalog = arabic ? ar : en;
  const list: MessageListProps = { conversationId: 'alice-bot', className: 'messages' };
  return (
    <ChatProvider client={client} catalog={catalog}>
      <ConnectionStatus hideWhenOnline />
      <ConversationList selectedId="alice-bot" onSelect={(id: string) => console.log(id)} />
      <Header conversationId="alice-bot" />
      <MessageList {...list} />
      <TypingIndicator conversationId="alice-bot" />
      <FileUpload conversationId="alice-bot" />
      <MessageInput conversationId="alice-bot" />
    </ChatProvider>
  );
}
