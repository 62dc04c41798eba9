import type { Catalog } from '../../../i18n/en';
import { formatNumber, interpolate } from '../../../i18n/format';

/**
 * "Bob is typing…", "Bob and Carol are typing…", "Bob and 3 others are
 * typing…"; empty when nobody is. Names are expected in a stable order so the
 * sentence does not reshuffle while people type.
 */
export function typingText(catalog: Catalog, names: readonly string[]): string {
  const [a, b] = names;
  if (a === undefined) return '';
  if (b === undefined) return interpolate(catalog.typing.one, { a });
  if (names.length === 2) return interpolate(catalog.typing.two, { a, b });
  return interpolate(catalog.typing.many, { a, count: formatNumber(catalog, names.length - 1) });
}
