/**
 * Opens `url` as the clicked link `like` would have: its download name, `rel` and referrer
 * policy, on a detached copy (so no handler of ours sees the click). For a click whose URL
 * had to be asked for first; an `<a>` may follow a link while not in the document.
 */
export function followLink(url: string, like: HTMLAnchorElement): void {
  const link = like.cloneNode(false) as HTMLAnchorElement;
  link.href = url;
  link.click();
}
