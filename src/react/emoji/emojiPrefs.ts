/**
 * What the emoji picker remembers per user in localStorage: the recently used
 * emoji (newest first) and the chosen skin tone. Guarded: without storage, on
 * a quota error or with garbage stored, it forgets quietly instead of throwing.
 */

/** How many recently used emoji are kept. */
export const MAX_RECENT = 24;

const recentKey = (userId: string) => `parley:emoji-recent:${userId}`;
const toneKey = (userId: string) => `parley:emoji-tone:${userId}`;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // A sandboxed frame or blocked cookies throw on the mere access.
    return undefined;
  }
}

function read(key: string): unknown {
  try {
    const raw = storage()?.getItem(key);
    return raw == null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota full or storage off: the picker just remembers less.
  }
}

/** The user's recently used emoji, newest first; only short strings survive a read. */
export function recentEmoji(userId: string): string[] {
  const stored = read(recentKey(userId));
  if (!Array.isArray(stored)) return [];
  return stored.filter((e): e is string => typeof e === 'string' && e.length > 0 && e.length <= 32).slice(0, MAX_RECENT);
}

/** Puts `emoji` first in the user's recently used list. */
export function rememberEmoji(userId: string, emoji: string): string[] {
  const next = [emoji, ...recentEmoji(userId).filter((e) => e !== emoji)].slice(0, MAX_RECENT);
  write(recentKey(userId), next);
  return next;
}

/** The chosen skin tone: 0 for none (yellow), 1 … 5 for the tones. */
export function skinTone(userId: string): number {
  const stored = read(toneKey(userId));
  return typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 && stored <= 5 ? stored : 0;
}

export function rememberSkinTone(userId: string, tone: number): void {
  write(toneKey(userId), tone);
}
