/**
 * Threads: `thread:before`, `thread:since`, `thread:read`.
 */
import { refuse, type HandlersOf } from './handlerRules';

export const THREAD_HANDLERS: HandlersOf<'thread:before' | 'thread:since' | 'thread:read'> = {
  'thread:before'() {
    refuse('internal', 'Not built yet');
  },
  'thread:since'() {
    refuse('internal', 'Not built yet');
  },
  'thread:read'() {
    refuse('internal', 'Not built yet');
  },
};
