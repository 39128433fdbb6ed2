import type { Occurrence } from '../../core/time/recurrence.js';
import type { Group } from './support-groups.schema.js';
import { safeUrl } from '../../core/sanitize.js';
import { dataScriptText } from '../../core/trusted-types.js';

/**
 * schema.org for the listed groups: an Event (with its next meeting and schedule) when the group meets at
 * set times, else an Organization. Plain data only: the caller serialises it with JSON.stringify.
 */
export function toJsonLd(groups: Group[], next: (g: Group) => Occurrence | undefined): object {
  return {
    '@context': 'https://schema.org',
    '@graph': groups.map((g) => {
      const l = g.location;
      const place =
        l && g.formats.includes('in-person')
          ? {
              '@type': 'Place',
              address: {
                '@type': 'PostalAddress',
                streetAddress: l.address,
                addressLocality: l.suburb,
                postalCode: l.postcode,
                addressRegion: l.state,
                addressCountry: l.country,
              },
              ...(l.lat !== undefined ? { geo: { '@type': 'GeoCoordinates', latitude: l.lat, longitude: l.lon } } : {}),
            }
          : undefined;
      const url = safeUrl(g.contact?.url);
      const base = { name: g.name, description: g.description, url, telephone: g.contact?.phone, email: g.contact?.email };
      const occurrence = next(g);
      if (!occurrence) return { '@type': 'Organization', ...base, ...(place ? { location: place } : {}) };
      return {
        '@type': 'Event',
        ...base,
        startDate: occurrence.start.toISOString(),
        endDate: occurrence.end.toISOString(),
        eventAttendanceMode: `https://schema.org/${place ? (g.formats.length > 1 ? 'Mixed' : 'Offline') : 'Online'}EventAttendanceMode`,
        isAccessibleForFree: g.cost ? g.cost.type === 'free' : undefined,
        location: place ?? { '@type': 'VirtualLocation', url },
        organizer: g.organization ? { '@type': 'Organization', name: g.organization } : undefined,
        audience: g.audiences.map((a) => ({ '@type': 'Audience', audienceType: a })),
      };
    }),
  };
}

/**
 * Writes the groups' JSON-LD into a data block just after `host`, in the page's own DOM where search engines
 * read it; `groups` undefined takes it away. Returns the block, to reuse on the next call.
 */
export function writeJsonLd(
  host: Element,
  script: HTMLScriptElement | undefined,
  groups: Group[] | undefined,
  next: (g: Group) => Occurrence | undefined,
): HTMLScriptElement | undefined {
  if (!groups) {
    script?.remove();
    return script;
  }
  script ??= Object.assign(document.createElement('script'), { type: 'application/ld+json' });
  if (!script.isConnected) host.after(script);
  // `<` escaped: no text in the data can close the script element.
  const text = JSON.stringify(toJsonLd(groups, next)).replace(/</g, '\\u003c');
  if (script.textContent !== text) {
    const trusted = dataScriptText(text);
    // Where the page refuses our Trusted Types policy, no JSON-LD rather than an error.
    if (trusted === undefined) script.remove();
    else script.text = trusted;
  }
  return script;
}
