/**
 * Stories run on a live in-browser mock server. A loader creates the server
 * and one connected client per user; the previous story's server is disposed
 * so bots and timers of one story never leak into the next.
 */
import { createChatClient, createMemoryOutbox, type ChatClient, type ChatClientOptions } from 'parley/core';
import { createMockServer, type MockChatServer, type MockServerOptions } from 'parley/mock-server';

export interface MockChat {
  server: MockChatServer;
  clients: Record<string, ChatClient>;
}

export interface MockChatOptions extends MockServerOptions {
  /** Users to connect, each with their own client. */
  users?: string[];
  /** Runs after the server exists, before clients connect (add history, go offline…). */
  setup?: (server: MockChatServer) => void | Promise<void>;
  /** Skip `client.connect()` (for stories that show the connecting state). */
  connect?: boolean;
  /** Extra client options, e.g. a short request timeout to show failed sends quickly. */
  clientOptions?: Partial<Omit<ChatClientOptions, 'transport' | 'userId'>>;
  /** Runs once the clients are connected (send messages, go offline…). */
  ready?: (chat: MockChat) => void | Promise<void>;
}

let current: MockChat | null = null;

export async function createMockChat({
  users = ['alice'],
  setup,
  connect = true,
  clientOptions,
  ready,
  ...serverOptions
}: MockChatOptions = {}): Promise<MockChat> {
  if (current) disposeMockChat(current);
  const server = createMockServer({ seed: 'demo', ...serverOptions });
  await setup?.(server);
  const clients: Record<string, ChatClient> = {};
  for (const userId of users) {
    // Memory outboxes: a story's unsent messages must not reach the next story's server.
    clients[userId] = createChatClient({
      transport: server.connect({ userId, token: `${userId}-token` }),
      userId,
      outbox: createMemoryOutbox(),
      ...clientOptions,
    });
  }
  if (connect) await Promise.all(Object.values(clients).map((c) => c.connect()));
  current = { server, clients };
  await ready?.(current);
  return current;
}

function disposeMockChat(chat: MockChat): void {
  for (const client of Object.values(chat.clients)) client.disconnect();
  chat.server.dispose();
}

/** A Storybook loader: `loaders: [mockChatLoader({ users: ['alice', 'bob'] })]`. */
export function mockChatLoader(options: MockChatOptions = {}) {
  return async (): Promise<{ chat: MockChat }> => ({ chat: await createMockChat(options) });
}

/** A Storybook loader for stories that show alice's view: `{ client }`, alice connected. */
export function aliceLoader(options: MockChatOptions = {}) {
  return async (): Promise<{ client: ChatClient }> => ({ client: (await createMockChat(options)).clients.alice! });
}

/** Resolves once `client`'s store satisfies `ready` (pushes arrive asynchronously): the event, not a sleep. */
export function untilState(client: ChatClient, ready: (state: ReturnType<ChatClient['store']['getState']>) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ready(client.store.getState())) return resolve();
    const stop = client.store.subscribe((state) => {
      if (!ready(state)) return;
      stop();
      resolve();
    });
  });
}
