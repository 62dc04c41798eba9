import { useId, useState, type Ref } from 'react';
import { useCatalog } from '../../ChatProvider';
import { MessageInput } from '../MessageInput/MessageInput';

export interface ThreadComposerProps {
  conversationId: string;
  rootId: string;
  rootDeleted: boolean;
  inputRef: Ref<HTMLTextAreaElement> | undefined;
}

/**
 * The thread's own input (its draft is the thread's, not the conversation's)
 * and "Also send to the conversation", which applies to the next reply only.
 * Under a deleted root, which takes no new replies, a note says so instead.
 */
export function ThreadComposer({ conversationId, rootId, rootDeleted, inputRef }: ThreadComposerProps) {
  const catalog = useCatalog();
  const t = catalog.thread;
  const [alsoInConversation, setAlsoInConversation] = useState(false);
  const checkboxId = useId();
  if (rootDeleted) {
    return <p className="parley-thread-closed">{t.rootDeleted}</p>;
  }
  return (
    <div className="parley-thread-composer">
      <MessageInput
        conversationId={conversationId}
        parentId={rootId}
        alsoInConversation={alsoInConversation}
        label={t.inputLabel}
        placeholder={t.placeholder}
        inputRef={inputRef}
        onSent={() => setAlsoInConversation(false)}
      />
      <div className="parley-thread-also">
        <input
          id={checkboxId}
          type="checkbox"
          checked={alsoInConversation}
          onChange={(event) => setAlsoInConversation(event.target.checked)}
        />
        <label htmlFor={checkboxId}>{t.alsoInConversation}</label>
      </div>
    </div>
  );
}
