import type { ChatClient } from '../../../core/client';

/**
 * Unsent text per conversation, kept in memory for the life of the client so
 * switching conversations (which may unmount the input) does not lose what
 * the user was writing. Keyed by client so two chats on a page never mix.
 */
const draftsByClient = new WeakMap<ChatClient, Map<string, string>>();

export function draftsFor(client: ChatClient): Map<string, string> {
  let drafts = draftsByClient.get(client);
  if (!drafts) draftsByClient.set(client, (drafts = new Map()));
  return drafts;
}
