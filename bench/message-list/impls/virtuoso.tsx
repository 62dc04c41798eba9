/** react-virtuoso as its docs recommend for chat: firstItemIndex for prepends, followOutput for appends. */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { Virtuoso } from 'react-virtuoso';
import { ME, PREPEND, type BenchMessage } from '../data';
import type { MountImpl } from '../types';
import { BenchRow } from './rows';

const FIRST_INDEX = 10_000_000;

interface Controls {
  prepend?: (older: BenchMessage[]) => void;
  append?: (m: BenchMessage) => void;
  scroller?: HTMLElement | null;
}

function VirtuosoList({ initial, controls }: { initial: BenchMessage[]; controls: Controls }) {
  const [state, setState] = useState({ items: initial, first: FIRST_INDEX });
  controls.prepend = (older) => setState((s) => ({ items: [...older, ...s.items], first: s.first - older.length }));
  controls.append = (m) => setState((s) => ({ ...s, items: [...s.items, m] }));
  return (
    <Virtuoso
      style={{ height: 700 }}
      data={state.items}
      firstItemIndex={state.first}
      initialTopMostItemIndex={state.items.length - 1}
      followOutput="auto"
      computeItemKey={(_, m) => m.id}
      scrollerRef={(el) => {
        controls.scroller = el instanceof HTMLElement ? el : null;
      }}
      itemContent={(_, m) => (
        <div className="bench-row" data-bench-id={m.id} data-own={m.authorId === ME ? 'true' : 'false'}>
          <BenchRow message={m} />
        </div>
      )}
    />
  );
}

export const mount: MountImpl = async (root, data) => {
  const all = data.array();
  const controls: Controls = {};
  const initial = all.slice(PREPEND);
  const older = all.slice(0, PREPEND);
  let appended = 0;
  const renderStart = performance.now();
  createRoot(root).render(<VirtuosoList initial={initial} controls={controls} />);
  return {
    renderStart,
    handle: {
      scroller: () => controls.scroller ?? null,
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
};
