/**
 * The public side of the guarded fetch (guardedGet.ts): its resolver's shape and its
 * errors. Apart from it, so the declarations apps see name no Node types (Buffer).
 */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Host name → its addresses (default: the system resolver, every address). */
export type Resolver = (host: string) => Promise<readonly ResolvedAddress[]>;

export type UnfurlProblem = 'scheme' | 'address' | 'unreachable' | 'status' | 'redirects' | 'too_large' | 'timeout' | 'type';

/** What a message names, so a caller can word its own: the host not found, the status answered, a body cut off. */
export interface UnfurlFacts {
  readonly host?: string;
  readonly status?: number;
  readonly cutOff?: true;
}

export class UnfurlError extends Error {
  constructor(
    readonly reason: UnfurlProblem,
    message: string,
    readonly facts: UnfurlFacts = {},
  ) {
    super(message);
    this.name = 'UnfurlError';
  }
}
