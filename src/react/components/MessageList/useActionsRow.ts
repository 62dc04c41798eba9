import { useCallback, useState, type FocusEvent, type PointerEvent } from 'react';

export interface ActionsRowState {
  /** The row under the pointer. */
  readonly hovered: string | null;
  /** The row holding keyboard focus (itself or one of its controls). */
  readonly focused: string | null;
  /** A row whose menu or confirmation has focus: its toolbar stays whatever the pointer does. */
  readonly locked: string | null;
}

export const NO_ACTIONS_ROW: ActionsRowState = { hovered: null, focused: null, locked: null };

/** The one row that shows the action toolbar: an open menu, else the hovered row, else the focused one. */
export function actionsRowId(state: ActionsRowState): string | null {
  return state.locked ?? state.hovered ?? state.focused;
}

/** Apply a change; the same object back when nothing changed, so React skips the render. */
export function patchActionsRow(prev: ActionsRowState, patch: Partial<ActionsRowState>): ActionsRowState {
  const next = { ...prev, ...patch };
  return next.hovered === prev.hovered && next.focused === prev.focused && next.locked === prev.locked ? prev : next;
}

/** Where the pointer last moved (shared by every list: there is one pointer). */
let lastPointer: { x: number; y: number } | null = null;

function rowOf(target: EventTarget | null, container: Element): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const row = target.closest<HTMLElement>('[data-message-id]');
  return row && container.contains(row) ? row : null;
}

/**
 * Tracks which row the pointer and focus are on, for the list's single action
 * toolbar. The latest of the two wins: focusing a row forgets the hover until
 * the pointer moves onto another row.
 */
export function useActionsRow() {
  const [state, setState] = useState<ActionsRowState>(NO_ACTIONS_ROW);

  const onPointerMove = useCallback((event: PointerEvent<HTMLElement>) => {
    // Only a pointer that really moved: the browser also sends moves when the
    // layout changes under a resting pointer, and those must not take the
    // toolbar away from the focused row.
    if (lastPointer && lastPointer.x === event.clientX && lastPointer.y === event.clientY) return;
    lastPointer = { x: event.clientX, y: event.clientY };
    const row = rowOf(event.target, event.currentTarget);
    const id = row?.getAttribute('data-message-id') ?? null;
    // Focus on a toolbar that is about to move to another row: park it on its own row
    // (an open menu or confirmation keeps its toolbar instead, see `locked`).
    const active = document.activeElement;
    const toolbar = active instanceof HTMLElement ? active.closest<HTMLElement>('.parley-message-actions') : null;
    const toolbarRow = toolbar?.closest<HTMLElement>('[data-message-id]');
    if (id !== null && toolbar?.getAttribute('data-mode') === 'idle' && toolbarRow && toolbarRow !== row) {
      toolbarRow.focus({ preventScroll: true });
    }
    setState((prev) => patchActionsRow(prev, { hovered: id }));
  }, []);

  const onPointerLeave = useCallback(() => setState((prev) => patchActionsRow(prev, { hovered: null })), []);

  const onFocusIn = useCallback((event: FocusEvent<HTMLElement>) => {
    const row = rowOf(event.target, event.currentTarget);
    const id = row?.getAttribute('data-message-id') ?? null;
    const target = event.target as Element;
    const locked = id !== null && target.closest('.parley-reaction-menu, .parley-message-actions[data-mode="confirm"]') ? id : null;
    setState((prev) => patchActionsRow(prev, { focused: id, hovered: null, locked }));
  }, []);

  const onFocusOut = useCallback((event: FocusEvent<HTMLElement>) => {
    if (event.currentTarget.contains(event.relatedTarget)) return;
    setState((prev) => patchActionsRow(prev, { focused: null, locked: null }));
  }, []);

  return { actionsId: actionsRowId(state), onPointerMove, onPointerLeave, onFocusIn, onFocusOut };
}
