/**
 * The context `ChatProvider` fills and the hooks that read it. Apart from
 * ChatProvider.tsx, which carries the English catalog as its default, so that
 * lazily loaded parts can read the context without sharing the catalog.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { ChatClient } from '../core/client';
import type { DisplayMessage } from '../core/types';
import type { Catalog } from '../i18n/en';

/** A host's own rendering of a message's text (in place of Parley's formatting). Return text or elements, never HTML strings. */
export type RenderText = (props: { message: DisplayMessage; text: string }) => ReactNode;

/** How message text is shown: with formatting (the default), plain with safe links, or by the host. */
export interface TextRendering {
  readonly formatting: boolean;
  readonly renderText: RenderText | undefined;
}

export interface ChatContextValue {
  client: ChatClient;
  catalog: Catalog;
  text: TextRendering;
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

export function useTextRendering(): TextRendering {
  return useChatContext('useTextRendering').text;
}
