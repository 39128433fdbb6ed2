import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-support-groups.js';
import type { CareSupportGroups } from '../../../src/widgets/support-groups/support-groups.js';
import { fetchHsds, HSDS_PAGES, hsdsToGroups, hsdsMeets, hsdsServices } from '../../../src/sources/hsds.js';
import { groupSchema, supportGroupsSchema } from '../../../src/widgets/support-groups/support-groups.schema.js';
import { validate } from '../../../src/core/config/validate.js';
import { nextOccurrence, occurrences } from '../../../src/core/time/recurrence.js';

const load = async (name: string) => (await fetch(`/test/fixtures/hsds/${name}`)).json();

describe('HSDS 3.1 import', () => {
  it('maps the full example service to a valid group', async () => {
    const [group] = hsdsToGroups(await load('hsds-3.1_service_full.json'), { timeZone: 'Europe/London' });
    const g = groupSchema.parse(group);
    expect(g.id).to.equal('ac148810-d857-441c-9679-408f346de14b');
    expect(g.name).to.equal('Community Counselling');
    expect(g.organization).to.equal('Example Organization Inc.');
    expect(g.contact?.phone).to.equal('+44 1234 234567');
    expect(g.contact?.email).to.equal('email@example.com');
    expect(g.contact?.url).to.equal('http://example.com/counselling');
    expect(g.languages).to.deep.equal(['ur']);
    expect(g.formats).to.have.members(['in-person', 'online', 'video']);
    expect(g.location?.suburb).to.equal('MyCity');
    expect(g.location?.postcode).to.equal('ABC 1234');
    expect(g.location?.address).to.equal('1-30 Main Street, MyVillage');
    // latitude 100 is out of range: dropped rather than failing the group.
    expect(g.location?.lat).to.equal(undefined);
    expect(g.accessibility).to.contain('induction loops');
    expect(g.cost!.type).to.equal('paid');
    expect(g.cost!.note).to.contain('£50 per hour');
    expect(g.lastReviewed).to.equal('2005-01-01');
    expect(g.meets).to.deep.include({ start: '2005-01-01T10:00', timeZone: 'Europe/London', durationMinutes: 480 });
    expect(g.meets?.rrule).to.contain('FREQ=WEEKLY').and.contain('BYDAY=TH,FR').and.contain('COUNT=3');
    expect(g.schedule).to.contain('10 am to 6pm');
  });

  it('reads a { services } list and maps recurring schedules; a UTC "Z" time is read in UTC', async () => {
    const data = await load('hsds-3.1_schedules_field-guidance_services.json');
    expect(hsdsServices(data)).to.have.length(1);
    const [group] = hsdsToGroups(data);
    const g = groupSchema.parse(group);
    expect(g.meets).to.deep.equal({
      start: '2020-04-01T09:00',
      timeZone: 'UTC',
      durationMinutes: 180,
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH;UNTIL=20201220',
    });
    expect(nextOccurrence(g.meets!, new Date('2020-04-01T13:00:00Z'))!.start.toISOString()).to.equal('2020-04-02T09:00:00.000Z');
  });

  it('turns a UTC offset into a fixed zone when no IANA zone is given, and prefers the IANA zone', () => {
    expect(hsdsMeets({ dtstart: '2026-03-01', opens_at: '18:00', timezone: 10 })!.timeZone).to.equal('Etc/GMT-10');
    expect(hsdsMeets({ dtstart: '2026-03-01', opens_at: '18:00', timezone: 10 }, { timeZone: 'Australia/Sydney' })!.timeZone).to.equal(
      'Australia/Sydney',
    );
    expect(hsdsMeets({ dtstart: '2026-03-01' })).to.equal(undefined);
  });

  it('takes cancer types and audiences from attributes and taxonomy terms, and skips inactive services', () => {
    const groups = hsdsToGroups({
      contents: [
        {
          id: 's1',
          name: 'Blood Cancer Carers',
          attributes: [
            { taxonomy_term: { name: 'Leukaemia', taxonomy: 'Cancer type' } },
            { taxonomy_term: { name: 'Lymphoma cancer', taxonomy_detail: { name: 'Cancer types' } } },
            { taxonomy_term: { name: 'Carers', taxonomy: 'Audience' } },
            { value: 'family', label: 'Who it is for' },
          ],
          phones: [{ number: '13 11 20' }],
          cost_options: [{ amount: 0 }],
          languages: [{ name: 'Spanish' }, { code: 'EN' }],
        },
        { id: 's2', name: 'Closed group', status: 'inactive' },
      ],
    });
    expect(groups).to.have.length(1);
    const g = groupSchema.parse(groups[0]);
    expect(g.cancerTypes).to.deep.equal(['leukaemia', 'lymphoma']);
    expect(g.audiences).to.deep.equal(['carer', 'family']);
    expect(g.formats).to.deep.equal(['phone']);
    expect(g.cost).to.deep.equal({ type: 'free' });
    // A language given by name becomes its tag.
    expect(g.languages).to.deep.equal(['es', 'en']);
  });
});

