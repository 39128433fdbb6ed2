import * as z from 'zod/mini';
import { commonFields, text, webUrl } from '../../core/config/schema.js';
import { headingLevel } from '../../core/heading.js';
import { schedule, timeZoneName, untilAfterStart } from '../../core/time/schedule.schema.js';
import { COSTS, readCost } from './cost.js';
import { languageTag } from './language.js';

export const audiences = ['patient', 'carer', 'family', 'professional'] as const;
export const formats = ['in-person', 'online', 'phone', 'video'] as const;

const opt = z.optional;
const str = () => opt(z.string());
const list = <T extends z.ZodMiniType>(item: T) => z._default(z.array(item), []);
// Checks as refinements: zod's int/gte/regex/union checks cost ~1.8 KB min+gzip in the bundle, a refine nothing.
const check = <T extends z.ZodMiniType>(schema: T, ok: (v: z.output<T>) => boolean, message: string) => schema.check(z.refine(ok, { message }));
const between = (min: number, max: number, int = false) =>
  check(z.number(), (v) => v >= min && v <= max && (!int || Number.isInteger(v)), `Must be ${int ? 'a whole number ' : ''}from ${min} to ${max}.`);
const pattern = (re: RegExp, message: string) => check(z.string(), (v) => re.test(v), message);
const coord = (max: number) => opt(between(-max, max));

/** When the group meets: a first meeting in its own zone plus an optional RFC 5545 rule (the same fields as a chat's). */
export const meetsSchema = z
  .strictObject({
    start: schedule.start(),
    timeZone: timeZoneName(),
    durationMinutes: opt(schedule.durationMinutes()),
    rrule: opt(schedule.rrule()),
    exceptions: opt(schedule.exceptions()),
  })
  .check(untilAfterStart);

const costKinds = COSTS.map((c) => `"${c}"`).join(', ');

/**
 * What it costs: `{ "type": "free" }`, or `"low-cost"`, `"paid"`, `"donation"`, with an optional `note` in your
 * words (`{ "type": "free", "note": "bus fares refunded" }`). The Cost filter offers the types only. Old texts
 * that start with a type ("Free, bus fares refunded") are read as that type plus a note.
 */
export const costSchema = z.pipe(
  z.union([z.strictObject({ type: z.enum(COSTS), note: str() }), z.string()]),
  z.transform((v, ctx) => {
    if (typeof v !== 'string') return v;
    const cost = readCost(v);
    if (!cost) ctx.issues.push({ code: 'custom', input: v, message: `Write the cost as { "type": … } with one of ${costKinds}, and a "note" if needed; got the text "${v.slice(0, 40)}".` });
    return cost ?? z.NEVER;
  }),
);

export const groupSchema = z.strictObject({
  id: text(),
  name: text(),
  description: str(),
  organization: str(),
  /** Cancer types, in your words ("breast", "bowel"). A group open to everyone with cancer: `["all"]` (or "any cancer"). */
  cancerTypes: list(text()),
  audiences: list(z.enum(audiences)),
  formats: list(z.enum(formats)),
  /** Languages spoken, as tags (`"es"`, `"zh-Hant"`) or English names (`"Spanish"`); shown in the reader's language. */
  languages: list(z.pipe(text(), z.transform(languageTag))),
  /**
   * What it costs: `{ "type": "free" }` (or "low-cost", "paid", "donation"), with an optional `note` in your words.
   * Old texts starting with a type ("Free, bus fares refunded") are read as that type and a note.
   */
  cost: opt(costSchema),
  facilitator: str(),
  location: opt(
    z.strictObject({ address: str(), suburb: str(), postcode: str(), state: str(), country: str(), lat: coord(90), lon: coord(180) }),
  ),
  meets: opt(meetsSchema),
  /** When it meets, in words (shown when there is no `meets`, or beside it). */
  schedule: str(),
  contact: opt(z.strictObject({ phone: str(), email: str(), url: opt(webUrl()) })),
  accessibility: str(),
  lastReviewed: opt(pattern(/^\d{4}-\d\d-\d\d$/, 'Use the form 2026-09-01.')),
});

/** A list of groups; a repeated id is skipped, naming the first (config `groups`, and the HSDS feed's). */
export const groupList = z._default(
  z.array(groupSchema).check(
    // Runs even when some groups are invalid, so paths name the editor's own positions.
    z.superRefine(
      (groups, ctx) => {
        const first = new Map<unknown, number>();
        groups.forEach((g, i) => {
          const at = first.get(g?.id);
          if (at === undefined) first.set(g?.id, i);
          else if (typeof g.id == 'string') ctx.addIssue({ code: 'custom', path: [i, 'id'], input: g.id, message: `Same id as groups.${at}: ids must be unique, so this group is skipped.` });
        });
      },
      { when: () => true },
    ),
  ),
  [],
);

export const supportGroupsSchema = z.strictObject({
  ...commonFields,
  groups: groupList,
  /** An Open Referral HSDS 3.x feed of services; `timeZone` is the IANA zone its schedules are in. */
  hsds: opt(z.strictObject({ url: webUrl(), timeZone: str() })),
  places: list(z.strictObject({ name: text(), postcode: str(), lat: between(-90, 90), lon: between(-180, 180) })),
  useGeolocation: z._default(z.boolean(), true),
  synonyms: z._default(z.record(z.string(), z.array(z.string())), {}),
  /**
   * Who to call when no group fits: `label` names them ("Cancer Council"), `phone` is the number as people should
   * see it ("13 11 20"). Both are shown, and the number is a call link.
   */
  helpLine: opt(z.strictObject({ label: text(), phone: text() })),
  /** Distances in `"km"` or `"miles"`. Default: miles on en-GB and en-US pages, else km. */
  distanceUnit: opt(z.enum(['km', 'miles'])),
  /**
   * The level of the finder's top heading (2 = h2, up to 6), to fit the page's outline; group names are one level
   * below. Wins over the element's `heading-level` attribute. Default: 2.
   */
  headingLevel: headingLevel(),
  jsonLd: z._default(z.boolean(), false),
  /** Reflect the query and filters in the page URL (so a link can be sent), and restore them on back/forward. */
  urlState: z._default(z.boolean(), true),
  /**
   * Prefix for the URL parameter names (`q`, `type`, `audience`, `format`, `language`, `cost`, `near`), so they
   * stay apart from the host page's own (a CMS search often uses `q`). Parameters without it are never touched.
   */
  urlPrefix: z._default(z.string(), 'sg-'),
  /** Results shown at first and added by each "Show more". */
  pageSize: z._default(between(1, 200, true), 20),
});

/** A support groups config as people write it (keys with defaults may be left out). */
export type SupportGroupsConfig = z.input<typeof supportGroupsSchema>;
/** A support groups config after validation, with every default filled in. */
export type ResolvedSupportGroupsConfig = z.output<typeof supportGroupsSchema>;
export type Group = z.output<typeof groupSchema>;
export type Place = ResolvedSupportGroupsConfig['places'][number];

