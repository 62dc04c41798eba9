import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { Message } from '../../../core/protocol';
import { firstSeq } from '../../../core/messageTimeline';
import { selectHistory, selectTimeline } from '../../../core/selectors/messages';
import { useCatalog } from '../../ChatProvider';
import { useChatStore } from '../../hooks/useChatStore';
import { MessageSearch } from '../MessageSearch';

/** A result chosen in the search, on its way into its conversation's list. */
interface SearchJump {
  readonly conversationId: string;
  readonly messageId: string;
  readonly seq: number;
}

export interface ChatSearch {
  readonly open: boolean;
  /** The panel has been opened once: it stays mounted (hidden) to keep the query and results. */
  readonly mounted: boolean;
  readonly panelId: string;
  readonly buttonRef: RefObject<HTMLButtonElement | null>;
  readonly panelRef: RefObject<HTMLDivElement | null>;
  toggle(): void;
  close(): void;
  select(message: Message): void;
  readonly pending: SearchJump | null;
}

/**
 * The Chat's search: open and closed, and a chosen result taken to its
 * conversation and handed to the list's jump (`jump` is bound to the open
 * conversation, so it is called once that conversation is the open one).
 */
export function useChatSearch(selected: string | undefined, jump: (messageId: string) => void, openConversation: (conversationId: string) => void): ChatSearch {
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(false);
  const [pending, setPending] = useState<SearchJump | null>(null);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [handed, setHanded] = useState<SearchJump | null>(null);

  useEffect(() => {
    if (pending && pending !== handed && pending.conversationId === selected) {
      setHanded(pending);
      jump(pending.messageId);
    }
  }, [pending, handed, selected, jump]);

  // Reopened: back into the box (the first time, MessageSearch focuses it as it mounts).
  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return {
    open,
    mounted,
    panelId,
    buttonRef,
    panelRef,
    toggle: () => {
      if (open) close();
      else {
        setMounted(true);
        setOpen(true);
      }
    },
    close,
    select: (message) => {
      // Closed first: focus goes to the message the list jumps to, not back to the button.
      setOpen(false);
      setPending({ conversationId: message.conversationId, messageId: message.id, seq: message.seq });
      if (message.conversationId !== selected) openConversation(message.conversationId);
    },
    pending,
  };
}

export function ChatSearchButton({ search }: { search: ChatSearch }) {
  const catalog = useCatalog();
  return (
    <button
      ref={search.buttonRef}
      type="button"
      className="parley-chat-search-button"
      aria-label={catalog.search.open}
      aria-expanded={search.open}
      aria-controls={search.mounted ? search.panelId : undefined}
      data-state={search.open ? 'open' : 'closed'}
      onClick={search.toggle}
    >
      <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" width="20" height="20">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M12.6 12.6 17 17" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
    </button>
  );
}

/** The search over every conversation of the user, under the header; hidden, not unmounted, when closed. */
export function ChatSearchPanel({ search }: { search: ChatSearch }) {
  const catalog = useCatalog();
  if (!search.mounted) return null;
  return (
    <div
      ref={search.panelRef}
      id={search.panelId}
      className="parley-chat-search"
      role="search"
      aria-label={catalog.search.label}
      hidden={!search.open}
    >
      <MessageSearch onSelect={search.select} onClose={search.close} />
    </div>
  );
}

/**
 * "Loading…" while the list pages back to a chosen result that is far up its
 * history (thousands of messages take a few seconds); gone once it is loaded,
 * or when paging stops (a failure shows in the list's own header).
 */
export function ChatJumpStatus({ search, conversationId }: { search: ChatSearch; conversationId: string }) {
  const catalog = useCatalog();
  const target = search.pending?.conversationId === conversationId ? search.pending.seq : undefined;
  const loading = useChatStore((s) => {
    if (target === undefined) return false;
    const history = selectHistory(s, conversationId);
    if (history.status !== 'loading' && !history.loadingOlder) return false;
    const oldest = firstSeq(selectTimeline(s, conversationId));
    return oldest === undefined || oldest > target;
  });
  return (
    <div className="parley-chat-jump-status" role="status" data-state={loading ? 'loading' : 'idle'}>
      {loading ? catalog.search.jumping : ''}
    </div>
  );
}
