/**
 * The memory transport over the server's session port: `server.connect()`
 * hands out in-process transports whose every frame crosses a simulated
 * network, and `setNetwork` shapes that network. The only file of the mock
 * server that knows a transport; the server's domain does not.
 */
import type { Transport } from '../core/transport';
import { createMemoryTransport } from '../transports/memory';
import type { MemoryEndpoint } from '../transports/memoryEndpoint';
import { mergeNetwork, PERFECT_NETWORK, type NetworkConditions } from '../transports/network';
import type { SessionPort } from './MockChatServer';
import { hashString, mulberry32 } from './random';

export type { NetworkConditions };

export interface MemoryConnector {
  /** Current network conditions of this server's memory transports (a frozen copy). */
  readonly network: NetworkConditions;
  /** A memory transport for this user; not connected yet: call `.connect()`. */
  connect(credentials: { userId: string; token: string }): Transport;
  /** Applies to the very next frame of every memory transport, open or future. */
  setNetwork(conditions: Partial<NetworkConditions>): void;
}

export interface MemoryConnectorOptions {
  /** Seeds each transport's fault dice, so a run with the same seed replays the same faults. */
  readonly seed: string;
  /** Initial network conditions (default: perfect). */
  readonly network?: Partial<NetworkConditions>;
}

export function createMemoryConnector(port: SessionPort, options: MemoryConnectorOptions): MemoryConnector {
  let network = mergeNetwork(PERFECT_NETWORK, options.network);
  let transportCount = 0;

  return {
    get network() {
      return network;
    },

    connect(credentials) {
      const endpoint: MemoryEndpoint = {
        open(callbacks) {
          const result = port.attach(credentials, callbacks);
          if (!result.ok) return result;
          const { session } = result;
          return {
            ok: true,
            link: {
              request: (event, payload) => port.handleRequest(session, event, payload),
              close: () => port.detach(session),
              upload: (input) => port.upload(credentials, input),
            },
          };
        },
      };
      const random = mulberry32(hashString(`${options.seed}|transport|${credentials.userId}|${++transportCount}`));
      return createMemoryTransport({ endpoint, network: () => network, random });
    },

    setNetwork(conditions) {
      network = mergeNetwork(network, conditions);
    },
  };
}
