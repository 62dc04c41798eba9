import { useEffect, useRef, useState } from 'react';
import { lastSeq, timelineAt, type MessageTimeline } from '../../../core/messageTimeline';
import type { User } from '../../../core/protocol';
import type { Catalog } from '../../../i18n/en';
import { attributeLabel } from '../../text/isolate';

/**
 * Text for a polite live region: the newest message from someone else, when
 * it arrives live (not when history loads), so screen readers hear it once.
 */
export function useNewMessageAnnouncer(
  /** Another conversation (or list session) starts over: its history is not news. */
  sessionKey: string,
  timeline: MessageTimeline,
  ready: boolean,
  userId: string,
  users: Readonly<Record<string, User>>,
  catalog: Catalog,
): string {
  const [text, setText] = useState('');
  const previous = useRef<{ key: string; seq: number } | null>(null);
  const newest = lastSeq(timeline) ?? 0;
  useEffect(() => {
    if (!ready) return;
    const before = previous.current?.key === sessionKey ? previous.current.seq : null;
    previous.current = { key: sessionKey, seq: newest };
    if (before === null || newest <= before) return;
    const message = timelineAt(timeline, timeline.confirmedCount - 1);
    if (!message || message.authorId === userId || message.deletedAt !== undefined) return;
    const name = users[message.authorId]?.name ?? message.authorId;
    setText(attributeLabel(catalog.message.announce, { name, text: message.text.slice(0, 300) }));
  }, [sessionKey, newest, ready, timeline, userId, users, catalog]);
  return text;
}
