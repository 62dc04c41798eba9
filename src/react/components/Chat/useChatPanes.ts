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
  const pendingFocus = useRef<FocusTarget | null>(null);
  const listPaneRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pane: ChatPane = selectedId === undefined ? 'list' : front;
  const single = layout === 'single';

  // After the render that switched panes, so the element to focus exists; the one that had focus is gone.
  useBeforePaint(() => {
    const target = pendingFocus.current;
    pendingFocus.current = null;
    if (target === 'heading') headingRef.current?.focus();
    else if (target === 'item' && selectedId !== undefined) focusConversationItem(listPaneRef.current, selectedId);
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

function focusConversationItem(container: HTMLElement | null, conversationId: string): void {
  for (const item of container?.querySelectorAll<HTMLElement>('[role="option"][data-conversation-id]') ?? []) {
    if (item.dataset.conversationId === conversationId) {
      item.focus();
      return;
    }
  }
}
