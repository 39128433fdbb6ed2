// Open Referral HSDS 3.x → CareCircle support groups: a pure mapping plus a thin fetch.
// The output is raw group objects; the widget validates each one with its own schema like any config group.
import { fetchJson } from '../core/fetch.js';
import { postHref } from '../core/sanitize.js';
import { DAYS, endsBeforeStart, parseRRule } from '../core/time/recurrence.js';
import { isoDate, parseWall, wallTime } from '../core/time/zones.js';
import { knownZone, realDate } from '../core/time/rules.js';
import { inSlices } from '../core/tasks.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
const uniq = <T>(xs: (T | undefined)[]): T[] => [...new Set(xs.filter((x): x is T => x !== undefined))];
const num = (v: unknown, max: number): number | undefined => (typeof v === 'number' && Math.abs(v) <= max ? v : undefined);

export interface HsdsOptions {
  /** IANA zone the schedules are in. HSDS's own `timezone` is a UTC offset, which cannot follow daylight saving. */
  timeZone?: string;
}

/** The services in a feed: a list, `{ services }`, a paged API answer `{ contents }`, or one service. */
export function hsdsServices(data: unknown): Obj[] {
  if (Array.isArray(data)) return arr(data);
  const o = obj(data);
  if (Array.isArray(o.services)) return arr(o.services);
  if (Array.isArray(o.contents)) return arr(o.contents);
  return o.id || o.name ? [o] : [];
}

const AUDIENCE: Record<string, string> = {
  patient: 'patient',
  patients: 'patient',
  carer: 'carer',
  carers: 'carer',
  caregiver: 'carer',
  caregivers: 'carer',
  family: 'family',
  families: 'family',
  professional: 'professional',
  professionals: 'professional',
  'health professional': 'professional',
  'health professionals': 'professional',
};

