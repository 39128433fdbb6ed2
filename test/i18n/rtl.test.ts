// In a right-to-left page, values keep their own order: a phone number's digit groups stay 0113 496 0000 and a
// hashtag keeps its # in front. Measured where the browser draws each character, not by reading the markup.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/all.js';
import { bcsm, weekStart } from '../../stories/data/chat-schedule.js';
import { registerLocale } from '../../src/core/i18n/registry.js';
import ar from '../../src/i18n/locales/ar.js';
import ur from '../../src/i18n/locales/ur.js';

// The pages' languages as a site that loaded their files has them (Arabic words around the values).
registerLocale('ar', ar);
registerLocale('ur', ur);

/** The x position of the character at `index` of the first text node under `root` that contains `text`. */
function charX(root: ShadowRoot, text: string, index: number): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.nodeValue!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at + index);
    range.setEnd(n, at + index + 1);
    return range.getBoundingClientRect().left;
  }
  throw new Error(`"${text}" is not shown`);
}

describe('right-to-left pages keep values in their own order', () => {
  it('a phone number reads 0113 496 0000 in an Arabic page, on the card and its call button', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="ar">
      <care-support-groups
        .config=${{ urlState: false, groups: [{ id: 'leeds', name: 'مجموعة دعم', formats: ['phone'], contact: { phone: '0113 496 0000' } }] }}
      ></care-support-groups>
    </div>`);
    const el = page.querySelector('care-support-groups')!;
    await waitUntil(() => el.shadowRoot?.querySelector('a[href^="tel:"]'), 'no call button');
    expect(getComputedStyle(el).direction).to.equal('rtl');
    const root = el.shadowRoot!;
    // Left to right on screen: the area code first, the last group last.
    expect(charX(root, '0113 496 0000', 0)).to.be.below(charX(root, '0113 496 0000', 9));
  });

  it('a chat title "#bcsm weekly chat" keeps its # in front in an Urdu page', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="ur">
      <care-chat-schedule .config=${{ chats: [bcsm] }} now=${weekStart} time-zone="Asia/Karachi"></care-chat-schedule>
    </div>`);
    const el = page.querySelector('care-chat-schedule')!;
    await waitUntil(() => el.shadowRoot?.querySelector('[part=chat]'), 'no chat');
    expect(getComputedStyle(el).direction).to.equal('rtl');
    const root = el.shadowRoot!;
    expect(charX(root, '#bcsm weekly chat', 0)).to.be.below(charX(root, '#bcsm weekly chat', 1));
  });
});
