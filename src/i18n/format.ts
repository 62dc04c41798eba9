/** Formatting through Intl, so every locale gets its own dates, numbers and plurals. */
import type { Catalog } from './en';

export type Plural = { one: string; other: string };

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
function cached<T>(make: new (locale: string, options?: object) => T, name: string, locale: string, options?: object): T {
  const key = `${name}|${locale}|${options ? JSON.stringify(options) : ''}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = new make(locale, options)));
  return formatter;
}
const dateTime = (locale: string, options: Intl.DateTimeFormatOptions) => cached(Intl.DateTimeFormat, 'date', locale, options);
const number = (locale: string, options?: Intl.NumberFormatOptions) => cached(Intl.NumberFormat, 'number', locale, options);

export function plural(catalog: Catalog, forms: Plural, count: number, values: Record<string, string | number> = {}): string {
  const rules = cached(Intl.PluralRules, 'plural', catalog.locale);
  const form = rules.select(count) === 'one' ? forms.one : forms.other;
  return interpolate(form, { count: formatNumber(catalog, count), ...values });
}

export function formatNumber(catalog: Catalog, n: number): string {
  return number(catalog.locale).format(n);
}

export function formatTime(catalog: Catalog, epochMs: number): string {
  return dateTime(catalog.locale, { hour: 'numeric', minute: '2-digit' }).format(epochMs);
}

export function formatDateTime(catalog: Catalog, epochMs: number): string {
  return dateTime(catalog.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

/** "Today", "Yesterday", or a date in the locale's style. */
export function formatDay(catalog: Catalog, epochMs: number, now: number = Date.now()): string {
  const day = startOfDay(epochMs);
  const today = startOfDay(now);
  if (day === today) return catalog.messageList.today;
  if (day === startOfDay(today - 1)) return catalog.messageList.yesterday;
  const sameYear = new Date(epochMs).getFullYear() === new Date(now).getFullYear();
  return dateTime(catalog.locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(epochMs);
}

export function startOfDay(epochMs: number): number {
  const d = new Date(epochMs);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Bytes as "1.2 MB" in the locale's number style. */
export function formatFileSize(catalog: Catalog, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return number(catalog.locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

/** "5 min ago" style, for conversation list timestamps. */
export function formatRelative(catalog: Catalog, epochMs: number, now: number = Date.now()): string {
  const seconds = Math.round((epochMs - now) / 1000);
  const rtf = cached(Intl.RelativeTimeFormat, 'relative', catalog.locale, { numeric: 'auto', style: 'short' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  return dateTime(catalog.locale, { month: 'short', day: 'numeric' }).format(epochMs);
}
