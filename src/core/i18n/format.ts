// Intl formatters are costly to build and cheap to reuse: one per locale and options, shared by all instances.
const cache = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = make()));
  return value;
}

export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  cached('n', locale, options, () => new Intl.NumberFormat(locale, options));

export const pluralRules = (locale: string): Intl.PluralRules => cached('p', locale, {}, () => new Intl.PluralRules(locale));

export const relativeFormat = (locale: string, options: Intl.RelativeTimeFormatOptions = { numeric: 'auto' }): Intl.RelativeTimeFormat =>
  cached('r', locale, options, () => new Intl.RelativeTimeFormat(locale, options));

export const listFormat = (locale: string, options: Intl.ListFormatOptions = { type: 'conjunction' }): Intl.ListFormat =>
  cached('l', locale, options, () => new Intl.ListFormat(locale, options));

/** "5 minutes ago", "yesterday", "in 2 hours": the largest unit that fits. */
export function relativeTime(locale: string, date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relativeFormat(locale).format(Math.trunc(seconds / size), unit);
  }
  return relativeFormat(locale).format(0, 'second');
}
