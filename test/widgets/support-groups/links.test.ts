import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/care-support-groups.js';
import type { CareSupportGroups } from '../../../src/widgets/support-groups/support-groups.js';

describe('<care-support-groups> links to other sites', () => {
  it('follow the one external-link policy: no opener, no Referer', async () => {
    const groups = await (await fetch('/test/fixtures/support-groups/groups.json')).json();
    const el = await fixture<CareSupportGroups>(
      html`<care-support-groups .config=${{ ...groups, urlState: false }}></care-support-groups>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('.group'), 'no groups');
    const external = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[href^="http"]')];
    expect(external.length).to.be.greaterThan(0);
    for (const a of external) {
      expect(a.rel.split(' '), a.href).to.include.members(['noopener', 'noreferrer']);
      expect(a.referrerPolicy, a.href).to.equal('no-referrer');
    }
  });
});
