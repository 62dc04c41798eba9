/**
 * Search: `messages:search`.
 */
import { refuse, type HandlersOf } from './handlerRules';

export const SEARCH_HANDLERS: HandlersOf<'messages:search'> = {
  'messages:search'() {
    refuse('internal', 'Not built yet');
  },
};
