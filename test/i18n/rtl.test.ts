// In a right-to-left page, values keep their own order: a phone number's digit groups stay 0113 496 0000 and a
// hashtag keeps its # in front. Measured where the browser draws each character, not by reading the markup.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { TemplateResult } from 'lit';
import '../../src/define/all.js';
import { bcsm, weekStart } from '../../stories/data/chat-schedule.js';
import { registerLocale } from '../../src/core/i18n/registry.js';
import ar from '../../src/i18n/locales/ar.js';
import ur from '../../src/i18n/locales/ur.js';
import { setViewport } from '@web/test-runner-commands';
import * as supportGroupsStories from '../../stories/support-groups.stories.js';
import { renderStory, widgetsIn, type Meta, type Story } from '../helpers/stories.js';
import { clippedText, expandAll, overflowProblems } from '../a11y/checks.js';

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

/** The widget `tag` in `page` (a right-to-left one), once `ready` is drawn: its shadow root. */
async function shownRtl(page: TemplateResult, tag: string, ready: string): Promise<ShadowRoot> {
  const el = (await fixture<HTMLElement>(page)).querySelector(tag)!;
  await waitUntil(() => el.shadowRoot?.querySelector(ready), `no ${ready}`);
  expect(getComputedStyle(el).direction).to.equal('rtl');
  return el.shadowRoot!;
}

describe('right-to-left pages keep values in their own order', () => {
  it('a phone number reads 0113 496 0000 in an Arabic page, on the card and its call button', async () => {
    const root = await shownRtl(
      html`<div lang="ar">
      <care-support-groups
        .config=${{ urlState: false, groups: [{ id: 'leeds', name: 'مجموعة دعم', formats: ['phone'], contact: { phone: '0113 496 0000' } }] }}
      ></care-support-groups>
    </div>`,
      'care-support-groups',
      'a[href^="tel:"]',
    );
    // Left to right on screen: the area code first, the last group last.
    expect(charX(root, '0113 496 0000', 0)).to.be.below(charX(root, '0113 496 0000', 9));
  });

  it('an English group name and organisation end with their own punctuation in an Arabic page, and line up with the card', async () => {
    const root = await shownRtl(
      html`<div lang="ar" style="width: 600px">
      <care-support-groups
        .config=${{ urlState: false, groups: [{ id: 'g', name: 'Look Good Feel Better!', organization: 'Macmillan Cancer Support Ltd.' }] }}
      ></care-support-groups>
    </div>`,
      'care-support-groups',
      '.group .org',
    );
    // Left to right on screen, as English reads: the "!" and the "." last, not before the first word.
    for (const value of ['Look Good Feel Better!', 'Macmillan Cancer Support Ltd.'])
      expect(charX(root, value, 0), value).to.be.below(charX(root, value, value.length - 1));
    // Both end at the card's start edge (its right, in Arabic), as the rest of the card's lines do.
    const right = (selector: string) => {
      const range = document.createRange();
      range.selectNodeContents(root.querySelector(selector)!);
      return range.getBoundingClientRect().right;
    };
    expect(right('.group .org')).to.be.closeTo(right('.group .name'), 1);
  });

  it('a chat title "#bcsm weekly chat" keeps its # in front in an Urdu page', async () => {
    const root = await shownRtl(
      html`<div lang="ur">
      <care-chat-schedule .config=${{ chats: [bcsm] }} now=${weekStart} time-zone="Asia/Karachi"></care-chat-schedule>
    </div>`,
      'care-chat-schedule',
      '[part=chat]',
    );
    expect(charX(root, '#bcsm weekly chat', 0)).to.be.below(charX(root, '#bcsm weekly chat', 1));
  });
});

// Counts are isolated too ("6 groups" must not read "groups 6" next to a neutral or left-to-right run), and the
// isolation must not cost the layout: an Arabic page at 320 px wide with 200% text, 10,000 groups included.
describe('counts in a right-to-left page', function () {
  this.timeout(60000);
  const meta = supportGroupsStories.default as Meta;
  afterEach(async () => {
    document.documentElement.style.fontSize = '';
    await setViewport({ width: 800, height: 600 });
  });

  it('the group count, the "Show N groups" button and the filter counts keep their numbers isolated', async () => {
    const host = await renderStory('ar-count', meta, supportGroupsStories.FullList as unknown as Story, '', 8000, 'ar');
    const root = widgetsIn(host)[0]!.shadowRoot!;
    for (const selector of ['#count bdi', 'button.show bdi', '.filters .n bdi']) {
      const number = root.querySelector(selector);
      expect(number, selector).to.not.equal(null);
      expect(getComputedStyle(number!).unicodeBidi, selector).to.equal('isolate');
      expect(number!.textContent, selector).to.match(/^[\d٠-٩۰-۹,٬.]+$/);
    }
  });

  it('an English fallback on a right-to-left page without a language file reads "6 groups", not "groups 6"', async () => {
    const groups = Array.from({ length: 6 }, (_, i) => ({ id: `g${i}`, name: `گروه ${i}` }));
    const page = await fixture<HTMLDivElement>(
      html`<div lang="fa"><care-support-groups .config=${{ urlState: false, groups }}></care-support-groups></div>`,
    );
    const el = page.querySelector('care-support-groups')!;
    await waitUntil(() => el.shadowRoot?.querySelector('#count'), 'no count', { timeout: 5000 });
    expect(getComputedStyle(el).direction).to.equal('rtl');
    const count = el.shadowRoot!.querySelector('#count')!;
    expect(count.textContent!.trim()).to.equal('6 groups');
    // Drawn left to right: the number before the word, as English reads.
    const x = (node: Node, i: number) => {
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      return r.getBoundingClientRect().left;
    };
    const walker = document.createTreeWalker(count, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue!.trim()) texts.push(n as Text);
    const six = texts.find((t) => t.nodeValue!.includes('6'))!;
    const word = texts.find((t) => t.nodeValue!.includes('groups'))!;
    expect(x(six, six.nodeValue!.indexOf('6'))).to.be.below(x(word, word.nodeValue!.indexOf('g')));
  });

  for (const key of ['TenThousand', 'FullList', 'Filtered', 'NearPostcode']) {
    it(`${key} in Arabic at 320 px and 200% text: nothing scrolls sideways or is cut off`, async () => {
      await setViewport({ width: 320, height: 800 });
      document.documentElement.style.fontSize = '200%';
      const story = (supportGroupsStories as Record<string, unknown>)[key] as Story;
      const host = await renderStory(`ar-${key}`, meta, story, 'padding-inline: 1rem', 8000, 'ar');
      expect(overflowProblems(host, 320), 'overflow').to.deep.equal([]);
      expect(clippedText(host), 'clipped text').to.deep.equal([]);
      await expandAll(host);
      expect(overflowProblems(host, 320), 'overflow, disclosures open').to.deep.equal([]);
      expect(clippedText(host), 'clipped text, disclosures open').to.deep.equal([]);
    });
  }
});
