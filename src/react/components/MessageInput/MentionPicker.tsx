import { useEffect } from 'react';
import { useCatalog } from '../../chatContext';
import { MENTION_EVERYONE, type MentionCandidate } from './mentionQuery';

export interface MentionPickerProps {
  /** The listbox's id: the field's `aria-controls`. */
  id: string;
  options: readonly MentionCandidate[];
  activeIndex: number;
  /** Each option's id: the field's `aria-activedescendant` names the active one. */
  optionId: (index: number) => string;
  onPick: (index: number) => void;
}

/**
 * The listbox of people to mention, above the message input while an `@…` is
 * typed. Focus stays in the field (the keys are the field's, useMentionPicker);
 * a click picks without taking focus. Loaded on first use (`components/lazyParts`).
 */
export function MentionPicker({ id, options, activeIndex, optionId, onPick }: MentionPickerProps) {
  const catalog = useCatalog();
  const activeId = optionId(activeIndex);
  useEffect(() => {
    document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);
  return (
    <ul id={id} role="listbox" className="parley-mention-picker" aria-label={catalog.input.mentionList}>
      {options.map((option, index) => (
        <li
          key={option.id}
          id={optionId(index)}
          role="option"
          aria-selected={index === activeIndex}
          className="parley-mention-option"
          data-active={index === activeIndex ? 'true' : 'false'}
          data-user-id={option.id}
          // Keeps focus (and the caret) in the field.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(index)}
        >
          <span dir="auto">@{option.name}</span>
          {option.id === MENTION_EVERYONE && <span className="parley-mention-option-note">{catalog.input.mentionEveryone}</span>}
        </li>
      ))}
    </ul>
  );
}
