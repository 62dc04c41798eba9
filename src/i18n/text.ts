/**
 * What nearly every localized string needs: placeholders filled in and numbers
 * in the locale's style. Apart from format.ts (dates, plurals, sizes) so that
 * lazily loaded parts share only these few lines with the main bundle.
 */
import type { Catalog } from './en';

/** Replace `{key}` placeholders; unknown keys are left visible to make mistakes obvious. */
export function interpolate(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole,
  );
}

/**
 * One Intl formatter per locale and style: constructing one costs far more than
 * formatting (a list row formats two or three dates), so they are kept.
 */
const formatters = new Map<string, unknown>();
export function cached<T>(make: new (locale: string, options?: object) => T, name: string, locale: string, options?: object): T {
  const key = `${name}|${locale}|${options ? JSON.stringify(options) : ''}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = new make(locale, options)));
  return formatter;
}
export const number = (locale: string, options?: Intl.NumberFormatOptions) => cached(Intl.NumberFormat, 'number', locale, options);

export function formatNumber(catalog: Catalog, n: number): string {
  return number(catalog.locale).format(n);
}
