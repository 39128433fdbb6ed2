/**
 * Case- and accent-insensitive form, for matching what people type against what others wrote: NFKD (full-width
 * and mathematical letters become plain ones), marks and invisible characters (soft hyphens, zero-width spaces
 * and joiners) stripped, lower case ("Chimiothérapie", "CHIMIO\u00adTHÉRAPIE", "ｃｈｉｍｉｏ…" → "chimiotherapie").
 */
export const normalise = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\p{M}\p{DI}]/gu, '')
    .toLowerCase();
