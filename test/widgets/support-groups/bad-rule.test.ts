// A repeat rule whose next date is past JavaScript's dates (INTERVAL=100000000 from a past start) is a config
// problem on its group, not an error that takes the whole directory down.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import '../../../src/define/care-support-groups.js';
import { features, type CareSupportGroups } from '../../../src/widgets/support-groups/support-groups.js';
import { lazy } from '../../../src/core/lazy.js';

type El = CareSupportGroups;
const real = { ...features };
const names = (el: El) => [...el.shadowRoot!.querySelectorAll('.group .name')].map((n) => n.textContent!.trim());
const huge = { start: '2024-01-01T18:00', timeZone: 'UTC', rrule: 'FREQ=DAILY;INTERVAL=100000000' };
const ok = { id: 'ok', name: 'Weekly Circle', meets: { start: '2024-01-01T18:00', timeZone: 'UTC', rrule: 'FREQ=WEEKLY' } };

let warn = console.warn;
beforeEach(() => ((warn = console.warn), (console.warn = () => {})));
afterEach(() => ((console.warn = warn), Object.assign(features, real)));

describe('<care-support-groups> a repeat rule past the calendar', () => {
  it('skips and names the config group that has it, and shows the others', async () => {
    const config = { urlState: false, groups: [ok, { id: 'bad', name: 'Far Future', meets: huge }] };
    const el = await fixture<El>(html`<care-support-groups .config=${config}></care-support-groups>`);
    await waitUntil(() => names(el).length || el.shadowRoot!.querySelector('[role=alert]'), 'did not render', { timeout: 4000 });
    expect(names(el)).to.deep.equal(['Weekly Circle']);
    // Editors see which group was skipped, by its id, at its path, and why.
    const panel = () => (el.shadowRoot!.querySelector('details.panel')?.textContent ?? '').replace(/\s+/g, ' ');
    await waitUntil(() => panel().includes('(“bad”)'), 'the skipped group was not named', { timeout: 4000 });
    expect(panel()).to.include(
      'groups.1.meets.rrule (“bad”): Cannot read this repeat rule: INTERVAL must be a whole number from 1 to 1000, not "100000000".',
    );
  });

  it('shows an HSDS service with such a schedule (its first meeting only) beside the others', async () => {
    const { hsdsToGroups } = await import('../../../src/sources/hsds.js');
    const { mergeHsds } = await import('../../../src/widgets/support-groups/merge-hsds.js');
    const feed = [
      { id: 'far', name: 'Far Future', schedules: [{ opens_at: '18:00', dtstart: '2024-01-01', freq: 'DAILY', interval: 100000000 }] },
      { id: 'near', name: 'Daily Circle', schedules: [{ opens_at: '18:00', dtstart: '2024-01-01', freq: 'DAILY' }] },
    ];
    features.hsds = lazy(async () => ({ fetchHsds: async () => hsdsToGroups(feed), mergeHsds }) as never);
    const config = { urlState: false, groups: [ok], hsds: { url: '/feed.json' } };
    const el = await fixture<El>(html`<care-support-groups .config=${config}></care-support-groups>`);
    await waitUntil(() => names(el).length === 3 || el.shadowRoot!.querySelector('[role=alert]'), 'did not render', { timeout: 4000 });
    expect(names(el)).to.deep.equal(['Daily Circle', 'Far Future', 'Weekly Circle']);
  });
});
