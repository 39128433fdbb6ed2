// WCAG 3.1.2 (language of parts): on a page in a language CareCircle has no words for (Welsh here), the widgets'
// own words fall back to English and are marked as English, so a screen reader speaks them as English, not with
// Welsh rules. What the page's editors wrote (a heading, a group's name, a chat's title) keeps the page's language,
// and a post keeps its own. A page in English, or in a language whose file is registered, gets no marks at all.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/define/all.js';
import { registerLocale } from '../../src/core/i18n/registry.js';
import es from '../../src/i18n/locales/es.js';
import { bcsm } from '../../stories/data/chat-schedule.js';
import { mockFetch, nurseStatus, json, type FetchMock } from '../widgets/hashtag-feed/helpers.js';

registerLocale('es', es);

const MASTO = 'https://lang.example';
let mock: FetchMock | undefined;
afterEach(() => {
  mock?.restore();
  mock = undefined;
});

/** The language an element's text is in, as a screen reader works it out: its nearest `lang`, across shadow roots. */
function langOf(node: Element): string {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null)
    if (n instanceof Element && n.hasAttribute('lang')) return n.getAttribute('lang')!;
  return '';
}

/** The innermost element whose own text includes `text`, in `root`. */
function holding(root: ShadowRoot, text: string): Element {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue!.includes(text)) return n.parentElement!;
  throw new Error(`"${text}" is not shown`);
}

async function shown(lang: string, widget: ReturnType<typeof html>, ready: string): Promise<ShadowRoot> {
  const page = await fixture<HTMLElement>(html`<div lang=${lang}>${widget}</div>`);
  const el = page.firstElementChild!;
  await waitUntil(() => el.shadowRoot?.querySelector(ready), `no ${ready}`);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el.shadowRoot!;
}

const feedConfig = {
  hashtag: 'bcsm',
  heading: 'Straeon cleifion',
  limit: 1,
  refreshSeconds: 0,
  sources: [{ type: 'mastodon', instance: MASTO }],
};
const feedPage = () => {
  mock = mockFetch(() =>
    json(
      [1, 2].map((id) => ({ ...nurseStatus(MASTO, id), language: 'fr' })),
      {
        headers: { link: `<${MASTO}/api/v1/timelines/tag/bcsm?max_id=2>; rel="next"` },
      },
    ),
  );
  return html`<care-hashtag-feed .config=${feedConfig}></care-hashtag-feed>`;
};

describe('the widgets\u2019 words in a language the page is not in are marked with theirs', () => {
  it('a feed on a Welsh page: its own words English, its heading Welsh, a post French', async () => {
    const root = await shown('cy', feedPage(), 'article');
    expect(langOf(holding(root, 'Show more posts'))).to.equal('en');
    expect(langOf(holding(root, 'These posts are from the public'))).to.equal('en');
    expect(langOf(holding(root, 'Straeon cleifion')), 'the editor\u2019s heading').to.equal('cy');
    expect(langOf(holding(root, 'Post 1')), 'a post, in its own language').to.equal('fr');
    await expect(root.host).to.be.accessible();
  });

  it('a feed on an English page or a Spanish one (its file registered) has no marks', async () => {
    for (const lang of ['en-GB', 'es']) {
      const root = await shown(lang, feedPage(), 'article');
      mock!.restore();
      expect(root.querySelectorAll('span[lang]:not(.content span)').length, lang).to.equal(0);
      expect(langOf(root.querySelector('.more')!), lang).to.equal(lang);
    }
  });

  it('support groups on a Welsh page: labels, buttons and details English, a group\u2019s name Welsh', async () => {
    const groups = [
      { id: 'a', name: 'Grŵp cymorth Caerdydd', audiences: ['carer'], contact: { phone: '029 2000 0000' } },
      { id: 'b', name: 'Grŵp Abertawe' },
    ];
    const root = await shown('cy', html`<care-support-groups .config=${{ urlState: false, groups }}></care-support-groups>`, '.card, li');
    expect(langOf(holding(root, 'Search for a support group'))).to.equal('en');
    expect(langOf(holding(root, 'Call'))).to.equal('en');
    expect(langOf(holding(root, 'For carers'))).to.equal('en');
    expect(langOf(holding(root, 'Grŵp cymorth Caerdydd'))).to.equal('cy');
    await expect(root.host).to.be.accessible();
  });

  it('a chat schedule on a Welsh page: its words English, a chat\u2019s title the page\u2019s', async () => {
    const root = await shown('cy', html`<care-chat-schedule .config=${{ chats: [bcsm] }}></care-chat-schedule>`, '[part=chat]');
    expect(langOf(holding(root, 'Add to calendar'))).to.equal('en');
    expect(langOf(holding(root, bcsm.title as string))).to.equal('cy');
    await expect(root.host).to.be.accessible();
  });

  it('the editor\u2019s panel on a Welsh page: its words and the problems in English, marked so', async () => {
    const page = await fixture<HTMLElement>(
      html`<div lang="cy"><care-chat-schedule .config=${{ chats: [], shwo: 1 }}></care-chat-schedule></div>`,
    );
    const el = page.firstElementChild!;
    await waitUntil(() => el.shadowRoot?.querySelector('details.panel.editor li'), 'no panel', { timeout: 5000 });
    const root = el.shadowRoot!;
    expect(langOf(holding(root, 'Details for the website editor'))).to.equal('en');
    expect(langOf(holding(root, 'Unknown setting'))).to.equal('en');
    expect(langOf(holding(root, 'This information is not available right now.'))).to.equal('en');
  });
});
