// The Near box as a chunk, loaded only when a config offers places or the device's location (`places`,
// `useGeolocation`): the place list, "Use my location", and how far each group is. The element keeps the state
// (the origin, the status line) and hands this module what it needs to draw and change it. Its English words come
// with it.
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { numberFormat } from '../../core/i18n/format.js';
import { addEnglish, type Translate } from '../../core/i18n/messages.js';
import { distanceKm, distanceUnit, inUnit, type DistanceUnit } from './geo.js';
import { anywhere, type ByDistance, type Origin } from './finder.js';
import type { Group, Place } from './support-groups.schema.js';
import { messages } from './messages.js';

/** The Near box's words in English (the finder's language files have them too). */
export const nearText = {
  nearLabel: 'Near',
  anywhere: 'Anywhere',
  useLocation: 'Use my location',
  locating: 'Finding where you are…',
  yourLocation: 'Your location',
  locationDenied: 'We could not use your location. Choose a place from the list.',
  locationFailed: 'We could not find where you are. Choose a place from the list.',
  sortedBy: 'Groups near {place} are shown first.',
  nearYou: 'Groups near you are shown first.',
};
addEnglish(nearText, messages);

/** The place list's value while groups are sorted from the device's location. */
const HERE = '\u0000here';

export type NamedOrigin = Origin & { label: string };

export interface NearHost {
  t: Translate;
  /** A message with each filled value isolated (the element's `tb`). */
  tb(key: string, params: Record<string, string>): unknown;
  places: readonly Place[];
  /** Offer "Use my location" (configured, and the browser has it). */
  geolocation: boolean;
  origin: NamedOrigin | undefined;
  /**
   * The status line, as a message key (worded when drawn: a new page language words it anew): locating, or why the
   * location could not be used.
   */
  status: string;
  /** The configured place by name or postcode. */
  place(text: string): NamedOrigin | undefined;
  /** Sort from `origin` (none: the usual order); `near` is what a link keeps (a place's name; nothing for the device's location). */
  sortFrom(origin: NamedOrigin | undefined, near: string): void;
  say(status: string): void;
  /** Aborted once the element is removed or configured anew. */
  signal: AbortSignal;
}

export function nearField(h: NearHost): TemplateResult {
  const here = h.origin?.label === HERE;
  // A place's value, in the list and in a link: its name, or its postcode where another place has the same name.
  const key = (p: Place) => (p.postcode && h.places.some((q) => q != p && q.name == p.name) ? p.postcode : p.name);
  const choose = (e: Event) => {
    const value = (e.target as HTMLSelectElement).value;
    if (value === HERE) return;
    const origin = h.place(value);
    h.say('');
    h.sortFrom(origin, origin ? value : '');
  };
  const locate = () => {
    h.say('locating');
    navigator.geolocation.getCurrentPosition(
      // The answer may come many seconds later: not for an element removed or configured anew since.
      ({ coords }) => {
        if (h.signal.aborted) return;
        h.say('');
        h.sortFrom({ lat: coords.latitude, lon: coords.longitude, label: HERE }, '');
      },
      (error) => h.signal.aborted || h.say(error.code === 1 ? 'locationDenied' : 'locationFailed'),
      { timeout: 15000, maximumAge: 600000 },
    );
  };
  return html`<div class="field near">
    ${
      h.places.length || here
        ? html`<label for="near">${h.tb('nearLabel', {})}</label>
          <select id="near" @change=${choose}>
            <option value="" ?selected=${!h.origin}>${h.t('anywhere')}</option>
            ${here ? html`<option value=${HERE} selected>${h.t('yourLocation')}</option>` : nothing}
            ${h.places.map((p) => html`<option value=${key(p)} ?selected=${!here && h.origin?.lat === p.lat && h.origin.lon === p.lon}>${p.postcode ? `${p.name} \u2066${p.postcode}\u2069` : p.name}</option>`)}
          </select>`
        : nothing
    }
    ${h.geolocation ? html`<button type="button" @click=${locate}>${h.tb('useLocation', {})}</button>` : nothing}
    <p class="hint" role="status">${h.status ? h.tb(h.status, {}) : h.origin ? (here ? h.tb('nearYou', {}) : h.tb('sortedBy', { place: h.origin.label })) : ''}</p>
  </div>`;
}

/** "2.4 km", "12 miles": in the unit people use where the page is, unless the config says which. */
export function distanceText(locale: string, km: number, configured?: DistanceUnit): string {
  const unit = distanceUnit(locale, configured);
  return numberFormat(locale, {
    style: 'unit',
    unit: unit === 'km' ? 'kilometer' : 'mile',
    unitDisplay: unit === 'km' ? 'short' : 'long',
    maximumFractionDigits: km < 10 ? 1 : 0,
  }).format(inUnit(km, unit));
}

// A group with a mapped place and no formats listed is taken to meet there.
const located = (g: Group): boolean =>
  (!g.formats.length || g.formats.includes('in-person')) && g.location?.lat !== undefined && g.location.lon !== undefined;

/** Nearest in-person groups first, then those available anywhere, then in-person ones with no known place; ties keep their order. */
export const byDistance: ByDistance = (groups, passing, origin) => {
  const cache = new Map<number, number | undefined>();
  const km = (i: number) => {
    if (!cache.has(i)) {
      const g = groups[i]!;
      cache.set(i, located(g) ? distanceKm(origin.lat, origin.lon, g.location!.lat!, g.location!.lon!) : undefined);
    }
    return cache.get(i);
  };
  const rank = (i: number) => km(i) ?? (anywhere(groups[i]!) ? 1e9 : 2e9);
  const position = new Map(passing.map((d, p) => [d, p]));
  return { list: [...passing].sort((a, b) => rank(a) - rank(b) || position.get(a)! - position.get(b)!), km };
};
