import { useMemo, type ReactNode } from 'react';
import type { ChatClient } from '../core/client';
import { en, type Catalog } from '../i18n/en';
import { ChatContext } from './chatContext';

export { useCatalog, useChatClient } from './chatContext';

export interface ChatProviderProps {
  client: ChatClient;
  /** Strings and formats; English by default. */
  catalog?: Catalog;
  children?: ReactNode;
}

/**
 * Makes a chat client available to every Parley component below it. The
 * provider does not connect the client: the host decides when (so SSR and
 * StrictMode's double mount never open a second connection).
 */
export function ChatProvider({ client, catalog = en, children }: ChatProviderProps) {
  const value = useMemo(() => ({ client, catalog }), [client, catalog]);
  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}
ChatProvider.displayName = 'ChatProvider';
