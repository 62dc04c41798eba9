import { describe, expect, it } from 'vitest';
import { actionsRowId, NO_ACTIONS_ROW, patchActionsRow } from '../../../src/react/components/MessageList/useActionsRow';

describe('actionsRowId', () => {
  it('is no row when nothing is hovered or focused', () => {
    expect(actionsRowId(NO_ACTIONS_ROW)).toBeNull();
  });

  it('prefers a row with an open menu, then the hovered row, then the focused one', () => {
    expect(actionsRowId({ hovered: null, focused: 'a', locked: null })).toBe('a');
    expect(actionsRowId({ hovered: 'b', focused: 'a', locked: null })).toBe('b');
    expect(actionsRowId({ hovered: 'b', focused: 'a', locked: 'a' })).toBe('a');
  });
});

describe('patchActionsRow', () => {
  it('returns the same object when nothing changes (React skips the render)', () => {
    const state = { hovered: 'a', focused: null, locked: null };
    expect(patchActionsRow(state, { hovered: 'a' })).toBe(state);
    expect(patchActionsRow(state, {})).toBe(state);
  });

  it('returns a new object with the change applied', () => {
    const state = { hovered: 'a', focused: null, locked: null };
    expect(patchActionsRow(state, { hovered: null, focused: 'b' })).toEqual({ hovered: null, focused: 'b', locked: null });
  });
});
