import { forwardRef, useState, type HTMLAttributes } from 'react';
import { selectConversationSummaries } from '../../../core/selectors';
import { useCatalog } from '../../ChatProvider';
import { useChatStore } from '../../hooks/useChatStore';
import type { RenderAvatar } from '../Avatar/Avatar';
import { partClassName } from '../className';
import { ConversationItem, type RenderConversationItem } from './ConversationItem';
import { useConversationListKeyboard } from './useConversationListKeyboard';
import { useNow } from './useNow';

export interface ConversationListProps extends Omit<HTMLAttributes<HTMLDivElement>, 'onSelect' | 'children'> {
  /** The selected conversation (controlled). Without it the list keeps its own selection. */
  selectedId?: string | undefined;
  /** Called on click, Enter or Space with the chosen conversation's id. */
  onSelect?: (conversationId: string) => void;
  /** Replaces the content of each row; the row itself (role, keyboard, state) stays. */
  renderItem?: RenderConversationItem;
  renderAvatar?: RenderAvatar;
}

export type ConversationListState = 'loading' | 'error' | 'empty' | 'ready';

/** Relative times are in minutes, so a minute tick keeps them true. */
const CLOCK_INTERVAL_MS = 60_000;

/**
 * The user's conversations, most recently active first, as a listbox: one
 * tab stop, arrow keys to move, Enter or Space to select. Only reads the
 * store; selecting is the host's business through `onSelect`.
 */
export const ConversationList = forwardRef<HTMLDivElement, ConversationListProps>(function ConversationList({
  selectedId,
  onSelect,
  renderItem,
  renderAvatar,
  className,
  'aria-label': ariaLabel,
  'aria-labelledby': ariaLabelledBy,
  ...rest
}: ConversationListProps, ref) {
  const catalog = useCatalog();
  const summaries = useChatStore(selectConversationSummaries);
  const status = useChatStore((s) => s.conversationsStatus);
  const now = useNow(CLOCK_INTERVAL_MS);
  const [ownSelection, setOwnSelection] = useState<string | undefined>();
  const selected = selectedId !== undefined ? selectedId : ownSelection;

  const rows = summaries.map((summary) => ({
    conversation: summary.conversation,
    counterpart: summary.counterpart,
    title: summary.title,
    preview: summary.preview,
    timestamp: summary.lastActivityAt,
  }));

  const keyboard = useConversationListKeyboard({
    ids: rows.map((r) => r.conversation.id),
    labels: rows.map((r) => r.title),
    selectedId: selected,
    onSelect: (id) => {
      setOwnSelection(id);
      onSelect?.(id);
    },
  });

  const state: ConversationListState =
    rows.length > 0 ? 'ready' : status === 'error' ? 'error' : status === 'ready' ? 'empty' : 'loading';

  return (
    <div ref={ref} className={partClassName('parley-conversation-list', className)} data-state={state} {...rest}>
      {state === 'ready' ? (
        <ul
          role="listbox"
          // A host's own label (e.g. a visible heading) names the listbox, not the wrapper.
          aria-label={ariaLabelledBy ? undefined : (ariaLabel ?? catalog.conversationList.label)}
          aria-labelledby={ariaLabelledBy}
          className="parley-conversation-list-items"
          onKeyDown={keyboard.onKeyDown}
          onBlur={keyboard.onBlur}
        >
          {rows.map((row) => (
            <ConversationItem
              key={row.conversation.id}
              {...row}
              selected={row.conversation.id === selected}
              now={now}
              itemProps={keyboard.getItemProps(row.conversation.id)}
              renderItem={renderItem}
              renderAvatar={renderAvatar}
            />
          ))}
        </ul>
      ) : (
        <p className="parley-conversation-list-message" role={state === 'error' ? 'alert' : 'status'}>
          {state === 'error'
            ? catalog.conversationList.error
            : state === 'empty'
              ? catalog.conversationList.empty
              : catalog.conversationList.loading}
        </p>
      )}
    </div>
  );
});
ConversationList.displayName = 'ConversationList';
