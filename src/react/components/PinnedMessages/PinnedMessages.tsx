import { lazyPart } from '../../lazyPart';
import { loadOnDemand } from '../lazyParts';
import { useChatStore } from '../../hooks/useChatStore';
import type { PinnedMessagesProps } from './PinnedMessagesBar';

const Bar = lazyPart(() => loadOnDemand().then((m) => m.PinnedMessagesBar));

/**
 * The pinned-messages bar of a conversation (see `PinnedMessagesBar`). Nothing
 * while the conversation has no pins; the bar's code is fetched the first time
 * one does, so conversations without pins never load it.
 */
export function PinnedMessages(props: PinnedMessagesProps) {
  const pinned = useChatStore((s) => (s.conversations[props.conversationId]?.pinnedIds.length ?? 0) > 0);
  return pinned ? <Bar {...props} /> : null;
}
PinnedMessages.displayName = 'PinnedMessages';
