import type { ConversationKind } from '../../../core/protocol';
import type { Catalog } from '../../../i18n/en';
import { plural } from '../../../i18n/format';
import { presenceState } from '../Avatar/presence';
import { typingText } from '../TypingIndicator/typingText';

export interface HeaderSubtitleInput {
  kind: ConversationKind | undefined;
  memberCount: number;
  /** The other member's presence in a direct chat; undefined when not shown. */
  online: boolean | undefined;
  /** Names of the members typing, in a stable order. */
  typists: readonly string[];
}

/**
 * The line under a conversation's title: who is typing while someone is, else
 * the other member's presence in a direct chat, else the member count of a
 * group; '' when there is nothing to say (a bot chat, an unknown conversation).
 */
export function headerSubtitle(catalog: Catalog, { kind, memberCount, online, typists }: HeaderSubtitleInput): string {
  const typing = typingText(catalog, typists);
  if (typing) return typing;
  const presence = presenceState(online);
  if (kind === 'direct' && presence) return catalog.presence[presence];
  if (kind === 'group') return plural(catalog, catalog.conversationHeader.members, memberCount);
  return '';
}
