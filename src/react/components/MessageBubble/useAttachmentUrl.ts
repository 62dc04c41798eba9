import { useCallback, useEffect, useState } from 'react';
import type { Attachment } from '../../../core/protocol';
import { useChatClient } from '../../chatContext';

/**
 * The URL to show one attachment from: the server issues it for this user and it
 * expires, so it is asked for when the file is shown, and once more when loading
 * failed (`onError` of the `<img>`). Undefined until it is known, but for a `blob:` URL.
 */
export function useAttachmentUrl(attachment: Pick<Attachment, 'id' | 'url'>): { url: string | undefined; onError: () => void } {
  const client = useChatClient();
  const { id, url: stored } = attachment;
  const [state, setState] = useState<{ key: string; url: string; retried: boolean } | null>(null);
  const key = `${id}\n${stored}`;

  useEffect(() => {
    let live = true;
    void client.attachmentUrl({ id, url: stored }).then((url) => {
      if (live) setState({ key, url, retried: false });
    });
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
    void client.attachmentUrl({ id, url: stored }, { fresh: true }).then((url) => {
      setState((s) => (s && s.key === key ? { key, url, retried: true } : s));
    });
  }, [client, id, stored, key, retried]);

  // A blob: URL is this page's own copy (a file just sent, or the in-browser server's):
  // it needs no server and expires with the page, so show it while the issued URL is asked for.
  return { url: current?.url ?? (stored.startsWith('blob:') ? stored : undefined), onError };
}
