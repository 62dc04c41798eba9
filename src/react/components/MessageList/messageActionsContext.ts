import { createContext, useMemo, useState } from 'react';
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
}

export const MessageActionsContext = createContext<MessageActionsApi | null>(null);

/** The list's actions API and the one message being edited. */
export function useMessageActionsApi(): { api: MessageActionsApi; editingId: string | null } {
  const [editingId, setEditingId] = useState<string | null>(null);
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
    };
  }, []);
  return { api, editingId };
}
