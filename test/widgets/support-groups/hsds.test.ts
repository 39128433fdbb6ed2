import { expect } from '@open-wc/testing';
import { hsdsToGroups, hsdsMeets, hsdsServices } from '../../../src/sources/hsds.js';
import { groupSchema } from '../../../src/widgets/support-groups/support-groups.schema.js';
import { nextOccurrence } from '../../../src/core/time/recurrence.js';

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
    expect(g.cost).to.equal('paid');
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
    expect(g.meets).to.deep.equal({ start: '2020-04-01T09:00', timeZone: 'UTC', durationMinutes: 180, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH;UNTIL=20201220' });
    expect(nextOccurrence(g.meets!, new Date('2020-04-01T13:00:00Z'))!.start.toISOString()).to.equal('2020-04-02T09:00:00.000Z');
  });

  it('turns a UTC offset into a fixed zone when no IANA zone is given, and prefers the IANA zone', () => {
    expect(hsdsMeets({ dtstart: '2026-03-01', opens_at: '18:00', timezone: 10 })!.timeZone).to.equal('Etc/GMT-10');
    expect(hsdsMeets({ dtstart: '2026-03-01', opens_at: '18:00', timezone: 10 }, { timeZone: 'Australia/Sydney' })!.timeZone).to.equal('Australia/Sydney');
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
        },
        { id: 's2', name: 'Closed group', status: 'inactive' },
      ],
    });
    expect(groups).to.have.length(1);
    const g = groupSchema.parse(groups[0]);
    expect(g.cancerTypes).to.deep.equal(['leukaemia', 'lymphoma']);
    expect(g.audiences).to.deep.equal(['carer', 'family']);
    expect(g.formats).to.deep.equal(['phone']);
    expect(g.cost).to.equal('free');
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
