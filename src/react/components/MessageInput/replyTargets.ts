import { useCallback, useSyncExternalStore } from 'react';
import type { ChatClient } from '../../../core/client';

/**
 * The message a conversation's input is replying to. The list chooses it (the
 * toolbar's Reply, the `r` key) and the input shows it, sends it and cancels it.
 *
 * A tiny store per client, not a React context: the list and the input are
 * siblings that a host places anywhere under one ChatProvider, and a context
 * would need a provider above both that a custom layout would have to add by
 * hand. Not the chat store either: it is what one view is composing, nothing
 * the server or other tabs know of. Kept for the life of the client, like the
 * drafts, so leaving a conversation and coming back keeps the reply.
 */
export interface ReplyTarget {
  readonly messageId: string;
}

interface ReplyTargets {
  readonly byScope: Map<string, ReplyTarget>;
  readonly listeners: Set<() => void>;
}

const targetsByClient = new WeakMap<ChatClient, ReplyTargets>();

/** A conversation's input and each thread's input (by root id) reply on their own. */
const scopeOf = (conversationId: string, parentId: string | undefined) =>
  parentId === undefined ? conversationId : `${conversationId}\u0000${parentId}`;

function targetsFor(client: ChatClient): ReplyTargets {
  let targets = targetsByClient.get(client);
  if (!targets) targetsByClient.set(client, (targets = { byScope: new Map(), listeners: new Set() }));
  return targets;
}

/**
 * Reply to `messageId` in `conversationId`, or in its thread `parentId`
 * (undefined: no reply). Each call makes a new target, so choosing Reply
 * again moves focus to the input again.
 */
export function setReplyTarget(client: ChatClient, conversationId: string, messageId: string | undefined, parentId?: string): void {
  const targets = targetsFor(client);
  const scope = scopeOf(conversationId, parentId);
  if (messageId === undefined) {
    if (!targets.byScope.delete(scope)) return;
  } else {
    targets.byScope.set(scope, { messageId });
  }
  for (const listener of targets.listeners) listener();
}

/** The reply being composed in a conversation (or its thread `parentId`); a component re-renders when it changes. */
export function useReplyTarget(client: ChatClient, conversationId: string, parentId?: string): ReplyTarget | undefined {
  const subscribe = useCallback(
    (listener: () => void) => {
      const { listeners } = targetsFor(client);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    [client],
  );
  const read = () => targetsByClient.get(client)?.byScope.get(scopeOf(conversationId, parentId));
  return useSyncExternalStore(subscribe, read, read);
}
