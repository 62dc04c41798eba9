import { useMemo, type ReactNode } from 'react';
import type { ChatClient } from '../core/client';
import { en, type Catalog } from '../i18n/en';
import { ChatContext, type RenderText } from './chatContext';

export { useCatalog, useChatClient, useTextRendering } from './chatContext';
export type { RenderText } from './chatContext';

export interface ChatProviderProps {
  client: ChatClient;
  /** Strings and formats; English by default. */
  catalog?: Catalog;
  /**
   * Message text with formatting (`*bold*`, `_italic_`, `~strike~`, code, quotes, lists, links),
   * built from React elements, never HTML. Default true; false shows plain text with safe links.
   */
  formatting?: boolean;
  /** Your own rendering of message text, in place of both. */
  renderText?: RenderText;
  children?: ReactNode;
}

/**
 * Makes a chat client available to every Parley component below it. The
 * provider does not connect the client: the host decides when (so SSR and
 * StrictMode's double mount never open a second connection).
 */
export function ChatProvider({ client, catalog = en, formatting = true, renderText, children }: ChatProviderProps) {
  const value = useMemo(() => ({ client, catalog, text: { formatting, renderText } }), [client, catalog, formatting, renderText]);
  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}
ChatProvider.displayName = 'ChatProvider';
