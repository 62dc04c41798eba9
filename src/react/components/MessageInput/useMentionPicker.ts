import { useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useChatStore } from '../../hooks/useChatStore';
import { useBeforePaint } from '../../hooks/useBeforePaint';
import { composerKey } from './composerKey';
import { MENTION_EVERYONE, insertMention, matchCandidates, mentionQueryAt, mentionsInText, type MentionCandidate } from './mentionQuery';

export interface MentionPickerOptions {
  conversationId: string;
  parentId?: string | undefined;
  text: string;
  setText: (text: string) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
  /** Prefix for the listbox's and its options' ids. */
  idBase: string;
}

export interface MentionPicker {
  /** An `@…` is being typed and someone matches it. */
  open: boolean;
  options: readonly MentionCandidate[];
  activeIndex: number;
  listboxId: string;
  optionId: (index: number) => string;
  /** Handles the picker's keys while it is open; true when the key was its own. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  /** The caret moved or the text changed. */
  onCaret: (field: HTMLTextAreaElement) => void;
  pick: (index: number) => void;
  /** The picked mentions still in `text`; forgets every pick (call it on send). */
  take: (text: string) => string[];
}

/**
 * The mention picker's state beside the composer: the `@…` at the caret, the
 * members it matches (`@here` first in a group; never oneself), the active
 * option, and the ids picked so far. The field keeps focus throughout; the
 * listbox is only drawn (MentionPicker, on demand) and named by ids here.
 */
export function useMentionPicker({ conversationId, parentId, text, setText, textarea, idBase }: MentionPickerOptions): MentionPicker {
  const userId = useChatStore((s) => s.userId);
  const conversation = useChatStore((s) => s.conversations[conversationId]);
  const users = useChatStore((s) => s.users);
  const [caret, setCaret] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState({ key: '', index: 0 });
  const picks = useRef({ key: '', ids: new Map<string, string>() });
  const pendingCaret = useRef<number | null>(null);

  const key = composerKey(conversationId, parentId);
  if (picks.current.key !== key) picks.current = { key, ids: new Map() };

  const query = caret === null || caret > text.length ? null : mentionQueryAt(text, caret);
  // Esc closes the picker for this `@` only; a new one opens it again.
  if (dismissed !== null && query?.start !== dismissed) setDismissed(null);

  const candidates = useMemo(() => {
    if (!conversation) return [];
    const members = conversation.memberIds
      .filter((id) => id !== userId)
      .map((id) => ({ id, name: users[id]?.name || id }));
    return conversation.kind === 'group' ? [{ id: MENTION_EVERYONE, name: MENTION_EVERYONE }, ...members] : members;
  }, [conversation, userId, users]);
  const options = useMemo(() => (query ? matchCandidates(candidates, query.query) : []), [candidates, query?.query]);
  const open = query !== null && query.start !== dismissed && options.length > 0;
  const activeKey = query ? `${query.start}:${query.query}` : '';
  const activeIndex = active.key === activeKey ? Math.min(active.index, options.length - 1) : 0;

  useBeforePaint(() => {
    const at = pendingCaret.current;
    if (at === null || !textarea.current) return;
    pendingCaret.current = null;
    textarea.current.setSelectionRange(at, at);
  });

  const pick = (index: number) => {
    const option = options[index];
    if (!query || !option) return;
    const next = insertMention(text, query, option.name);
    picks.current.ids.set(option.id, option.name);
    pendingCaret.current = next.caret;
    setCaret(next.caret);
    setText(next.text);
    textarea.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Keys that confirm an IME candidate (keyCode 229 where isComposing is missing) are the IME's.
    const composing = event.nativeEvent.isComposing || event.nativeEvent.keyCode === 229;
    if (!open || composing || event.altKey || event.ctrlKey || event.metaKey) return false;
    const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (move !== 0) setActive({ key: activeKey, index: (activeIndex + move + options.length) % options.length });
    else if ((event.key === 'Enter' && !event.shiftKey) || (event.key === 'Tab' && !event.shiftKey)) pick(activeIndex);
    else if (event.key === 'Escape') {
      // Closes the picker only: the text stays, and so does a reply being written.
      event.stopPropagation();
      setDismissed(query.start);
    } else return false;
    event.preventDefault();
    return true;
  };

  return {
    open,
    options,
    activeIndex,
    listboxId: `${idBase}-mentions`,
    optionId: (index) => `${idBase}-mention-${index}`,
    onKeyDown,
    onCaret: (field) => setCaret(field.selectionStart === field.selectionEnd ? field.selectionStart : null),
    pick,
    take: (sent) => {
      const ids = mentionsInText(sent, picks.current.ids);
      picks.current.ids = new Map();
      return ids;
    },
  };
}
