import { later } from '../tasks.js';

// Intl formatters are costly to build and cheap to reuse: one per locale and options, shared by all instances.
const cache = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = make()));
  return value;
}

/**
 * A page's first Intl formatter costs one native call of 45–90 ms on a phone (4× CPU throttling in Chromium): V8
 * lists the locales ICU has for that kind of formatter, opening its data for each. A collator's list and then a
 * segmenter's open much of the same data in calls of their own, after which the first formatter takes about 10
 * ms: measured at 4× (9 runs each, medians), a list formatter first 58 ms; a collator 35, a segmenter 24, then the
 * list formatter 10. `intlWarmer()` returns a function that makes them once, each in a task of its own.
 */
export const intlWarmer = () => {
  let started = false;
  return (locale: string): void => {
    if (!started) later(() => (new Intl.Collator(locale), later(() => Intl.Segmenter && new Intl.Segmenter(locale))));
    started = true;
  };
};

/** Called by each widget as it connects: the first one on a page starts it. */
export const warmIntl = intlWarmer();

export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  cached('n', locale, options, () => new Intl.NumberFormat(locale, options));

export const pluralRules = (locale: string): Intl.PluralRules => cached('p', locale, {}, () => new Intl.PluralRules(locale));

export const relativeFormat = (locale: string, options: Intl.RelativeTimeFormatOptions = { numeric: 'auto' }): Intl.RelativeTimeFormat =>
  cached('r', locale, options, () => new Intl.RelativeTimeFormat(locale, options));

export const listFormat = (locale: string, options: Intl.ListFormatOptions = {}): Intl.ListFormat =>
  cached('l', locale, options, () => new Intl.ListFormat(locale, options));

// Midnight before `t`, on this browser's clock.
const midnight = (t: number) => new Date(t).setHours(0, 0, 0, 0);

/**
 * "5 minutes ago", "yesterday", "3 days ago", "1 week ago": the largest unit that fits. Days are counted on the
 * calendar (47 hours ago may be two days ago: "yesterday" is the day before today), weeks, months and years as
 * time gone by ("1 month ago", where "last month" would name a calendar month it may not be in).
 */
export function relativeTime(locale: string, date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31536000],
    ['month', 2592000],
    ['week', 604800],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size)
      return unit == 'day'
        ? relativeFormat(locale).format(Math.round((midnight(+date) - midnight(now)) / 864e5), unit)
        : relativeFormat(locale, { numeric: size > 86400 ? 'always' : 'auto' }).format(Math.trunc(seconds / size), unit);
  }
  return relativeFormat(locale).format(0, 'second');
}

/** The zone's name in a date formatted with `options` (which ask for one with `timeZoneName`). */
const zonePart = <O extends Intl.DateTimeFormatOptions>(locale: string, options: O, at: number | Date): string | O['timeZone'] =>
  dateFormat(locale, options)
    .formatToParts(at)
    .find((p) => p.type == 'timeZoneName')?.value ?? options.timeZone;

/**
 * A zone as people name it in `locale`: "Sydney time" in English, "hora de Reino Unido", "Giờ miền Đông" (the generic
 * name; the long one where the short is an abbreviation, an offset such as "ET" or "GMT+11", or an English city).
 */
export function zoneName(locale: string, timeZone: string, at: number | Date = Date.now()): string {
  // English readers know a zone best by its city, which is the English ID's own: "London time". Not Etc/GMT+5,
  // whose sign is POSIX's (it is five hours behind): the browser's own name says so ("GMT-05:00").
  if (/^en\b/.test(locale) && /\//.test(timeZone) && !/^Etc\//.test(timeZone))
    return timeZone.split('/').pop()!.replace(/_/g, ' ') + ' time';
  const short = zonePart(locale, { timeZone, timeZoneName: 'shortGeneric' }, at);
  // Where the browser has no name for the city in this language it writes the ID's English one ("توقيت Sydney",
  // "hora de New York"): the region's name is the language's own ("توقيت شرق أستراليا", "hora oriental").
  const city = timeZone.split('/').pop()!.replace(/_/g, ' ');
  return /\d|^\p{Lu}{1,5}$/u.test(short) || short.includes(city) ? zonePart(locale, { timeZone, timeZoneName: 'longGeneric' }, at) : short;
}

/**
 * A date formatted with its zone named as people know it: the locale's abbreviation where it has one
 * ("9:00 PM EST", "AEDT"), else the long name ("Australian Eastern Daylight Time", not "GMT+11").
 */
export function formatWithZone(locale: string, options: Intl.DateTimeFormatOptions, at: number | Date): string {
  const short = { ...options, timeZoneName: 'short' } as const;
  return dateFormat(locale, /\d/.test(zonePart(locale, short, at) ?? '') ? { ...options, timeZoneName: 'long' } : short).format(at);
}
