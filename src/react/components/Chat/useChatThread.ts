import { useCallback, useRef, useState, type RefObject } from 'react';
import { useBeforePaint } from '../../hooks/useBeforePaint';
import type { ChatLayout } from './useChatLayout';

/** `beside`: a third column next to the conversation; `over`: in the conversation's place, which stays mounted below it. */
export type ThreadPlacement = 'beside' | 'over';

export interface ChatThread {
  /** The open thread's root, if any. */
  readonly rootId: string | undefined;
  readonly placement: ThreadPlacement;
  /** Opens a thread (the summary under a root, the toolbar's "Reply in thread"); its heading takes focus. */
  open(rootId: string): void;
  /** Closes it (its close button, Escape); focus goes back where it was before it opened. */
  close(): void;
  /** For the thread's heading: focused once it mounts (the thread's code may still be on its way). */
  headingRef(node: HTMLHeadingElement | null): void;
  /** For the conversation pane: inert while the thread covers it. */
  readonly conversationPaneRef: RefObject<HTMLDivElement | null>;
}

/**
 * The Chat's thread pane: which thread is open, where it goes and where focus
 * goes. Another conversation closes the thread. Focus returns to the control
 * that opened it, or, when that is gone (a row scrolled out of the list), to
 * the root's row or the message list.
 */
export function useChatThread(conversationId: string | undefined, layout: ChatLayout | undefined, wide: boolean | undefined): ChatThread {
  const [open, setOpen] = useState<{ conversationId: string; rootId: string } | undefined>();
  const returnTo = useRef<Element | null>(null);
  const focusHeading = useRef(false);
  const pendingReturn = useRef<string | null>(null);
  const conversationPaneRef = useRef<HTMLDivElement>(null);
  const rootId = open !== undefined && open.conversationId === conversationId ? open.rootId : undefined;
  const placement: ThreadPlacement = layout === 'split' && wide ? 'beside' : 'over';
  const covered = rootId !== undefined && placement === 'over';

  useBeforePaint(() => {
    // A property, not a prop: React 18 and 19 spell the attribute differently.
    const pane = conversationPaneRef.current;
    if (pane) pane.inert = covered;
  });

  useBeforePaint(() => {
    const rootWas = pendingReturn.current;
    if (rootWas === null || rootId !== undefined) return;
    pendingReturn.current = null;
    const target = returnTo.current;
    returnTo.current = null;
    if (target instanceof HTMLElement && target.isConnected) {
      target.focus();
      return;
    }
    const pane = conversationPaneRef.current;
    const row = pane?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(rootWas)}"]`);
    (row ?? pane?.querySelector<HTMLElement>('.parley-message-list-scroller'))?.focus();
  });

  const headingRef = useCallback((node: HTMLHeadingElement | null) => {
    if (node && focusHeading.current) {
      focusHeading.current = false;
      node.focus();
    }
  }, []);

  return {
    rootId,
    placement,
    open: (id) => {
      if (conversationId === undefined) return;
      // Opened again from inside the thread pane (or switching threads): keep the first opener.
      if (rootId === undefined) returnTo.current = document.activeElement;
      focusHeading.current = true;
      setOpen({ conversationId, rootId: id });
    },
    close: () => {
      if (rootId === undefined) return;
      pendingReturn.current = rootId;
      setOpen(undefined);
    },
    headingRef,
    conversationPaneRef,
  };
}
