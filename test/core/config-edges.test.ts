// Edges of the shared element's config and language handling that a review found wrong: a page-language switch in
// the task that sets a new config, a config that is not an object, a `lang` set on an ancestor in between, message
// overrides naming Object's own properties, and a config script whose type is not written in lower case.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/define/care-chat-schedule.js';
import '../../src/define/care-support-groups.js';
import '../../src/define/care-hashtag-feed.js';
import { features, type CareSupportGroups } from '../../src/widgets/support-groups/support-groups.js';
import { mergeHsds } from '../../src/widgets/support-groups/merge-hsds.js';
import { lazy } from '../../src/core/lazy.js';
import { CareConfigErrorEvent } from '../../src/core/events.js';
import { weekStart } from '../../stories/data/chat-schedule.js';

const text = (el: Element, sel = '') =>
  ((sel ? el.shadowRoot!.querySelector(sel) : el.shadowRoot)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const realHsds = features.hsds;
afterEach(() => (features.hsds = realHsds));

describe('config and language edges', () => {
  it('a new config set in the task that switches the page language: the old config\u2019s answers never come back', async () => {
    let calls = 0;
    features.hsds = lazy(async () => ({
      fetchHsds: (_url: string, { signal }: { signal: AbortSignal }) => (
        calls++,
        new Promise((resolve, reject) =>
          setTimeout(
            () =>
              signal.aborted
                ? reject(new DOMException('aborted', 'AbortError'))
                : resolve([{ id: 'zeta', name: 'Zeta from the old feed' }]),
            500,
          ),
        )
      ),
      mergeHsds,
    })) as typeof features.hsds;
    const names = (el: Element) => [...el.shadowRoot!.querySelectorAll('.group .name')].map((n) => n.textContent!.trim()).join('|');
    const old = { urlState: false, groups: [{ id: 'a', name: { en: 'Alpha', es: 'Alfa' } }], hsds: { url: '/old-feed.json' } };
    const el = await fixture<CareSupportGroups>(html`<care-support-groups .config=${old}></care-support-groups>`);
    await waitUntil(() => names(el) == 'Alpha', 'the first config not shown', { timeout: 4000 });
    el.config = { urlState: false, groups: [{ id: 'b', name: 'Beta' }] } as CareSupportGroups['config'];
    el.setAttribute('lang', 'es');
    await waitUntil(() => names(el) == 'Beta', 'the new config not shown', { timeout: 4000 });
    await sleep(900);
    await el.updateComplete;
    expect(names(el), 'still the new config alone after the old feed would have answered').to.equal('Beta');
    expect(calls).to.be.at.most(2);
  });

  for (const tag of ['care-chat-schedule', 'care-support-groups', 'care-hashtag-feed'])
    it(`${tag}: a config that is not an object is named at (root)`, async () => {
      for (const config of ['null', '[]', '"x"', '5']) {
        const el = document.createElement(tag) as HTMLElement & { config: unknown };
        el.config = config;
        const event = new Promise<CareConfigErrorEvent>((resolve) =>
          el.addEventListener('care-config-error', (e) => resolve(e as CareConfigErrorEvent)),
        );
        document.body.append(el);
        const { detail } = await event;
        expect(
          detail.issues.map((i) => i.path),
          config,
        ).to.deep.equal(['(root)']);
        await waitUntil(() => el.shadowRoot!.querySelector('[part=error] code'), 'no problem panel', { timeout: 4000 });
        expect(text(el, '[part=error] code')).to.equal('(root)');
        el.remove();
      }
    });

  it('a lang set on an ancestor between the widget and the one it read its language from is followed', async () => {
    const wrap = await fixture(
      html`<div lang="en"><section><care-chat-schedule now=${weekStart} .config=${{ chats: [], heading: { en: 'English heading', es: 'Título en español' } }}></care-chat-schedule></section></div>`,
    );
    const el = wrap.querySelector('care-chat-schedule')!;
    await waitUntil(() => text(el, '[part=heading]') == 'English heading', 'no heading', { timeout: 4000 });
    wrap.querySelector('section')!.setAttribute('lang', 'es');
    await waitUntil(() => text(el, '[part=heading]') == 'Título en español', 'the heading did not follow the section\u2019s lang', {
      timeout: 4000,
    });
  });

  it('a message override fills only the values given, not names Object has ({constructor}, {toString})', async () => {
    const el = await fixture(
      html`<care-chat-schedule now=${weekStart} time-zone="UTC" .config=${{ chats: [], messages: { utc: 'Times: {constructor} {toString} {__proto__}' } }}></care-chat-schedule>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.zone'), 'no zone line', { timeout: 4000 });
    expect(text(el, '.zone')).to.equal('Times: {constructor} {toString} {__proto__}');
    const zone = await fixture(
      html`<care-chat-schedule now=${weekStart} time-zone="Europe/Paris" .config=${{ chats: [], messages: { zone: 'In {zone}, not {hasOwnProperty}' } }}></care-chat-schedule>`,
    );
    await waitUntil(() => zone.shadowRoot!.querySelector('.zone'), 'no zone line', { timeout: 4000 });
    expect(text(zone, '.zone')).to.match(/^In .+, not \{hasOwnProperty\}$/);
  });

  it('an inline config whose script type is written in capitals is read again when a CMS edits it', async () => {
    const el = await fixture(
      html`<care-chat-schedule now=${weekStart}><script type="Application/JSON">{"chats": [], "heading": "First"}</script></care-chat-schedule>`,
    );
    await waitUntil(() => text(el, '[part=heading]') == 'First', 'the inline config not read', { timeout: 4000 });
    el.querySelector('script')!.textContent = '{"chats": [], "heading": "Second"}';
    await waitUntil(() => text(el, '[part=heading]') == 'Second', 'the edit was not read', { timeout: 4000 });
  });
});
