import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
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

describe('<care-support-groups> call links', () => {
  it('dial the first number, with a vanity number’s letters as a keypad has them, and show it as written', async () => {
    const phones = ['1-800-4-CANCER', '1-800-ACS-2345', '13 11 20 / 13 14 50', '9999 0000, 9999 0001', '0800 707 6060 #2'];
    const groups = phones.map((phone, i) => ({ id: `g${i}`, name: `Group ${i}`, contact: { phone } }));
    const el = await fixture<CareSupportGroups>(html`<care-support-groups .config=${{ groups, urlState: false }}></care-support-groups>`);
    await waitUntil(() => el.shadowRoot?.querySelectorAll('.group').length === 5, 'no groups');
    const calls = [...el.shadowRoot!.querySelectorAll('.group a[href^="tel:"]')];
    expect(calls.map((a) => [a.getAttribute('href'), a.querySelector('bdi')!.textContent])).to.deep.equal([
      ['tel:18004226237', '1-800-4-CANCER'],
      ['tel:18002272345', '1-800-ACS-2345'],
      ['tel:131120', '13 11 20 / 13 14 50'],
      ['tel:99990000', '9999 0000, 9999 0001'],
      ['tel:08007076060', '0800 707 6060 #2'],
    ]);
  });
});
