import { createElement, useSyncExternalStore, type ComponentType, type ReactElement } from 'react';
import { exponentialDelay } from '../core/backoff';

/** Retries of a failed chunk while a part waits for it: 1 s, 2 s, … up to 30 s. */
const RETRY = { baseMs: 1_000, maxMs: 30_000 };

/** A component whose code is fetched on first use; see `lazyPart`. */
export interface LazyPart<P> {
  (props: P): ReactElement | null;
  /** Fetch the code now (once); resolves true when the part can render, false if the fetch failed. */
  preload(): Promise<boolean>;
  /** The code is being fetched: the part renders nothing yet. */
  loading(): boolean;
}

/**
 * A component loaded by dynamic import the first time one is mounted (or
 * preloaded): it renders nothing (or `fallback`, with the same props) until
 * its code is there, then itself.
 *
 * Not `React.lazy`: nothing suspends, so no Suspense boundary is needed around
 * each use and the part shows the moment its code arrives (React holds back a
 * resolved boundary for up to 300 ms after a fallback). Server renders and
 * hydration read the server snapshot, nothing, so they always agree; the part
 * appears in the render after hydration. A failed fetch is tried again the
 * next time a part mounts or is preloaded, and by itself with backoff while one waits.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, fallback?: ComponentType<P>): LazyPart<P> {
  let component: ComponentType<P> | undefined;
  let pending: Promise<boolean> | undefined;
  let failures = 0;
  const listeners = new Set<() => void>();
  const preload = () =>
    // Through a promise, so that a loader that throws counts as a failed fetch.
    (pending ??= Promise.resolve().then(load).then(
      (loaded) => {
        component = loaded;
        failures = 0;
        for (const listener of listeners) listener();
        return true;
      },
      () => {
        pending = undefined;
        // A chunk can fail on a network blip: try again while a part is waiting for it.
        if (listeners.size > 0) setTimeout(() => listeners.size > 0 && void preload(), exponentialDelay(failures++, RETRY));
        return false;
      },
    ));
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    void preload();
    return () => {
      listeners.delete(listener);
    };
  };
  const current = () => component;
  const none = () => undefined;
  function Part(props: P) {
    const Loaded = useSyncExternalStore(subscribe, current, none) ?? fallback;
    return Loaded ? createElement(Loaded, props) : null;
  }
  return Object.assign(Part, { preload, loading: () => pending !== undefined && component === undefined });
}