describe('HSDS: a bad website loses the link, not the service', () => {
  for (const bad of ['javascript:alert(1)', 'www.example.org', 'http://[broken']) {
    it(`keeps a service whose url is ${bad}`, () => {
      const [group] = hsdsToGroups([{ id: 's1', name: 'Carers circle', status: 'active', url: bad }]);
      expect(groupSchema.safeParse(group).success).to.equal(true);
      expect((group as { contact?: { url?: string } }).contact?.url).to.equal(undefined);
    });
  }
  it('keeps a good website', () => {
    const [group] = hsdsToGroups([{ id: 's1', name: 'Carers circle', status: 'active', url: 'https://example.org/carers' }]);
    expect((group as { contact?: { url?: string } }).contact?.url).to.equal('https://example.org/carers');
  });
});

describe('HSDS: times with a UTC offset', () => {
  const first = (schedule: Record<string, unknown>, options = {}) => {
    const meets = groupSchema.parse({ id: 'g', name: 'G', meets: hsdsMeets(schedule, options) }).meets!;
    return {
      meets,
      next: nextOccurrence(meets, new Date(Date.parse(`${schedule.dtstart}T00:00:00Z`) - 864e5))!,
      after: (iso: string) => nextOccurrence(meets, new Date(iso))!,
    };
  };
  const weekly = { dtstart: '2026-03-02', freq: 'WEEKLY', byday: 'MO' };

  it('applies the offset of "18:30+10:00" when the feed has no timezone (it was read as 18:30 UTC)', () => {
    const { meets, next, after } = first({ ...weekly, opens_at: '18:30+10:00', closes_at: '20:00+10:00' });
    expect(next.start.toISOString()).to.equal('2026-03-02T08:30:00.000Z');
    expect(next.end.toISOString()).to.equal('2026-03-02T10:00:00.000Z');
    expect(meets).to.deep.include({ start: '2026-03-02T18:30', timeZone: 'Etc/GMT-10', durationMinutes: 90 });
    // A fixed offset does not move with anyone's daylight saving: still 08:30 UTC in July.
    expect(after('2026-07-01T00:00:00Z').start.toISOString()).to.equal('2026-07-06T08:30:00.000Z');
  });

  it('reads "Z", negative and seconds-bearing offsets, and no offset as UTC', () => {
    expect(first({ ...weekly, opens_at: '18:30:00Z' }).next.start.toISOString()).to.equal('2026-03-02T18:30:00.000Z');
    expect(first({ ...weekly, opens_at: '18:30:00-0500' }).next.start.toISOString()).to.equal('2026-03-02T23:30:00.000Z');
    expect(first({ ...weekly, opens_at: '18:30:00.000+01:00' }).next.start.toISOString()).to.equal('2026-03-02T17:30:00.000Z');
    expect(first({ ...weekly, opens_at: '18:30' }).next.start.toISOString()).to.equal('2026-03-02T18:30:00.000Z');
  });

  it('asks the browser about each zone once, not once a service: a feed of times with no offset, or +14:00', () => {
    // Each service with no offset asked whether '' was a zone (an exception each time, as costly as a formatter: on
    // a phone most of the time a feed took to map). Asked once now, whichever test asked first.
    const asked: unknown[] = [];
    const real = Intl.DateTimeFormat;
    Intl.DateTimeFormat = new Proxy(real, {
      construct: (target, args) => (asked.push((args[1] as { timeZone?: unknown } | undefined)?.timeZone), Reflect.construct(target, args)),
    });
    try {
      for (let i = 0; i < 50; i++) {
        expect(hsdsMeets({ ...weekly, opens_at: '18:30' })).to.deep.include({ timeZone: 'UTC', start: '2026-03-02T18:30' });
        // Etc/GMT-14 is a zone; Etc/GMT+13 is not (times of -13:00 are moved to UTC, as a half hour is).
        expect(hsdsMeets({ ...weekly, opens_at: '18:30+14:00' })).to.deep.include({ timeZone: 'Etc/GMT-14' });
        expect(hsdsMeets({ ...weekly, opens_at: '18:30-13:00' })).to.deep.include({ timeZone: 'UTC' });
      }
    } finally {
      Intl.DateTimeFormat = real;
    }
    for (const zone of ['', 'Etc/GMT-14', 'Etc/GMT+13'])
      expect(asked.filter((z) => z === zone).length, `asked about "${zone}"`).to.be.at.most(1);
  });

  it('moves a half-hour offset to UTC, with the weekday when that crosses midnight', () => {
    const { meets, next, after } = first({ ...weekly, byday: 'MO,TH', opens_at: '02:00+05:30', closes_at: '03:00+05:30' });
    // 02:00 on Monday in India is 20:30 UTC on Sunday.
    expect(meets).to.deep.include({
      start: '2026-03-01T20:30',
      timeZone: 'UTC',
      durationMinutes: 60,
      rrule: 'FREQ=WEEKLY;BYDAY=SU,WE;WKST=SU',
    });
    expect(next.start.toISOString()).to.equal('2026-03-01T20:30:00.000Z');
    expect(after('2026-03-02T00:00:00Z').start.toISOString()).to.equal('2026-03-04T20:30:00.000Z');
    expect(first({ ...weekly, opens_at: '21:00-03:30' }).meets).to.deep.include({
      start: '2026-03-03T00:30',
      rrule: 'FREQ=WEEKLY;BYDAY=TU;WKST=TU',
    });
    // The last day moves too: three Mondays up to 16 March, local.
    const until = { ...weekly, until: '2026-03-16', opens_at: '21:00-03:30' };
    expect(occurrences(first(until).meets, new Date('2026-03-01Z'), 9).map((o) => o.start.toISOString())).to.deep.equal(
      ['2026-03-03', '2026-03-10', '2026-03-17'].map((d) => `${d}T00:30:00.000Z`),
    );
    const daily = { ...weekly, freq: 'DAILY', byday: undefined, until: '2026-03-03', opens_at: '02:00+05:30' };
    expect(occurrences(first(daily).meets, new Date('2026-03-01Z'), 9).map((o) => o.start.toISOString())).to.deep.equal(
      ['2026-03-01', '2026-03-02'].map((d) => `${d}T20:30:00.000Z`),
    );
    // Fortnightly Monday and Thursday, weeks from Monday: moving the week start with the days keeps the fortnights.
    const fortnight = first({ ...weekly, interval: 2, byday: 'MO,TH', opens_at: '02:00+05:30' });
    expect(occurrences(fortnight.meets, new Date('2026-03-01Z'), 4).map((o) => o.date)).to.deep.equal([
      '2026-03-01',
      '2026-03-04',
      '2026-03-15',
      '2026-03-18',
    ]);
    expect(first({ ...weekly, opens_at: '18:30+05:30' }).meets).to.deep.include({
      start: '2026-03-02T13:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
    });
    // "The second Tuesday" cannot move a day: the first meeting is kept, the rule is not guessed.
    const monthly = first({ dtstart: '2026-03-10', freq: 'MONTHLY', byday: '2TU', opens_at: '01:00+05:30' });
    expect(monthly.meets.start).to.equal('2026-03-09T19:30');
    expect(monthly.meets.rrule).to.equal(undefined);
  });

  it("with the feed's timezone too: the time's own offset tells the instant", () => {
    expect(first({ ...weekly, opens_at: '18:30+10:00', timezone: 11 }).next.start.toISOString()).to.equal('2026-03-02T08:30:00.000Z');
    expect(first({ ...weekly, opens_at: '18:30', timezone: 11 }).next.start.toISOString()).to.equal('2026-03-02T07:30:00.000Z');
  });

  it('with an IANA zone configured: the offset fixes the first meeting, the zone keeps daylight saving after it', () => {
    // 18:30+10:00 on 2 March is 08:30 UTC, which is 19:30 in Sydney's summer time (+11).
    const { meets, next, after } = first({ ...weekly, opens_at: '18:30+10:00' }, { timeZone: 'Australia/Sydney' });
    expect(meets).to.deep.include({ start: '2026-03-02T19:30', timeZone: 'Australia/Sydney' });
    expect(next.start.toISOString()).to.equal('2026-03-02T08:30:00.000Z');
    // In July, 19:30 Sydney winter time (+10).
    expect(after('2026-07-01T00:00:00Z').start.toISOString()).to.equal('2026-07-06T09:30:00.000Z');
    // No offset on the time: the configured zone's wall time, as before.
    expect(first({ ...weekly, opens_at: '18:30' }, { timeZone: 'Australia/Sydney' }).meets.start).to.equal('2026-03-02T18:30');
  });

  it('keeps the first meeting when the feed ends the schedule before it starts', () => {
    const m = hsdsMeets({ ...weekly, opens_at: '18:30', valid_to: '2025-12-31' })!;
    expect(m.rrule).to.equal(undefined);
    expect(groupSchema.safeParse({ id: 'g', name: 'G', meets: m }).success).to.equal(true);
  });
});

