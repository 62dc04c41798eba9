import { memo } from 'react';
import { ME, type BenchMessage } from '../data';

/** The row used by the bare tanstack and virtuoso lists: author, text, time. */
export const BenchRow = memo(function BenchRow({ message }: { message: BenchMessage }) {
  const own = message.authorId === ME;
  return (
    <div className="bench-bubble">
      {!own && <div className="bench-author">{message.authorId}</div>}
      <div className="bench-text">{message.text}</div>
    </div>
  );
});
