import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { useCatalog } from '../../ChatProvider';
import { partClassName } from '../className';

/**
 * "Back to conversations", as an arrow (named for screen readers). The arrow
 * points to the start side: CSS mirrors it in right-to-left text.
 */
export const BackButton = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(function BackButton(
  { className, ...rest },
  ref,
) {
  const catalog = useCatalog();
  return (
    <button
      ref={ref}
      type="button"
      className={partClassName('parley-conversation-header-back', className)}
      aria-label={catalog.conversationHeader.back}
      {...rest}
    >
      <svg className="parley-conversation-header-back-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );
});
BackButton.displayName = 'ConversationHeader.BackButton';
