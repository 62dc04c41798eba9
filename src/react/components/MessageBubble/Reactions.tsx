import type { DisplayMessage } from '../../../core/types';
import { formatNumber } from '../../../i18n/text';
import { useCatalog, useChatClient } from '../../chatContext';
import { attributeLabel } from '../../text/isolate';
import { reactionChips, toggleReaction } from './reactionChips';

/**
 * The reactions under a bubble: one toggle button per emoji with its count.
 * Nothing at all when there are none (or the message is deleted). Loaded on
 * first use (`components/lazyParts`).
 */
export function Reactions({ message }: { message: DisplayMessage }) {
  const catalog = useCatalog();
  const client = useChatClient();
  if (message.deletedAt !== undefined || message.status !== 'sent') return null;
  const chips = reactionChips(message.reactions, client.userId);
  if (chips.length === 0) return null;
  return (
    <div className="parley-reactions" role="group" aria-label={catalog.message.reactions}>
      {chips.map(({ emoji, count, mine }) => (
        <button
          key={emoji}
          type="button"
          className="parley-reaction"
          aria-pressed={mine}
          // The emoji comes from other members: nothing in it may reorder the label.
          aria-label={attributeLabel(mine ? catalog.message.reactionMine : catalog.message.reactionOther, {
            emoji,
            count: formatNumber(catalog, count),
          })}
          onClick={() => toggleReaction(client, message.id, emoji, mine)}
        >
          <bdi>{emoji}</bdi> {formatNumber(catalog, count)}
        </button>
      ))}
    </div>
  );
}
