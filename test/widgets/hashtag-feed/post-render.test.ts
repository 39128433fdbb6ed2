// A post's DOM is kept from render to render, and its content's nodes are built once per post and moved with it:
// these check what that must not change (focus, which content shows under which post) and the attributes a post's
// own values set.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { registerLocale } from '../../../src/core/i18n/registry.js';
import { $, articles, fakeClock, feed, json, mockFetch, post } from './helpers.js';

describe('hashtag feed: a post built once', () => {
  afterEach(() => document.documentElement.removeAttribute('dir'));

  it('draws the first answer\u2019s posts in one render, the feed no longer busy in it (not drawn again to say so)', async () => {
    const mock = mockFetch(() => json({ generatedAt: new Date().toISOString(), posts: [post({ text: 'one' }), post({ text: 'two' })] }));
    try {
      const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
        html`<care-hashtag-feed .config=${{ hashtag: 'bcsm', sources: [{ type: 'snapshot', url: 'https://snap.example/s.json' }] }}></care-hashtag-feed>`,
      );
      // Each render that has posts in it: whether the feed said it was busy then.
      const busy: (string | null)[] = [];
      const proto = Object.getPrototypeOf(el) as { updated(): void };
      const updated = proto.updated;
      Object.defineProperty(el, 'updated', {
        value(this: HTMLElement) {
          const feedBox = this.shadowRoot!.querySelector('[role=feed]');
          if (feedBox) busy.push(feedBox.getAttribute('aria-busy'));
          updated.call(this);
        },
      });
      await waitUntil(() => busy.length, 'no posts drawn', { timeout: 4000 });
      for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(busy).to.deep.equal(['false']);
      expect(articles(el)).to.have.length(2);
    } finally {
      mock.restore();
    }
  });

  it('keeps focus on "Show post" when pressed after the page touched its lang or dir without changing the language', async () => {
    const el = await feed({
      hashtag: 'bcsm',
      sources: [{ type: 'posts', posts: [post({ contentWarning: 'Scar photos', text: 'My scar' })] }],
    });
    // A page script (a theme or language switcher) writing the same value again: the language is unchanged.
    document.documentElement.setAttribute('dir', 'ltr');
    await new Promise((r) => requestAnimationFrame(r));
    const button = articles(el)[0]!.querySelector<HTMLButtonElement>('.cw button')!;
    button.focus();
    button.click();
    await el.updateComplete;
    expect(button.isConnected, 'the pressed button is still in the page').to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(button);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(articles(el)[0]!.textContent).to.contain('My scar');
  });

  it('is built again, in the new words, when the language changes', async () => {
    registerLocale('qy', { core: {}, 'hashtag-feed': { show: 'Montri afiŝon' } } as never);
    const el = await feed({
      hashtag: 'bcsm',
      sources: [{ type: 'posts', posts: [post({ contentWarning: 'Scar photos', text: 'My scar' })] }],
    });
    expect(articles(el)[0]!.querySelector('.cw button')!.textContent).to.equal('Show post');
    el.setAttribute('lang', 'qy');
    await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
    expect(articles(el)[0]!.querySelector('.cw button')!.textContent).to.equal('Montri afiŝon');
  });

  it('sets no lang on a post whose language is empty (it is the page language, not an unknown one)', async () => {
    const el = await feed({
      hashtag: 'bcsm',
      sources: [{ type: 'posts', posts: [post({ language: '', text: 'no tag' }), post({ language: 'es-MX', text: 'hola' })] }],
    });
    const [empty, spanish] = articles(el).map((a) => a.querySelector('.content')!);
    expect(empty!.hasAttribute('lang')).to.equal(false);
    expect(spanish!.getAttribute('lang')).to.equal('es-MX');
  });

  it('keeps each post’s content under its own post when newer posts are shown above it', async () => {
    const clock = fakeClock();
    const posts = [post({ text: 'third' }), post({ text: 'second' }), post({ text: 'first' })];
    let served = posts.slice(1);
    const mock = mockFetch(() => json({ generatedAt: new Date().toISOString(), posts: served }));
    try {
      const el = await feed({ hashtag: 'bcsm', refreshSeconds: 60, sources: [{ type: 'snapshot', url: 'https://snap.example/s.json' }] });
      const shown = () =>
        articles(el).map((a) => [a.querySelector('.when')!.getAttribute('href'), a.querySelector('.content')!.textContent!.trim()]);
      const pairs = posts.map((p) => [p.url, p.text]);
      expect(shown()).to.deep.equal(pairs.slice(1));
      served = posts;
      clock.advance(60000);
      await waitUntil(() => $(el, '.fresh button'), 'no "new posts" button');
      $(el, '.fresh button')!.click();
      await waitUntil(() => articles(el).length === 3, 'the new post was not shown');
      expect(shown()).to.deep.equal(pairs);
    } finally {
      mock.restore();
      clock.restore();
    }
  });
});
