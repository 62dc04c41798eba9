/** Formatting through Intl, so every locale gets its own dates, numbers and plurals. */
import type { Catalog } from './en';
import { cached, formatNumber, interpolate } from './text';

export { formatNumber, interpolate };

export type Plural = { one: string; other: string };

const dateTime = (locale: string, options: Intl.DateTimeFormatOptions) => cached(Intl.DateTimeFormat, 'date', locale, options);

export function plural(catalog: Catalog, forms: Plural, count: number, values: Record<string, string | number> = {}): string {
  const rules = cached(Intl.PluralRules, 'plural', catalog.locale);
  const form = rules.select(count) === 'one' ? forms.one : forms.other;
  return interpolate(form, { count: formatNumber(catalog, count), ...values });
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
