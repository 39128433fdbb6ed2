import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/care-hashtag-feed.js';
import type { CareHashtagFeed } from '../../../src/widgets/hashtag-feed/hashtag-feed.js';
import { $, articles, feed, post, settle } from './helpers.js';
import { fleschKincaid } from '../../helpers/readability.js';
import { english } from '../../helpers/english.js';

const posts = (...p: ReturnType<typeof post>[]) => ({ hashtag: 'bcsm', sources: [{ type: 'posts' as const, posts: p }] });

describe('<care-hashtag-feed> for patients', () => {
  it('has an optional heading at the level the page needs (config, else the heading-level attribute, else h2)', async () => {
    const plain = await feed(posts(post()));
    expect($(plain, 'h2, h3, h4')).to.equal(null);
    const el = await feed({ ...posts(post()), heading: 'What people are saying' });
    expect($(el, 'h2')?.textContent?.trim()).to.equal('What people are saying');
    el.setAttribute('heading-level', '4');
    await el.updateComplete;
    expect($(el, 'h4')?.textContent?.trim()).to.equal('What people are saying');
    expect($(el, 'h2')).to.equal(null);
    el.config = { ...posts(post()), heading: 'What people are saying', headingLevel: 3 };
    await settle(el);
    expect($(el, 'h3')?.getAttribute('part')).to.equal('heading');
  });

  it('rejects a heading level outside 2 to 6, naming the key', async () => {
    const el = await fixture<CareHashtagFeed>(
      html`<care-hashtag-feed .config=${{ ...posts(post()), heading: 'x', headingLevel: 1 }}></care-hashtag-feed>`,
    );
    await settle(el);
    expect(el.shadowRoot!.textContent).to.contain('headingLevel');
  });

  it('keeps a short author name next to its handle (no 44 px gap), with the whole name-and-handle as one large target', async () => {
    const el = await feed(posts(post({ author: { name: 'Jo', handle: '@jo@social.example', url: 'https://social.example/@jo' } })));
    const article = articles(el)[0]!;
    const name = article.querySelector('.name')!.getBoundingClientRect();
    const handle = article.querySelector('.handle')!.getBoundingClientRect();
    // The handle starts within a word space of the name's text.
    expect(handle.left - name.right).to.be.below(16);
    const link = article.querySelector('a')!;
    expect(link.contains(article.querySelector('.handle'))).to.equal(true);
    expect(link.getBoundingClientRect().width).to.be.at.least(44);
    expect(link.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('speaks plainly: content warnings and the default notice read at grade 6 or below', async () => {
    const el = await feed(posts(post({ contentWarning: 'Surgery photo' }), post({ sensitive: true })));
    const texts = [...el.shadowRoot!.querySelectorAll('.cw p, .disclaimer')].map((p) => p.textContent!.trim());
    expect(texts.join(' ')).not.to.match(/Content warning:|marked sensitive/);
    expect(fleschKincaid(texts).grade).to.be.at.most(6);
  });
});

describe('the feed’s English words', () => {
  it('read at grade 6 or below as a whole, and no message above grade 8', () => {
    // All of them: the gate's and a removed post's come with the feed's later code.
    const en = english['hashtag-feed']!;
    const messages = Object.values(en);
    expect(fleschKincaid(messages).grade, 'the whole catalogue').to.be.at.most(6);
    for (const [key, text] of Object.entries(en)) {
      if (text.split(' ').length >= 8) expect(fleschKincaid([text]).grade, `${key}: ${text}`).to.be.at.most(8);
    }
  });
});
