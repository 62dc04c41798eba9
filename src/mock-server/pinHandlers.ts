/**
 * Pins: `message:pin` and `message:unpin`.
 */
import { refuse, type HandlersOf } from './handlerRules';

export const PIN_HANDLERS: HandlersOf<'message:pin' | 'message:unpin'> = {
  'message:pin'() {
    refuse('internal', 'Not built yet');
  },
  'message:unpin'() {
    refuse('internal', 'Not built yet');
  },
};