describe('the HSDS feed’s time zone', () => {
  it('is checked once where it is written, not reported on every group the feed brings', () => {
    const r = validate(supportGroupsSchema, { groups: [], hsds: { url: 'https://example.org/services.json', timeZone: 'Mars/Olympus' } });
    expect(r.errors.map((i) => i.path)).to.deep.equal(['hsds.timeZone']);
  });
});

describe('HSDS: a paged API answer', () => {
  const realFetch = window.fetch;
  afterEach(() => (window.fetch = realFetch));
  /** A feed of `pages` pages of `size` services (the last may be shorter), answering each page it is asked for. */
  const serve = (pages: number, size: number, total = pages * size, ignorePage = false) => {
    const asked: string[] = [];
    window.fetch = async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      asked.push(url);
      const page = ignorePage ? 1 : Number(new URL(url).searchParams.get('page') ?? 1);
      const first = (page - 1) * size;
      const contents = Array.from({ length: Math.max(0, Math.min(size, total - first)) }, (_, k) => ({
        id: `svc-${first + k + 1}`,
        name: `Service ${first + k + 1}`,
      }));
      return Response.json({ total_items: total, total_pages: pages, page_number: page, size: contents.length, contents });
    };
    return asked;
  };

  it('reads every page with the HSDS page parameter on the same address', async () => {
    const asked = serve(3, 50, 120);
    const groups = await fetchHsds('https://hsds.example.org/api/services?per_page=50');
    expect(groups.length).to.equal(120);
    expect(groups.cut).to.equal(undefined);
    expect(asked).to.deep.equal([
      'https://hsds.example.org/api/services?per_page=50',
      'https://hsds.example.org/api/services?per_page=50&page=2',
      'https://hsds.example.org/api/services?per_page=50&page=3',
    ]);
  });

  it(`reads at most ${HSDS_PAGES} pages and says how many services are missing`, async () => {
    const asked = serve(30, 5);
    const groups = await fetchHsds('https://hsds.example.org/api/services');
    expect(asked).to.have.length(HSDS_PAGES);
    expect(groups.length).to.equal(100);
    expect(groups.cut).to.equal(
      'The feed has 30 pages, and the first 20 are read: only 100 of its 150 services are listed. Ask for more services a page if the feed allows it (per_page in its address: ?per_page=200).',
    );
  });

  it('stops, and says so, when the server answers a page with another (it ignores the page parameter)', async () => {
    serve(3, 50, 120, true);
    const groups = await fetchHsds('https://hsds.example.org/api/services');
    expect(groups.length).to.equal(50);
    expect(groups.cut).to.match(
      /^The feed has 3 pages, but asking for page 2 \(the HSDS page parameter\) gave another: only 50 of its 120/,
    );
  });

  it('fails as the first page would when a later page cannot be fetched', async () => {
    serve(3, 50, 120);
    const paged = window.fetch;
    window.fetch = async (input: RequestInfo | URL) =>
      String(input instanceof Request ? input.url : input).includes('page=3') ? new Response('', { status: 500 }) : paged(input);
    let error: unknown;
    await fetchHsds('https://hsds.example.org/api/services').catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('The server answered with an error (HTTP 500).');
  });

  it('the finder lists every page’s groups, and names the cut for editors', async () => {
    serve(25, 2);
    const el = await fixture<CareSupportGroups>(
      html`<care-support-groups .config=${{ hsds: { url: 'https://hsds.example.org/api/services' }, urlState: false }}></care-support-groups>`,
    );
    const cards = () => el.shadowRoot!.querySelectorAll('.group').length;
    await waitUntil(() => el.shadowRoot!.querySelector('#count')?.textContent === '40 groups', 'the feed’s groups were not counted', {
      timeout: 4000,
    });
    expect(cards()).to.equal(20);
    const panel = () => (el.shadowRoot!.querySelector('details.panel, [part=error]')?.textContent ?? '').replace(/\s+/g, ' ');
    await waitUntil(() => panel().includes('hsds'), 'the cut was not named', { timeout: 4000 });
    expect(panel()).to.contain('hsds: The feed has 25 pages, and the first 20 are read: only 40 of its 50 services are listed.');
  });
});
