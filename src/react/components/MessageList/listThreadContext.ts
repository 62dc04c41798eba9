import { createContext } from 'react';

/**
 * The thread a list shows (its root's id), null in a conversation's list.
 * Inside its own thread a root does not draw its thread summary: the thread
 * says how many replies it has under the root.
 */
export const ListThreadContext = createContext<string | null>(null);
ListThreadContext.displayName = 'ParleyListThread';
