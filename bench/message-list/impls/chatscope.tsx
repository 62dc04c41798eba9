/** @chatscope/chat-ui-kit-react's MessageList (not virtualized: every message is in the DOM). */
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';
import { Message, MessageList } from '@chatscope/chat-ui-kit-react';
import { useState } from 'react';
import { ME, type BenchMessage } from '../data';
import type { MountImpl } from '../types';
import { mountArrayList, type ArrayListControls } from './arrayList';

function ChatscopeList({ initial, controls }: { initial: BenchMessage[]; controls: ArrayListControls }) {
  const [items, setItems] = useState(initial);
  controls.prepend = (older) => setItems((items) => [...older, ...items]);
  controls.append = (m) => setItems((items) => [...items, m]);
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

export const mount: MountImpl = (root, data) =>
  mountArrayList(root, data, (initial, controls) => <ChatscopeList initial={initial} controls={controls} />, () => findScroller(root));