/** "10:00:00", "09:00:00Z", "18:30+10:00" → minutes after midnight, and the UTC offset in minutes when one is written. */
function clock(v: unknown): { minutes: number; offset?: number } | undefined {
  const m = /^(\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?(Z|([+-])(\d\d):?(\d\d))?$/.exec(str(v) ?? '');
  if (!m) return undefined;
  return { minutes: +m[1]! * 60 + +m[2]!, ...(m[3] && { offset: m[3] == 'Z' ? 0 : (m[4] == '-' ? -1 : 1) * (+m[5]! * 60 + +m[6]!) }) };
}

/** A real date's `YYYY-MM-DD` (feeds write "0000-00-00" for none). */
const day = (v: unknown): string | undefined => {
  const d = str(v)?.slice(0, 10);
  return d && realDate(d) ? d : undefined;
};
const DAY = 864e5;

/**
 * Moves a rule by `shift` days (-1, 0 or 1) for a start that moved across midnight: BYDAY days and the week
 * start move with it, so every meeting moves by the same day. Monthly days (2TU, the 31st) cannot move: undefined.
 */
function shiftRule(rule: string[], shift: number): string[] | undefined {
  if (!shift || !rule.length) return rule;
  if (rule.some((p) => /^(FREQ=MONTHLY|BYMONTHDAY)/.test(p))) return undefined;
  const move = (d: string) => (DAYS.includes(d) ? DAYS[(DAYS.indexOf(d) + shift + 7) % 7]! : d);
  const wkst = rule.find((p) => p.startsWith('WKST='))?.slice(5) ?? 'MO';
  const days = (p: string) => (p.startsWith('BYDAY=') ? 'BYDAY=' + p.slice(6).split(',').map(move).join() : p);
  return rule
    .filter((p) => !p.startsWith('WKST='))
    .map(days)
    .concat('WKST=' + move(wkst));
}

/** One HSDS schedule → our `meets` (only the rule parts the shared recurrence code reads). */
export function hsdsMeets(schedule: Obj, options: HsdsOptions = {}): Obj | undefined {
  const opens = clock(schedule.opens_at);
  const date = day(schedule.dtstart) ?? day(schedule.valid_from);
  if (!opens || !date) return undefined;
  const closes = clock(schedule.closes_at);
  // The UTC offset of the times: their own ("18:30+10:00", "09:00Z"), else the schedule's `timezone` (hours).
  const tz = schedule.timezone;
  const offset = opens.offset ?? (typeof tz === 'number' && Math.abs(tz) <= 14 ? Math.round(tz * 60) : undefined);
  const local = parseWall(date) + opens.minutes * 6e4;
  if (!(local > -1e15)) return undefined;
  // Which zone the meeting recurs in, and its first wall time there:
  // - a configured IANA zone keeps daylight saving; an offset on the time says which instant the first meeting
  //   is, read on that zone's clock (a feed's `timezone` number is only the zone's offset, so it is ignored);
  // - else a whole-hour offset is the matching Etc/GMT zone, which keeps the feed's own dates and days;
  // - else (+05:30, -03:30: no such zone) the time is moved to UTC, and its days with it when that crosses
  //   midnight (see shiftRule). An offset never changes, so a fixed zone recurs exactly as the feed meant;
  // - no offset at all: UTC.
  const etc = offset === 0 ? 'UTC' : offset! % 60 == 0 ? `Etc/GMT${offset! > 0 ? '-' : '+'}${Math.abs(offset! / 60)}` : '';
  let timeZone = options.timeZone;
  let wall = local;
  // Each zone asked about once (`knownZone`): the browser's answer for one it does not know, or for '' (a service with
  // no offset), is an exception that costs as much as making a date formatter, which a feed paid for every service.
  if (timeZone) {
    if (opens.offset !== undefined && knownZone(timeZone)) wall = wallTime(timeZone, local - opens.offset * 6e4);
  } else if (knownZone(etc)) timeZone = etc;
  else ((timeZone = 'UTC'), (wall = local - (offset ?? 0) * 6e4));
  const shift = Math.floor(wall / DAY) - Math.floor(local / DAY);
  const freq = str(schedule.freq)?.toUpperCase();
  let rule: string[] | undefined = [];
  if (freq && /^(DAILY|WEEKLY|MONTHLY)$/.test(freq)) {
    rule.push(`FREQ=${freq}`);
    const interval = schedule.interval;
    if (typeof interval === 'number' && interval > 1) rule.push(`INTERVAL=${interval}`);
    if (str(schedule.byday)) rule.push(`BYDAY=${str(schedule.byday)!.replace(/\s/g, '').toUpperCase()}`);
    if (str(schedule.bymonthday)) rule.push(`BYMONTHDAY=${str(schedule.bymonthday)!.replace(/\s/g, '')}`);
    const until = day(schedule.until) ?? day(schedule.valid_to);
    if (typeof schedule.count === 'number' && schedule.count > 0) rule.push(`COUNT=${schedule.count}`);
    // The last day moves with the start, or a daily meeting just after local midnight would run a day long.
    else if (parseWall(until ?? '') > -1e15) rule.push('UNTIL=' + isoDate(parseWall(until!) + shift * DAY).replace(/-/g, ''));
    if (str(schedule.wkst)) rule.push(`WKST=${str(schedule.wkst)!.toUpperCase()}`);
  }
  // Minutes between the two instants (a closing time without an offset has the opening's).
  const duration = closes ? closes.minutes - (closes.offset ?? opens.offset ?? 0) - opens.minutes + (opens.offset ?? 0) : 0;
  const start = new Date(wall).toISOString().slice(0, 16);
  let rrule = (rule = shiftRule(rule, shift))?.join(';');
  try {
    // A rule the shared recurrence code cannot read, or one that ends before it starts: keep the first meeting and the text.
    if (rrule && endsBeforeStart({ start, timeZone }, parseRRule(rrule))) rrule = undefined;
  } catch {
    rrule = undefined;
  }
  return {
    start,
    timeZone,
    ...(duration > 0 ? { durationMinutes: duration } : {}),
    ...(rrule ? { rrule } : {}),
  };
}

const phoneNumber = (p: Obj): string | undefined => str(p.number)?.replace(/^["'\s]+|["'\s]+$/g, '');

/** Maps one HSDS service to a raw support group (validate it before use). */
export function hsdsToGroup(service: Obj, index: number, options: HsdsOptions = {}): Obj {
  const org = obj(service.organization);
  const sal = arr(service.service_at_locations);
  const location = obj(sal[0]?.location);
  const address = arr(location.addresses).find((a) => a.address_type !== 'postal') ?? arr(location.addresses)[0] ?? {};
  const schedules = [...arr(service.schedules), ...arr(sal[0]?.schedules), ...arr(location.schedules)];
  const phones = [...arr(service.phones), ...arr(sal[0]?.phones), ...arr(location.phones), ...arr(org.phones)];
  const contacts = [...arr(service.contacts), ...arr(sal[0]?.contacts)];

  const cancerTypes: string[] = [];
  const audiences: string[] = [];
  for (const attribute of arr(service.attributes)) {
    const term = obj(attribute.taxonomy_term);
    const taxonomy = `${str(term.taxonomy) ?? ''} ${str(obj(term.taxonomy_detail).name) ?? ''} ${str(attribute.label) ?? ''}`.toLowerCase();
    const value = (str(term.name) ?? str(attribute.value) ?? '').toLowerCase();
    if (AUDIENCE[value] && !/cancer|condition|diagnos/.test(taxonomy)) audiences.push(AUDIENCE[value]!);
    else if (/cancer|condition|diagnos|tumou?r/.test(taxonomy) && value) cancerTypes.push(value.replace(/\s+cancers?$/, ''));
  }

  const formats = new Set<string>();
  const type = str(location.location_type);
  if (type === 'physical') formats.add('in-person');
  if (type === 'virtual') formats.add('online');
  const attending = schedules
    .map((s) => str(s.attending_type) ?? '')
    .join(' ')
    .toLowerCase();
  if (/video/.test(attending)) formats.add('video');
  if (/online|remote|virtual|zoom/.test(attending)) formats.add('online');
  if (/phone|telephone/.test(attending)) formats.add('phone');
  if (/in[- ]person|on[- ]site|face to face/.test(attending)) formats.add('in-person');
  if (!formats.size) formats.add(type === 'physical' || address.address_1 ? 'in-person' : phones.length ? 'phone' : 'online');

  // Cost as one of our kinds: any amount above 0 is paid, amounts of 0 or fees described as free are free; the
  // feed's own words (fees_description, an option's `option`) become the note.
  const costOptions = arr(service.cost_options);
  const costs = costOptions.map((c) => c.amount).filter((a): a is number => typeof a === 'number');
  const fees = str(service.fees_description);
  const costType = costs.some((a) => a > 0) ? 'paid' : costs.length || /\bfree\b|no (cost|charge)/i.test(fees ?? '') ? 'free' : undefined;
  const note = fees ?? uniq(costOptions.map((c) => str(c.option))).join('; ');
  const cost = costType && { type: costType, ...(note && { note }) };

  const lat = num(location.latitude, 90);
  const lon = num(location.longitude, 180);
  const meets = schedules.map((s) => hsdsMeets(s, options)).find(Boolean);
  // A website that is not http(s) (javascript:, a typo) loses the link, not the whole service.
  const url = postHref(str(service.url) ?? null) ?? postHref(str(org.website) ?? null);
  const phone = phoneNumber(phones.find((p) => !p.type || p.type === 'voice') ?? phones[0] ?? {});
  const email = str(service.email) ?? str(contacts.find((c) => str(c.email))?.email) ?? str(org.email);
  const hasLocation = Object.keys(location).length > 0;
  const group: Obj = {
    id: str(service.id) ?? `hsds-${index + 1}`,
    name: str(service.name),
    description: str(service.description),
    organization: str(org.name),
    cancerTypes: uniq(cancerTypes),
    audiences: uniq(audiences),
    formats: [...formats],
    // A language's code, else its name ("Spanish"): the group schema makes both a tag.
    languages: uniq([...arr(service.languages), ...arr(location.languages)].map((l) => str(l.code)?.toLowerCase() ?? str(l.name))),
    cost,
    location: hasLocation
      ? {
          address: uniq([str(address.address_1), str(address.address_2)]).join(', ') || str(location.name),
          suburb: str(address.city),
          postcode: str(address.postal_code),
          state: str(address.state_province),
          country: str(address.country),
          lat: lat !== undefined && lon !== undefined ? lat : undefined,
          lon: lat !== undefined && lon !== undefined ? lon : undefined,
        }
      : undefined,
    meets,
    schedule: uniq(schedules.map((s) => str(s.description))).join(' ') || undefined,
    contact: { phone, email, url },
    accessibility: uniq(arr(location.accessibility).map((a) => str(a.description))).join(' ') || undefined,
    lastReviewed: day(service.assured_date) ?? day(service.last_modified),
  };
  return prune(group) as Obj;
}

/** Drops undefined fields and empty objects, so optional fields are absent rather than `undefined`. */
function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune);
  if (!v || typeof v !== 'object') return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    const p = prune(x);
    if (p !== undefined && !(p && typeof p === 'object' && !Array.isArray(p) && !Object.keys(p).length)) out[k] = p;
  }
  return out;
}

