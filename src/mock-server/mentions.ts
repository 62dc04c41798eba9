/**
 * Who a message may mention: current members of its conversation, and `here`
 * (everyone) in a group. Anything else a client names is dropped without a
 * word: a stale member list on the client is no reason to refuse the message,
 * and an outsider's id must never reach the members' screens.
 */
import type { ConversationRecord } from './state';

export const MENTION_EVERYONE = 'here';

/** The mentions to store: members (and `here` in groups), each once, in the order given. */
export function memberMentions(conversation: ConversationRecord, mentions: readonly string[] | undefined): string[] {
  const kept = new Set<string>();
  for (const id of mentions ?? []) {
    const allowed = conversation.members.has(id) || (id === MENTION_EVERYONE && conversation.kind === 'group');
    if (allowed) kept.add(id);
  }
  return [...kept];
}
