/**
 * The mount shared by the lists that are handed the whole conversation as an array
 * (bare tanstack, react-virtuoso, chatscope): they show the newest n, `prepend` adds the
 * PREPEND older ones, `append` adds one from "bob". Each list fills in `ArrayListControls`.
 */
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { PREPEND, type BenchData, type BenchMessage } from '../data';
import type { MountResult } from '../types';

export interface ArrayListControls {
  prepend?: (older: BenchMessage[]) => void;
  append?: (message: BenchMessage) => void;
  /** For lists whose scrolling element is only known through a ref. */
  scroller?: HTMLElement | null;
}

export async function mountArrayList(
  root: HTMLElement,
  data: BenchData,
  list: (initial: BenchMessage[], controls: ArrayListControls) => ReactNode,
  scroller: (controls: ArrayListControls) => HTMLElement | null,
): Promise<MountResult> {
  const all = data.array();
  const controls: ArrayListControls = {};
  const initial = all.slice(PREPEND);
  const older = all.slice(0, PREPEND);
  let appended = 0;
  const renderStart = performance.now();
  createRoot(root).render(list(initial, controls));
  return {
    renderStart,
    handle: {
      scroller: () => scroller(controls),
      rowSelector: '[data-bench-id]',
      rowId: (row) => row.getAttribute('data-bench-id'),
      prepend: async (k) => {
        const add = older.splice(older.length - k, k);
        flushSync(() => controls.prepend?.(add));
      },
      append: async () => {
        const id = `append-${++appended}`;
        flushSync(() => controls.append?.({ id, authorId: 'bob', text: `${id} a new message`, createdAt: Date.now() }));
        return (row) => row.getAttribute('data-bench-id') === id;
      },
    },
  };
}
