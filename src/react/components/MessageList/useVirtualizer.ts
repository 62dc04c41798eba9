import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type PartialKeys,
  type VirtualizerOptions,
} from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import { flushSync } from 'react-dom';

type Options = PartialKeys<VirtualizerOptions<HTMLDivElement, Element>, 'observeElementRect' | 'observeElementOffset' | 'scrollToFn'>;

const useIsomorphicLayoutEffect = typeof document !== 'undefined' ? useLayoutEffect : useEffect;

/**
 * `useVirtualizer` of @tanstack/react-virtual for an element, without its
 * direct-DOM-update mode, which this list does not use: the same virtual-core
 * Virtualizer, re-rendered the same way (synchronously for a scroll, except
 * while a row measures itself from its ref), at a third of the adapter's bytes.
 *
 * A new `resetKey` starts a fresh Virtualizer on the same element (another
 * conversation, or the first rows arriving): one that starts with rows opens at
 * its `initialOffset` in its first frame, where one that grows from empty shows
 * an estimated position for a frame and then snaps.
 */
export function useVirtualizer(options: Options, resetKey: string): Virtualizer<HTMLDivElement, Element> {
  const rerender = useReducer((n: number) => n + 1, 0)[1];
  const measuringFromRef = useRef(false);
  const resolved: VirtualizerOptions<HTMLDivElement, Element> = {
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    ...options,
    onChange: (instance, sync) => {
      if (sync && !measuringFromRef.current) flushSync(rerender);
      else rerender();
      options.onChange?.(instance, sync);
    },
  };
  const current = useRef<{ key: string; instance: Virtualizer<HTMLDivElement, Element> } | null>(null);
  if (current.current?.key !== resetKey) current.current = { key: resetKey, instance: create(resolved, measuringFromRef) };
  const instance = current.current.instance;
  instance.setOptions(resolved);
  useIsomorphicLayoutEffect(() => instance._didMount(), [instance]);
  useIsomorphicLayoutEffect(() => instance._willUpdate());
  return instance;
}

function create(options: VirtualizerOptions<HTMLDivElement, Element>, measuringFromRef: { current: boolean }) {
  const virtualizer = new Virtualizer(options);
  const measureElement = virtualizer.measureElement;
  virtualizer.measureElement = (node) => {
    measuringFromRef.current = true;
    try {
      measureElement(node);
    } finally {
      measuringFromRef.current = false;
    }
  };
  return virtualizer;
}
