import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type PartialKeys,
  type VirtualizerOptions,
} from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

type Options = PartialKeys<VirtualizerOptions<HTMLDivElement, Element>, 'observeElementRect' | 'observeElementOffset' | 'scrollToFn'>;

const useIsomorphicLayoutEffect = typeof document !== 'undefined' ? useLayoutEffect : useEffect;

/**
 * `useVirtualizer` of @tanstack/react-virtual for an element, without its
 * direct-DOM-update mode, which this list does not use: the same virtual-core
 * Virtualizer, re-rendered the same way (synchronously for a scroll, except
 * while a row measures itself from its ref), at a third of the adapter's bytes.
 */
export function useVirtualizer(options: Options): Virtualizer<HTMLDivElement, Element> {
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
  const [instance] = useState(() => {
    const virtualizer = new Virtualizer(resolved);
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
  });
  instance.setOptions(resolved);
  useIsomorphicLayoutEffect(() => instance._didMount(), []);
  useIsomorphicLayoutEffect(() => instance._willUpdate());
  return instance;
}
