// A page's language can change at run time (a language switcher), and config text can be given per language.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/define/care-support-groups.js';

const names = (el: Element) => [...el.shadowRoot!.querySelectorAll('.group h3, .group h2, .group h4')].map((h) => h.textContent!.trim());

describe('language at run time and per-language config text', () => {
  it('shows the name for the page’s language, follows a lang change, and turns right to left for Arabic', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="en">
      <care-support-groups
        .config=${{
          urlState: false,
          groups: [{ id: 'b', name: { en: 'Breast cancer support', es: 'Apoyo para cáncer de mama' }, formats: ['online'] }],
        }}
      ></care-support-groups>
    </div>`);
    const el = page.querySelector('care-support-groups')!;
    await waitUntil(() => names(el).length, 'no group');
    expect(names(el)).to.deep.equal(['Breast cancer support']);
    expect(getComputedStyle(el).direction).to.equal('ltr');

    page.lang = 'es-MX';
    await waitUntil(() => names(el)[0] === 'Apoyo para cáncer de mama', `still shows ${names(el)}`);

    // No Arabic name given: the chain ends in English, and the widget turns right to left.
    page.lang = 'ar';
    await waitUntil(() => getComputedStyle(el).direction === 'rtl', 'did not turn right to left');
    expect(names(el)).to.deep.equal(['Breast cancer support']);
  });
});
