import { createContext } from 'react';

/** What the list gives the row it shows actions or an editor for. Stable: never re-renders rows. */
export interface MessageActionsApi {
  startEdit(id: string): void;
  endEdit(id: string): void;
  /** Edited text kept while a row is scrolled out of the DOM or a save fails. */
  readonly drafts: Map<string, string>;
  /** True once, for the editor that has just been opened (it takes focus). */
  takeFocus(id: string): boolean;
}

export const MessageActionsContext = createContext<MessageActionsApi | null>(null);
