import type { EmojiData } from './emojiData';

let chunk: Promise<EmojiData> | undefined;

/**
 * The emoji data, fetched on first call (its own chunk: the one `import()` besides
 * `loadOnDemand`, for a data module that shares nothing with the main bundle).
 * A failed fetch is forgotten, so the next call tries again.
 */
export function loadEmojiData(): Promise<EmojiData> {
  return (chunk ??= import('./emojiData').then(
    (m) => m.emojiData,
    (error: unknown) => {
      chunk = undefined;
      throw error;
    },
  ));
}
