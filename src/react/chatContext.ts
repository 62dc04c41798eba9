/**
 * The context `ChatProvider` fills and the hooks that read it. Apart from
 * ChatProvider.tsx, which carries the English catalog as its default, so that
 * lazily loaded parts can read the context without sharing the catalog.
 */
import { createContext, useContext } from 'react';
import type { ChatClient } from '../core/client';
import type { Catalog } from '../i18n/en';

export interface ChatContextValue {
  client: ChatClient;
  catalog: Catalog;
}

export const ChatContext = createContext<ChatContextValue | null>(null);
ChatContext.displayName = 'ParleyChatContext';

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
