import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import type { Attachment } from '../../../core/protocol';
import { useChatClient } from '../../chatContext';
import { followLink } from './followLink';

export interface AttachmentUrl {
  /** Undefined until it is known, but for a `blob:` URL. */
  url: string | undefined;
  /** For an `<img>`: loading failed (the URL expired), so ask for a fresh one, once. */
  onError: () => void;
  /** For a download link: follow it with a URL that works now. */
  onClick: (event: MouseEvent<HTMLAnchorElement>) => void;
  /** The last click could not get a URL, even on a second try (shown inline). */
  failed: boolean;
}

/**
 * The URL to show one attachment from: the server issues it for this user and it
 * expires, so it is asked for when the file is shown, once more when an image failed
 * to load, and again when a download link is clicked after it expired (the client
 * keeps it only until shortly before its `expiresAt`), so the click does not meet a 404.
 */
export function useAttachmentUrl(attachment: Pick<Attachment, 'id' | 'url'>): AttachmentUrl {
  const client = useChatClient();
  const { id, url: stored } = attachment;
  const [state, setState] = useState<{ key: string; url: string; retried: boolean } | null>(null);
  const [failed, setFailed] = useState(false);
  const opening = useRef(false);
  const key = `${id}\n${stored}`;

  useEffect(() => {
    let live = true;
    client.attachmentUrl({ id, url: stored }).then(
      (url) => {
        if (live) setState({ key, url, retried: false });
      },
      () => {
        // Asked again for a URL that had expired, and refused: there is none to show.
      },
    );
    return () => {
      live = false;
    };
  }, [client, id, stored, key]);

  const current = state?.key === key ? state : null;
  const retried = current?.retried ?? true;
  const onError = useCallback(() => {
    // Once per URL it was given: a file that is really gone must not make it ask forever.
    if (retried) return;
    setState((s) => (s && s.key === key ? { ...s, retried: true } : s));
    client.attachmentUrl({ id, url: stored }, { fresh: true }).then(
      (url) => setState((s) => (s && s.key === key ? { key, url, retried: true } : s)),
      () => {
        // No fresh URL: the image stays as it is.
      },
    );
  }, [client, id, stored, key, retried]);

  const onClick = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      // A new tab or window (a modifier, another button) is the browser's to open.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      // Read now: React clears currentTarget once the handler returns.
      const link = event.currentTarget;
      if (opening.current) return;
      opening.current = true;
      setFailed(false);
      // The URL it has while it is good, else a fresh one; asked twice before saying it failed.
      const ask = () => client.attachmentUrl({ id, url: stored });
      ask()
        .catch(ask)
        .then(
          (url) => {
            setState((s) => (s && s.key === key ? { ...s, url } : s));
            followLink(url, link);
          },
          () => setFailed(true),
        )
        .finally(() => {
          opening.current = false;
        });
    },
    [client, id, stored, key],
  );

  // A blob: URL is this page's own copy (a file just sent, or the in-browser server's):
  // it needs no server and expires with the page, so show it while the issued URL is asked for.
  return { url: current?.url ?? (stored.startsWith('blob:') ? stored : undefined), onError, onClick, failed };
}
