import type { ReactNode } from 'react';
import type { User } from '../../../core/protocol';
import type { DisplayMessage } from '../../../core/types';
import type { RenderMessageProps } from './MessageList';
import { MessageRow } from './MessageRow';
import type { MessageListState } from './useMessageList';

export interface ListRowsProps {
  list: MessageListState;
  renderMessage: ((props: RenderMessageProps) => ReactNode) | undefined;
  renderAvatar: ((user: User | undefined) => ReactNode) | undefined;
  /** Something to show under one message's row (a thread's reply count under its root). */
  after?: (message: DisplayMessage) => ReactNode;
}

/** The rendered rows of a list, as MessageList and Thread both draw them. */
export function ListRows({ list, renderMessage, renderAvatar, after }: ListRowsProps) {
  return list.rows.map((row) => (
    <MessageRow
      key={row.key}
      ref={list.measureRow}
      index={row.index}
      start={row.start}
      message={row.message}
      {...row.meta}
      author={row.author}
      own={row.own}
      receipt={row.receipt}
      active={row.active}
      highlighted={row.highlighted}
      showActions={row.showActions}
      editing={row.editing}
      renderMessage={renderMessage}
      renderAvatar={renderAvatar}
      after={after?.(row.message)}
    />
  ));
}
