import * as z from 'zod/mini';
import { commonFields, localName, localText, text, webUrl, headingLevel } from '../../core/config/schema.js';
import { between, convert, rule } from '../../core/config/checks.js';
import { uniqueIds } from '../../core/config/rules.js';
import { calendarDate, schedule, timeZoneName, ruleFitsStart } from '../../core/time/schedule.schema.js';
import { COSTS, costOf } from './cost.js';
import { languageTag } from './language.js';
import { audiences, formats } from './kinds.js';

export { audiences, formats };

const opt = z.optional;
const str = () => opt(z.string());
const list = <T extends z.ZodMiniType>(item: T) => z._default(z.array(item), []);
const coord = (max: number) => opt(between(-max, max));

/** When the group meets: a first meeting in its own zone plus an optional RFC 5545 rule (the same fields as a chat's). */
export const meetsSchema = ruleFitsStart(
  z.strictObject({
    /** First meeting, as a wall time in `timeZone`: `2026-01-05T18:00`. */
    start: schedule.start(),
    /** IANA zone name the group meets in, like `Australia/Sydney`. */
    timeZone: timeZoneName(),
    /** Length in minutes (1 to 1440). */
    durationMinutes: opt(schedule.durationMinutes()),
    /** RFC 5545 repeat rule, as for a chat (`FREQ=MONTHLY;BYDAY=2TU`). None: one meeting. */
    rrule: opt(schedule.rrule()),
    /** Dates (`YYYY-MM-DD`, in the group's zone) with no meeting. */
    exceptions: opt(schedule.exceptions()),
  }),
);

const costKinds = COSTS.map((c) => `"${c}"`).join(', ');

/**
 * What it costs: `{ "type": "free" }`, or `"low-cost"`, `"paid"`, `"donation"`, with an optional `note` in your
 * words (`{ "type": "free", "note": "bus fares refunded" }`). The Cost filter offers the types only. Old texts
 * that start with a type ("Free, bus fares refunded") are read as that type plus a note.
 */
export const costSchema = convert(
  z.union([
    z.strictObject({
      /** What kind of cost: one of the Cost filter's options. */
      type: z.enum(COSTS),
      /** More about the cost, in your words ("bus fares refunded"). */
      note: str(),
    }),
    z.string(),
  ]),
  costOf,
  [],
  () => ({ key: 'costForm', params: { kinds: costKinds } }),
);

export const groupSchema = z.strictObject({
  /** Unique id of the group (a repeated id is skipped). */
  id: text(),
  /** The group's name, shown as its heading. Text, or text by language (`{ "en": "…", "es": "…" }`), as every text patients read. */
  name: localName(),
  /** A sentence or two about the group (searched too). */
  description: opt(localText()),
  /** Who runs it (searched too). */
  organization: opt(localText()),
  /** Cancer types, in your words ("breast", "bowel"). A group open to everyone with cancer: `["all"]` (or "any cancer"). */
  cancerTypes: list(text()),
  /** Who it is for: `patient`, `carer`, `family`, `professional` (the Audience filter). */
  audiences: list(z.enum(audiences)),
  /** How it meets: `in-person`, `online`, `phone`, `video` (the Format filter). */
  formats: list(z.enum(formats)),
  /** Languages spoken, as tags (`"es"`, `"zh-Hant"`) or English names (`"Spanish"`); shown in the reader's language. */
  languages: list(convert(text(), languageTag, [])),
  /**
   * What it costs: `{ "type": "free" }` (or "low-cost", "paid", "donation"), with an optional `note` in your words.
   * Old texts starting with a type ("Free, bus fares refunded") are read as that type and a note.
   */
  cost: opt(costSchema),
  /** Who leads the meetings (a name or a role). */
  facilitator: str(),
  /** Where it meets in person; `lat` and `lon` give distances. */
  location: opt(
    z.strictObject({
      /** Street address, shown on the card. */
      address: str(),
      /** Suburb or town. */
      suburb: str(),
      /** Postcode (a place in `places` can be chosen by it). */
      postcode: str(),
      /** State or region. */
      state: str(),
      /** Country. */
      country: str(),
      /** Latitude (-90 to 90): with `lon`, distances are shown and results sorted by them. */
      lat: coord(90),
      /** Longitude (-180 to 180). */
      lon: coord(180),
    }),
  ),
  /** When it meets, as a first meeting and a repeat rule: the next meeting is shown in the reader's time. */
  meets: opt(meetsSchema),
  /** When it meets, in words (shown when there is no `meets`, or beside it). */
  schedule: opt(localText()),
  /** How to reach the group. */
  contact: opt(
    z.strictObject({
      /** Phone number as people should see it; shown as a call link. */
      phone: str(),
      /** Email address; shown as a mail link. */
      email: str(),
      /** The group's web page (http or https). */
      url: opt(webUrl()),
    }),
  ),
  /** Access notes in your words (step-free entry, hearing loop, Auslan). */
  accessibility: opt(localText()),
  /** When the entry was last checked, `YYYY-MM-DD` (a real date: a wrong one is left out, the group kept). */
  lastReviewed: opt(calendarDate()),
});

