import * as z from 'zod/mini';
import { commonFields, text, webUrl } from '../../core/config/schema.js';

export const audiences = ['patient', 'carer', 'family', 'professional'] as const;
export const formats = ['in-person', 'online', 'phone', 'video'] as const;

const opt = z.optional;
const str = () => opt(z.string());
const list = <T extends z.ZodMiniType>(item: T) => z._default(z.array(item), []);
const coord = (max: number) => opt(z.number().check(z.gte(-max), z.lte(max)));

/** When the group meets: a first meeting in its own zone plus an optional RFC 5545 rule. */
export const meetsSchema = z.strictObject({
  start: z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/, 'Use the form 2026-01-13T18:00 (local time, no zone).')),
  timeZone: z.string().check(z.refine(isZone, { message: 'Not a known time zone: use a name like Australia/Sydney.' })),
  durationMinutes: opt(z.number().check(z.int(), z.gte(1), z.lte(1440))),
  rrule: str(),
  exceptions: opt(z.array(z.string())),
});

export const groupSchema = z.strictObject({
  id: text(),
  name: text(),
  description: str(),
  organization: str(),
  cancerTypes: list(text()),
  audiences: list(z.enum(audiences)),
  formats: list(z.enum(formats)),
  languages: list(text()),
  cost: str(),
  facilitator: str(),
  location: opt(
    z.strictObject({ address: str(), suburb: str(), postcode: str(), state: str(), country: str(), lat: coord(90), lon: coord(180) }),
  ),
  meets: opt(meetsSchema),
  /** When it meets, in words (shown when there is no `meets`, or beside it). */
  schedule: str(),
  contact: opt(z.strictObject({ phone: str(), email: str(), url: opt(webUrl()) })),
  accessibility: str(),
  lastReviewed: opt(z.string().check(z.regex(/^\d{4}-\d\d-\d\d$/, 'Use the form 2026-09-01.'))),
});

export const supportGroupsSchema = z.strictObject({
  ...commonFields,
  groups: list(groupSchema),
  /** An Open Referral HSDS 3.x feed of services; `timeZone` is the IANA zone its schedules are in. */
  hsds: opt(z.strictObject({ url: webUrl(), timeZone: str() })),
  places: list(z.strictObject({ name: text(), postcode: str(), lat: z.number().check(z.gte(-90), z.lte(90)), lon: z.number().check(z.gte(-180), z.lte(180)) })),
  useGeolocation: z._default(z.boolean(), true),
  synonyms: z._default(z.record(z.string(), z.array(z.string())), {}),
  helpLine: opt(z.strictObject({ label: text(), phone: text() })),
  jsonLd: z._default(z.boolean(), false),
  /** Reflect query and filters in the page URL: `true`, `false`, or a prefix for the parameter names. */
  urlParams: z._default(z.union([z.boolean(), z.string()]), true),
  /** Results shown at first and added by each "Show more". */
  pageSize: z._default(z.number().check(z.int(), z.gte(1), z.lte(200)), 20),
});

export type SupportGroupsConfig = z.output<typeof supportGroupsSchema>;
export type Group = z.output<typeof groupSchema>;
export type Place = SupportGroupsConfig['places'][number];

function isZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
