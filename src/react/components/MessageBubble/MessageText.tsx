import { Fragment, memo } from 'react';
import { linkify } from './linkify';

/**
 * Message text as React text nodes with safe links; never HTML. A link's text
 * keeps its own direction (`<bdi>`), and an internationalized host is shown in
 * punycode after it, inside the link, so sight and speech both get the real site.
 */
export const MessageText = memo(function MessageText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((segment, i) =>
        segment.kind === 'link' ? (
          <a key={i} className="parley-link" href={segment.href} target="_blank" rel="noopener noreferrer">
            <bdi>{segment.text}</bdi>
            {segment.punycodeHost !== undefined && ` (${segment.punycodeHost})`}
          </a>
        ) : (
          // A bare text node: one element less per row in a virtualized list.
          <Fragment key={i}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
});