/** A list of groups; a repeated id is skipped, naming the first (config `groups`, and the HSDS feed's). */
export const groupList = z._default(
  // Runs even when some groups are invalid, so paths name the editor's own positions.
  rule(z.array(groupSchema), uniqueIds, ['groups'], null, undefined, (p) => Array.isArray(p.value)),
  [],
);

/** The groups an HSDS feed's services were mapped to (./merge-hsds.ts validates them as if written in a config). */
export const hsdsGroupsSchema = z.strictObject({ groups: groupList });

export const supportGroupsSchema = z.strictObject({
  ...commonFields,
  /** The groups listed. A bad group is skipped (editors see why); the others are shown. */
  groups: groupList,
  /** An Open Referral HSDS 3.x feed of services; `timeZone` is the IANA zone its schedules are in. */
  hsds: opt(
    z.strictObject({
      /**
       * Address of the HSDS JSON (services with their schedules), fetched without cookies. A paged HSDS API answer is
       * read page by page (its `page` parameter), up to 20 pages; editors are told when services are left out.
       */
      url: webUrl(),
      /** IANA zone name the feed's schedules are in, like `Australia/Sydney`. */
      timeZone: opt(timeZoneName()),
    }),
  ),
  /** Places offered in the Near box (suburbs, towns, hospitals): results are sorted by distance from the one chosen. */
  places: list(
    z.strictObject({
      /** The place's name, as offered. */
      name: text(),
      /** Its postcode (typing it chooses the place). */
      postcode: str(),
      /** Latitude (-90 to 90). */
      lat: between(-90, 90),
      /** Longitude (-180 to 180). */
      lon: between(-180, 180),
    }),
  ),
  /**
   * Offer "Use my location" (off unless you turn it on: a patient should not be asked for their location unless the
   * page means to; it asks the browser's permission only when pressed, and the position never leaves the page).
   */
  useGeolocation: z._default(z.boolean(), false),
  /**
   * Extra search words by word: `{ "bowel": ["colorectal", "colon"] }` finds bowel groups for those words too. A
   * synonym of several words is read as a search is (`"colon cancer"` is `colon`), and one still several words long
   * (`"small cell lung"`) matches groups that have all of them.
   */
  synonyms: z._default(z.record(z.string(), z.array(z.string())), {}),
  /**
   * Who to call when no group fits: `label` names them ("Cancer Council"), `phone` is the number as people should
   * see it ("13 11 20"). Both are shown, and the number is a call link.
   */
  helpLine: opt(
    z.strictObject({
      /** Who answers ("Cancer Council"). */
      label: localName(),
      /** The number as people should see it ("13 11 20"); shown as a call link. */
      phone: text(),
    }),
  ),
  /** Distances in `"km"` or `"miles"`. Default: miles on en-GB and en-US pages, else km. */
  distanceUnit: opt(z.enum(['km', 'miles'])),
  /**
   * The level of the finder's top heading (2 = h2, up to 6), to fit the page's outline; group names are one level
   * below. Wins over the element's `heading-level` attribute. Default: 2.
   */
  headingLevel: headingLevel(),
  /** Add schema.org JSON-LD for the groups to the page (for search engines). */
  jsonLd: z._default(z.boolean(), false),
  /** Reflect the query and filters in the page URL (so a link can be sent), and restore them on back/forward. */
  urlState: z._default(z.boolean(), true),
  /**
   * Prefix for the URL parameter names (`q`, `type`, `audience`, `format`, `language`, `cost`, `near`), so they
   * stay apart from the host page's own (a CMS search often uses `q`). Parameters without it are never touched.
   * Each finder on a page needs its own to keep its state in the address: a second one with the same prefix
   * leaves the address alone (the console says so).
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
