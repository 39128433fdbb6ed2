/**
 * Case- and accent-insensitive form, for matching what people type against what others wrote: NFD, marks
 * stripped, lower case ("Chimiothérapie", "CHIMIOTHERAPIE" → "chimiotherapie").
 */
export const normalise = (value: string): string => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
