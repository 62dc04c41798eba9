/** @chatscope/chat-ui-kit-react's MessageList (not virtualized: every message is in the DOM). */
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';
import { Message, MessageList } from '@chatscope/chat-ui-kit-react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { ME, PREPEND, type BenchMessage } from '../data';
import type { MountImpl } from '../types';

interface Controls {
  setItems?: (update: (items: BenchMessage[]) => BenchMessage[]) => void;
}

function ChatscopeList({ initial, controls }: { initial: BenchMessage[]; controls: Controls }) {
  const [items, setItems] = useState(initial);
  controls.setItems = setItems;
  return (
    <MessageList style={{ height: 700 }}>
      {items.map((m) => (
        <Message
          key={m.id}
          data-bench-id={m.id}
          model={{ message: m.text, sender: m.authorId, direction: m.authorId === ME ? 'outgoing' : 'incoming', position: 'single' }}
        />
      ))}
    </MessageList>
  );
}

/** The element that actually scrolls (perfect-scrollbar wrapper). */
function findScroller(root: HTMLElement): HTMLElement | null {
  return root.querySelector<HTMLElement>('.cs-message-list__scroll-wrapper');
}

export const mount: MountImpl = async (root, data) => {
  const all = data.array();
  const controls: Controls = {};
  const initial = all.slice(PREPEND);
  const older = all.slice(0, PREPEND);
  let appended = 0;
  const renderStart = performance.now();
  createRoot(root).render(<ChatscopeList initial={initial} controls={controls} />);
  return {
    renderStart,
    handle: {
      scroller: () => findScroller(root),
      rowSelector: '[data-bench-id]',
      rowId: (row) => row.getAttribute('data-bench-id'),
      prepend: async (k) => {
        const add = older.splice(older.length - k, k);
        flushSync(() => controls.setItems?.((items) => [...add, ...items]));
      },
      append: async () => {
        const id = `append-${++appended}`;
        flushSync(() => controls.setItems?.((items) => [...items, { id, authorId: 'bob', text: `${id} a new message`, createdAt: Date.now() }]));
        return (row) => row.getAttribute('data-bench-id') === id;
      },
    },
  };
};
