import type { CSSProperties } from 'react';
import type { DisplayMessage } from '../../../core/types';
import { attributeText } from '../../text/isolate';

export interface RowAttributes {
  role: 'article';
  'aria-posinset': number;
  'aria-setsize': number;
  'aria-label': string;
  tabIndex: number;
  'data-index': number;
  'data-message-id': string;
  'data-status': DisplayMessage['status'];
  'data-own': 'true' | 'false';
  'data-highlighted': 'true' | undefined;
  style: CSSProperties;
}

/**
 * What makes an element a row of the list, whoever draws it: a feed article with
 * its place, the roving tab stop, the data attributes tests and styles read, and
 * its position in the virtualized list (rows are absolutely placed).
 */
export function rowAttributes(row: {
  index: number;
  start: number;
  message: DisplayMessage;
  own: boolean;
  label: string;
  active: boolean;
  highlighted: boolean;
}): RowAttributes {
  return {
    role: 'article',
    'aria-posinset': row.index + 1,
    // -1: a live feed's total is unknown (older pages, new arrivals); a number here
    // would change with every message and re-render every row.
    'aria-setsize': -1,
    'aria-label': attributeText(row.label),
    tabIndex: row.active ? 0 : -1,
    'data-index': row.index,
    'data-message-id': row.message.id,
    'data-status': row.message.status,
    'data-own': row.own ? 'true' : 'false',
    'data-highlighted': row.highlighted ? 'true' : undefined,
    style: { position: 'absolute', insetBlockStart: 0, insetInlineStart: 0, width: '100%', transform: `translateY(${row.start}px)` },
  };
}
