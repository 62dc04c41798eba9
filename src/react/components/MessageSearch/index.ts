/**
 * `MessageSearch` as a thin shell: its code (the box, the results, the
 * highlighting) is fetched the first time one renders, so an app that never
 * searches does not load it at start (see `lazyPart`).
 */
import { lazyPart } from '../../lazyPart';
import { loadOnDemand } from '../lazyParts';
import type { MessageSearchProps } from './MessageSearch';

export const MessageSearch = lazyPart<MessageSearchProps>(() => loadOnDemand().then((m) => m.MessageSearch));
export type { MessageSearchProps } from './MessageSearch';
export type { SearchStatus } from './useMessageSearch';
