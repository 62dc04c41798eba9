/**
 * Forwarding: `message:forward`.
 */
import { refuse, type HandlersOf } from './handlerRules';

export const FORWARD_HANDLERS: HandlersOf<'message:forward'> = {
  'message:forward'() {
    refuse('internal', 'Not built yet');
  },
};
