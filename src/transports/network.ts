/**
 * Simulated network conditions for in-process transports. Read per frame, so a
 * change applies to the very next frame, as on a real flaky connection.
 */
export interface NetworkConditions {
  /** One-way delay of every frame, in ms. */
  readonly latencyMs: number;
  /** Extra random delay, uniform in [0, jitterMs). Frames still arrive in order. */
  readonly jitterMs: number;
  /** Probability that a frame is lost (a lost request or ack ends in a timeout). */
  readonly dropRate: number;
  /** Probability that a frame arrives twice. */
  readonly duplicateRate: number;
  /** Probability that a frame is held back so that later frames overtake it. */
  readonly reorderRate: number;
}

export const PERFECT_NETWORK: NetworkConditions = Object.freeze({
  latencyMs: 0,
  jitterMs: 0,
  dropRate: 0,
  duplicateRate: 0,
  reorderRate: 0,
});

const clampMs = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(0, value), 600_000) : fallback;

const clampRate = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(0, value), 1) : fallback;

/** `base` with the valid fields of `patch` applied; out-of-range values are clamped, junk ignored. */
export function mergeNetwork(base: NetworkConditions, patch: Partial<NetworkConditions> | undefined): NetworkConditions {
  if (!patch) return base;
  return Object.freeze({
    latencyMs: clampMs(patch.latencyMs, base.latencyMs),
    jitterMs: clampMs(patch.jitterMs, base.jitterMs),
    dropRate: clampRate(patch.dropRate, base.dropRate),
    duplicateRate: clampRate(patch.duplicateRate, base.duplicateRate),
    reorderRate: clampRate(patch.reorderRate, base.reorderRate),
  });
}
