import { useStore } from 'zustand';
import type { Message } from '../../../core/protocol';
import { selectConversationTitle } from '../../../core/selectors/conversations';
import { interpolate } from '../../../i18n/text';
import { useCatalog, useChatClient } from '../../chatContext';
import { isolatedSentence } from '../../text/isolate';

type ForwardedFrom = NonNullable<Message['forwardedFrom']>;

/**
 * "Forwarded from …" at the top of a forwarded message: the source
 * conversation's title when the reader is in it, else the original author's
 * name, else just "Forwarded". Loaded on first use (`components/lazyParts`),
 * and only mounted for messages that have `forwardedFrom`.
 */
export function ForwardedLabel({ from }: { from: ForwardedFrom }) {
  const catalog = useCatalog();
  const client = useChatClient();
  const name = useStore(client.store, (s) =>
    s.conversations[from.conversationId] ? selectConversationTitle(s, from.conversationId) : s.users[from.authorId]?.name,
  );
  return (
    <p className="parley-forwarded-label" data-source={from.conversationId}>
      <span aria-hidden="true">↪ </span>
      {name === undefined ? catalog.forward.fromUnknown : isolatedSentence((slot) => interpolate(catalog.forward.from, { name: slot(name) }))}
    </p>
  );
}
