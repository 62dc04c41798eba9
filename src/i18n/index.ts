/**
 * The i18n entry: the English catalog, the `Catalog` shape every locale
 * follows, and the Intl formatting helpers. Other locales (e.g. `./ar`) are
 * imported from their own files so a bundle only carries the ones it uses.
 */
export { en } from './en';
export type { Catalog } from './en';
export { formatFileSize } from './fileSize';
export {
  formatDateTime,
  formatDay,
  formatNumber,
  formatRelative,
  formatTime,
  interpolate,
  plural,
  startOfDay,
} from './format';
export type { Plural } from './format';