/** The active services of a feed, each with its place in the feed. */
const active = (data: unknown) =>
  hsdsServices(data)
    .map((s, i) => [s, i] as const)
    .filter(([s]) => !s.status || s.status === 'active');

/** Active services of a feed as raw groups. */
export const hsdsToGroups = (data: unknown, options: HsdsOptions = {}): Obj[] => active(data).map(([s, i]) => hsdsToGroup(s, i, options));

/** The most pages of a paged HSDS API answer that are read: 1,000 services at the usual 50 a page. */
export const HSDS_PAGES = 20;

/**
 * The services of a feed on every page: `first` is the answer from `url`. A paged HSDS API answer (`page_number`
 * below `total_pages`) is followed page by page, asking `get` for the same address with the HSDS API's `page`
 * parameter set, up to HSDS_PAGES; without `get` (a file) only the first page is read. `cut` tells editors why
 * services are missing. A page that cannot be fetched fails as the first would.
 */
export async function hsdsPages(
  url: string,
  first: unknown,
  get?: (url: string) => Promise<unknown>,
): Promise<{ services: Obj[]; cut?: string }> {
  const services = hsdsServices(first);
  const { total_pages: pages, total_items: items } = obj(first);
  for (let page = obj(first), read = 1; ; read++) {
    const at = page.page_number;
    if (typeof at != 'number' || typeof pages != 'number' || at >= pages) return { services };
    const cut = (why: string, fix = '') => ({
      services,
      cut: `The feed has ${pages} pages, ${why}: only ${services.length} of its ${typeof items == 'number' ? items : 'more'} services are listed.${fix}`,
    });
    if (!get) return cut('and only the first is in this file', ' Save every page’s services in it.');
    if (read == HSDS_PAGES)
      return cut(
        `and the first ${read} are read`,
        ' Ask for more services a page if the feed allows it (per_page in its address: ?per_page=200).',
      );
    const next = new URL(url);
    next.searchParams.set('page', String(at + 1));
    page = obj(await get(next.href));
    // A server that ignores `page` answers with the first page again: its services would all be repeats.
    if (page.page_number !== at + 1) return cut(`but asking for page ${at + 1} (the HSDS page parameter) gave another`);
    services.push(...hsdsServices(page));
  }
}

/** Services mapped in one step (at 4× CPU one takes a few tenths of a millisecond: a step is a few ms). */
const STEP = 20;

/** A feed's groups; `cut`: why some of its services are not among them (for editors). */
export type HsdsGroups = Obj[] & { cut?: string };

/**
 * Fetches an HSDS feed (no credentials), every page of a paged API answer (see hsdsPages), and maps it; throws a
 * FetchError with a plain message. The services are mapped in tasks of a few milliseconds (`inSlices`), `STEP` at a
 * time: 20,000 of them took about a second in one task on a phone.
 */
export async function fetchHsds(url: string, options: HsdsOptions & { signal?: AbortSignal } = {}): Promise<HsdsGroups> {
  const { signal = new AbortController().signal } = options;
  const get = async (at: string) => (await fetchJson(at, { signal })).data;
  const { services, cut } = await hsdsPages(url, await get(url), get);
  const list = active(services);
  const groups = await inSlices(
    (function* () {
      const out: Obj[] = [];
      for (const [s, i] of list) if (out.push(hsdsToGroup(s, i, options)) % STEP == 0) yield;
      return out;
    })(),
    signal,
  );
  return Object.assign(groups, cut && { cut });
}
