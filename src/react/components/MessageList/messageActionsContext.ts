import { createContext, useMemo, useRef, useState } from 'react';
import { MessageEditor } from '../lazyParts';

/** A part of a row that takes focus when it mounts: the editor, or the toolbar (see MessageRow). */
export type FocusPart = 'editor' | 'toolbar';

/** What the list gives the row it shows actions or an editor for. Stable: never re-renders rows. */
export interface MessageActionsApi {
  /** Open the editor on a message, once its code is here, and move focus into it. */
  startEdit(id: string): void;
  endEdit(id: string): void;
  /** Edited text kept while a row is scrolled out of the DOM or a save fails. */
  readonly drafts: Map<string, string>;
  /** The `part` of message `id` takes focus when it next mounts. */
  focusOnMount(part: FocusPart, id: string): void;
  /** True once, for the part that was asked to take focus. */
  takeFocus(part: FocusPart, id: string): boolean;
  /** The part was asked to take focus and has not mounted yet. */
  awaitsFocus(part: FocusPart, id: string): boolean;
  /** Scroll to a message (loading history until it is there) and highlight it. */
  jumpTo(id: string): void;
  /** Open a message's thread; absent when the list was given no `onOpenThread`. */
  readonly openThread: ((rootId: string) => void) | undefined;
  /** The thread this list shows (its root's id), if it is a thread's: Reply quotes into that thread's input. */
  readonly threadRootId: string | undefined;
}

/** What the list lends the actions API; read when an action runs, so a new function never re-renders rows. */
export interface MessageActionsLinks {
  jumpTo(id: string): void;
  onOpenThread?: ((rootId: string) => void) | undefined;
  threadRootId?: string | undefined;
}

export const MessageActionsContext = createContext<MessageActionsApi | null>(null);

/** The list's actions API and the one message being edited. */
export function useMessageActionsApi(links: MessageActionsLinks): { api: MessageActionsApi; editingId: string | null } {
  const [editingId, setEditingId] = useState<string | null>(null);
  const latest = useRef(links);
  latest.current = links;
  // Whether there is a thread handler at all decides the toolbar's buttons: only that renews the API.
  const threads = links.onOpenThread !== undefined;
  const { threadRootId } = links;
  const api = useMemo((): MessageActionsApi => {
    let focusNext: { part: FocusPart; id: string } | null = null;
    const focusOnMount = (part: FocusPart, id: string) => {
      focusNext = { part, id };
    };
    const awaitsFocus = (part: FocusPart, id: string) => focusNext?.part === part && focusNext.id === id;
    return {
      startEdit: (id) => {
        // Until the editor's code is here (at once, normally: it comes with the toolbar's), focus stays on Edit.
        void MessageEditor.preload().then((ready) => {
          if (!ready) return;
          focusOnMount('editor', id);
          setEditingId(id);
        });
      },
      endEdit: (id) => setEditingId((current) => (current === id ? null : current)),
      drafts: new Map(),
      focusOnMount,
      takeFocus: (part, id) => {
        if (!awaitsFocus(part, id)) return false;
        focusNext = null;
        return true;
      },
      awaitsFocus,
      jumpTo: (id) => latest.current.jumpTo(id),
      openThread: threads ? (rootId) => latest.current.onOpenThread?.(rootId) : undefined,
      threadRootId,
    };
  }, [threads, threadRootId]);
  return { api, editingId };
}
