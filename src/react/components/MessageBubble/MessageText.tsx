import { Fragment, memo } from 'react';
import { linkify } from './linkify';

/** Message text as React text nodes with safe links; never HTML. */
export const MessageText = memo(function MessageText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((segment, i) =>
        segment.kind === 'link' ? (
          <a key={i} className="parley-link" href={segment.href} target="_blank" rel="noopener noreferrer">
            {segment.text}
          </a>
        ) : (
          // A bare text node: one element less per row in a virtualized list.
          <Fragment key={i}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
});
