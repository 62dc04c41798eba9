import { useMemo } from 'react';
import type { User } from '../../../core/protocol';
import type { MentionName } from '../../../core/text/formatTypes';
import type { DisplayMessage } from '../../../core/types';
import { useTextRendering } from '../../ChatProvider';
import { useChatStore } from '../../hooks/useChatStore';
import { useCurrentUserId } from '../../hooks/useConversations';
import { mayHaveFormatting } from '../../../core/text/formatMarks';
import { FormattedText } from '../lazyParts';
import { MessageText } from './MessageText';

const NO_USERS: Readonly<Record<string, User>> = {};
const EVERYONE = 'here';

/**
 * A bubble's text as the provider says: the host's `renderText`, formatted
 * (the default; the formatter loads on demand, the first message that needs it
 * shows plain for that moment), or plain with safe links. Only a message with mentions
 * reads the users, for the names its mentions are written with.
 */
export function MessageTextBody({ message }: { message: DisplayMessage }) {
  const { formatting, renderText } = useTextRendering();
  const mentionIds = message.mentions;
  const users = useChatStore((s) => (formatting && mentionIds !== undefined && mentionIds.length > 0 ? s.users : NO_USERS));
  const selfId = useCurrentUserId();
  const mentions = useMemo(
    (): MentionName[] | undefined =>
      mentionIds?.map((userId) => ({ userId, name: userId === EVERYONE ? EVERYONE : (users[userId]?.name ?? userId) })),
    [mentionIds, users],
  );
  if (renderText) return <>{renderText({ message, text: message.text })}</>;
  // Without marks or mentions, formatted text is plain text: no parser needed (it loads on demand).
  if (!formatting || (mentions === undefined && !mayHaveFormatting(message.text))) return <MessageText text={message.text} />;
  return <FormattedText text={message.text} mentions={mentions} selfId={selfId} />;
}
