import { useRef, useState, type RefObject } from 'react';
import { useBeforePaint } from '../../hooks/useBeforePaint';
import type { ChatLayout } from './useChatLayout';

/** The list of conversations, or the open conversation. */
export type ChatPane = 'list' | 'conversation';

export interface ChatPanes {
  /** The pane in front: the only one shown in the single layout. */
  pane: ChatPane;
  showList: boolean;
  showConversation: boolean;
  /** Put on each pane: in the split layout the pane the user is in comes to the front, so it is the one kept when the Chat narrows. */
  focusedIn: (pane: ChatPane) => void;
  /** A conversation was chosen: in the single layout it replaces the list and its title takes focus. */
  opened: () => void;
  /** The Back button: the list returns with focus on the conversation that was open. */
  back: () => void;
  listPaneRef: RefObject<HTMLDivElement | null>;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

type FocusTarget = 'heading' | 'item';

/**
 * Which pane shows, and where focus goes when panes switch. The pane that is
 * hidden is unmounted, not hidden with CSS: a message list measured at zero
 * size would lose its place; a freshly mounted one starts pinned to the newest message.
 */
export function useChatPanes(layout: ChatLayout | undefined, selectedId: string | undefined): ChatPanes {
  const [front, setFront] = useState<ChatPane>('list');
  const [previousSelection, setPreviousSelection] = useState(selectedId);
  const pendingFocus = useRef<FocusTarget | null>(null);
  const listPaneRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const single = layout === 'single';

  // A host that opens a conversation itself (a deep link, a notification) gets it shown in the single layout.
  if (selectedId !== previousSelection) {
    setPreviousSelection(selectedId);
    if (single && selectedId !== undefined) setFront('conversation');
  }
  const pane: ChatPane = selectedId === undefined ? 'list' : front;

  // After the render that switched panes, once the element to focus exists (a controlled
  // selection may arrive a render later); the element that had focus is gone.
  useBeforePaint(() => {
    const target = pendingFocus.current;
    if (target === 'heading' && headingRef.current) {
      headingRef.current.focus();
      pendingFocus.current = null;
    } else if (target === 'item' && listPaneRef.current) {
      if (selectedId !== undefined) focusConversationItem(listPaneRef.current, selectedId);
      pendingFocus.current = null;
    }
  });

  return {
    pane,
    showList: layout === 'split' || (single && pane === 'list'),
    showConversation: layout === 'split' || (single && pane === 'conversation'),
    focusedIn: setFront,
    opened: () => {
      if (!single) return;
      pendingFocus.current = 'heading';
      setFront('conversation');
    },
    back: () => {
      pendingFocus.current = 'item';
      setFront('list');
    },
    listPaneRef,
    headingRef,
  };
}

function focusConversationItem(container: HTMLElement, conversationId: string): void {
  for (const item of container.querySelectorAll<HTMLElement>('[role="option"][data-conversation-id]')) {
    if (item.dataset.conversationId === conversationId) {
      item.focus();
      return;
    }
  }
}
