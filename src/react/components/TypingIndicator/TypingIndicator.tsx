import { forwardRef, type HTMLAttributes } from 'react';
import { useCatalog } from '../../ChatProvider';
import { useTyping } from '../../hooks/useTyping';
import { isolatedSentence } from '../../text/isolate';
import { partClassName } from '../className';
import { typingText } from './typingText';

export interface TypingIndicatorProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  conversationId: string;
}

/**
 * Who is typing in a conversation. The live region is always rendered, empty
 * when nobody types, because screen readers only announce changes to a
 * region that already exists.
 */
export const TypingIndicator = forwardRef<HTMLDivElement, TypingIndicatorProps>(function TypingIndicator({ conversationId, className, ...rest }: TypingIndicatorProps, ref) {
  const catalog = useCatalog();
  const typists = useTyping(conversationId);
  // Each name in its own <bdi>: a name's direction must not reorder "is typing".
  const text = isolatedSentence((slot) => typingText(catalog, typists.map((u) => slot(u.name))));
  const typing = text.length > 0;
  return (
    <div
      ref={ref}
      role="status"
      aria-live="polite"
      className={partClassName('parley-typing-indicator', className)}
      data-state={typing ? 'typing' : 'idle'}
      {...rest}
    >
      {typing && (
        <>
          <span className="parley-typing-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          <span className="parley-typing-text">{text}</span>
        </>
      )}
    </div>
  );
});
TypingIndicator.displayName = 'TypingIndicator';
