import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/define/care-support-groups.js';
import { closestAttribute } from '../../src/core/dom.js';
import { langAndDir } from '../../src/core/dom.js';

/** `<div time-zone lang>` → shadow root → `<section>` → shadow root → the element: two shadow boundaries. */
async function nested(inner: string, attrs: { zone?: string; lang?: string } = {}): Promise<Element> {
  const outer = await fixture<HTMLDivElement>(html`<div time-zone=${attrs.zone ?? 'Europe/London'} lang=${attrs.lang ?? 'es'}></div>`);
  const a = document.createElement('div');
  outer.attachShadow({ mode: 'open' }).append(a);
  const b = document.createElement('section');
  a.append(b);
  b.attachShadow({ mode: 'open' }).innerHTML = inner;
  return b.shadowRoot!.firstElementChild!;
}

describe('closestAttribute', () => {
  it('finds the nearest value across shadow roots, nearest first, empty values skipped', async () => {
    const el = await nested('<span lang=""></span>');
    expect(closestAttribute(el, 'time-zone')).to.equal('Europe/London');
    expect(closestAttribute(el, 'lang')).to.equal('es');
    expect(langAndDir(el).lang).to.equal('es');
    el.setAttribute('time-zone', 'Asia/Tokyo');
    expect(closestAttribute(el, 'time-zone')).to.equal('Asia/Tokyo');
    expect(closestAttribute(el, 'data-nothing')).to.equal(undefined);
  });

  it('lets <care-support-groups> inside nested shadow trees show times in the page’s time-zone', async () => {
    const el = (await nested('<care-support-groups></care-support-groups>')) as HTMLElement & { config: unknown };
    el.config = {
      groups: [
        {
          id: 'g',
          name: 'Evening group',
          formats: ['online'],
          meets: { start: '2026-01-06T18:00', timeZone: 'Australia/Sydney', rrule: 'FREQ=WEEKLY;BYDAY=TU' },
        },
      ],
      urlState: false,
    };
    await waitUntil(() => el.shadowRoot?.querySelector('.group time'), 'no next meeting shown');
    const time = el.shadowRoot!.querySelector('.group time')!;
    // 18:00 Sydney on a Tuesday is 07:00 GMT (Sydney summer) or 09:00 BST (Sydney winter) in London.
    expect(time.textContent).to.match(/(7:00|9:00)/);
    expect(time.textContent).not.to.match(/6:00 PM/);
  });
});
