import { useEffect, useState } from 'react';
import { interpolate } from '../../../i18n/text';
import { useCatalog } from '../../ChatProvider';

/** How long "Copied" shows before the button reads "Copy" again. */
const COPIED_MS = 2_000;

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * A fenced code block: its language (or "Code") and a Copy button above it,
 * the code below, scrolling sideways rather than wrapping. The scrolling area
 * is focusable and named so a keyboard can scroll it too. The button's result
 * is announced through a polite live region.
 */
export function CodeBlock({ code, lang }: { code: string; lang: string | undefined }) {
  const catalog = useCatalog();
  const t = catalog.format;
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), COPIED_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = () => {
    // Absent outside secure contexts, and it can be refused: say so rather than pretend.
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      setState('failed');
      return;
    }
    clipboard.writeText(code).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  const label = lang === undefined ? t.code : interpolate(t.codeIn, { lang });
  return (
    <div className="parley-code-block" data-lang={lang}>
      <div className="parley-code-block-header">
        <span className="parley-code-block-lang" dir="ltr">
          {label}
        </span>
        <button type="button" className="parley-code-block-copy" data-state={state} onClick={copy}>
          {state === 'copied' ? t.copied : state === 'failed' ? t.copyFailed : t.copy}
        </button>
      </div>
      {/* dir ltr: code reads left to right in a right-to-left page too. */}
      <pre className="parley-code-block-code" tabIndex={0} aria-label={`${t.codeRegion}: ${label}`} dir="ltr">
        <code>{code}</code>
      </pre>
      <span className="parley-visually-hidden" role="status" aria-live="polite">
        {state === 'copied' ? t.copied : state === 'failed' ? t.copyFailed : ''}
      </span>
    </div>
  );
}
