import { fromFirstMatch, highlightMatches } from '../../../core/text/searchHighlight';

/**
 * A message's text with the words `query` matched in `<mark>` elements. The
 * marks are built from slices of the string, so whatever the text holds
 * (`<b>`, a script tag) shows as the characters it is.
 */
export function HighlightedText({ text, query }: { text: string; query: string }) {
  return (
    <>
      {fromFirstMatch(highlightMatches(text, query)).map((slice, i) =>
        slice.match ? (
          <mark key={i} className="parley-search-match">
            {slice.text}
          </mark>
        ) : (
          slice.text
        ),
      )}
    </>
  );
}
