/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

export type DistanceUnit = 'km' | 'miles';

/**
 * The unit people use where the page is: miles when its language names a region that uses them (en-GB,
 * en-US), else km. `configured` (config `distanceUnit`) wins.
 */
export function distanceUnit(locale: string, configured?: DistanceUnit): DistanceUnit {
  return configured ?? (/-(US|GB|LR|MM)\b/i.test(locale) ? 'miles' : 'km');
}

export const inUnit = (km: number, unit: DistanceUnit): number => (unit === 'km' ? km : km / 1.609344);
