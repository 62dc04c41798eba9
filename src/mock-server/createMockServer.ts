/**
 * `createMockServer`: the mock server's domain with memory transports plugged
 * into its session port — what stories, tests and demos connect to in one line
 * (`server.connect({ userId, token })`).
 */
import { createMemoryConnector, type MemoryConnector, type NetworkConditions } from './memoryAdapter';
import { createMockServerCore, type MockChatServerCore, type MockServerCoreOptions } from './MockChatServer';

export interface MockServerOptions extends MockServerCoreOptions {
  /** Initial network conditions of memory transports (default: perfect). */
  network?: Partial<NetworkConditions>;
}

export interface MockChatServer extends MockChatServerCore, MemoryConnector {}

export function createMockServer(options: MockServerOptions = {}): MockChatServer {
  const { network, ...coreOptions } = options;
  const core = createMockServerCore(coreOptions);
  const memory = createMemoryConnector(core, { seed: core.seed, ...(network ? { network } : {}) });
  // One object, as before: `network` stays a live getter, so descriptors are copied rather than values.
  return Object.defineProperties(core, Object.getOwnPropertyDescriptors(memory)) as MockChatServer;
}
