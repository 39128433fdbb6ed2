// A post's DOM is built once (post-view.ts) and kept while shown: these check what that must not change, focus
// and the attributes a post's own values set.
import { expect } from '@open-wc/testing';
import { registerLocale } from '../../../src/core/i18n/registry.js';
import { articles, feed, post } from './helpers.js';

describe('hashtag feed: a post built once', () => {
  afterEach(() => document.documentElement.removeAttribute('dir'));

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
});
