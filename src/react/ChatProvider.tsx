import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ChatClient } from '../core/client';
import { en, type Catalog } from '../i18n/en';

interface ChatContextValue {
  client: ChatClient;
  catalog: Catalog;
}

const ChatContext = createContext<ChatContextValue | null>(null);
ChatContext.displayName = 'ParleyChatContext';

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

function useChatContext(hook: string): ChatContextValue {
  const value = useContext(ChatContext);
  if (!value) throw new Error(`Parley: ${hook} must be used inside <ChatProvider client={…}>.`);
  return value;
}

export function useChatClient(): ChatClient {
  return useChatContext('useChatClient').client;
}

export function useCatalog(): Catalog {
  return useChatContext('useCatalog').catalog;
}
