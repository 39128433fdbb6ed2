import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { cleanName, nodesText, reduceHtml, textNodes, type SafeNode } from '../../../src/core/sanitize.js';
import { contentNodes } from '../../../src/widgets/hashtag-feed/post-content.js';
import { hostileHtml } from './hostile-corpus.js';
import { $, articles, feed, json, mockFetch, post } from './helpers.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const ALLOWED_TAGS = new Set(['P', 'BR', 'A', 'SPAN']);
const ALLOWED_ATTRS = new Set(['href', 'rel', 'referrerpolicy', 'class']);
const tick = (ms = 50) => new Promise((r) => setTimeout(r, ms));

/** Every element is allowlisted, every attribute too, and every link is http(s) with the safe rel. */
function assertSafe(root: Element | DocumentFragment): void {
  for (const el of root.querySelectorAll('*')) {
    expect(ALLOWED_TAGS.has(el.tagName), `element <${el.localName}>`).to.equal(true);
    for (const a of el.attributes) expect(ALLOWED_ATTRS.has(a.name), `attribute ${a.name} on <${el.localName}>`).to.equal(true);
    if (el.localName === 'a') {
      expect(el.getAttribute('href')).to.match(/^https?:\/\//);
      expect(el.getAttribute('rel')).to.equal('noopener noreferrer nofollow ugc');
      expect(el.getAttribute('referrerpolicy')).to.equal('no-referrer');
    }
  }
}

beforeEach(() => {
  delete window.__xss;
});

describe('reduceHtml: the hostile corpus', () => {
  it('has at least 50 payloads', () => {
    expect(hostileHtml.length).to.be.at.least(50);
  });

  it('the tripwire works: the same payloads do run when put into innerHTML', async () => {
    // Proves the test can fail: a real sink runs the img onerror payload.
    const probe = document.createElement('div');
    document.body.append(probe);
    probe.innerHTML = hostileHtml.find((p) => p.startsWith('<img src=x onerror'))!;
    // Wait for the payload itself (the image error comes after a request; a fixed wait is too short under load).
    await waitUntil(() => window.__xss === 1, 'the img onerror payload did not run in a real sink', { timeout: 5000 }).finally(() =>
      probe.remove(),
    );
    expect(window.__xss).to.equal(1);
  });

  hostileHtml.forEach((payload, i) => {
    it(`payload ${i}: ${payload.slice(0, 60).replace(/\s+/g, ' ')}`, async () => {
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      container.replaceChildren(...contentNodes(reduceHtml(payload)));
      await tick(10);
      expect(window.__xss, 'a payload ran').to.equal(undefined);
      assertSafe(container);
    });
  });

  it('renders the whole corpus inside the element with nothing running and the feed intact', async () => {
    const posts = hostileHtml.map((h, i) =>
      post({
        html: h,
        text: undefined,
        minutesAgo: i + 1,
        author: { name: `<img src=x onerror="window.__xss=1">${i}`, handle: `@evil${i}@bad.example`, url: 'https://bad.example/@evil' },
        media: [{ url: 'https://bad.example/a.png', alt: `<img src=x onerror="window.__xss=1">`, type: 'image' }],
      }),
    );
    const el = await feed({ hashtag: 'bcsm', limit: 100, sources: [{ type: 'posts', posts }] });
    await tick(200);
    expect(window.__xss).to.equal(undefined);
    const list = articles(el);
    expect(list).to.have.length(hostileHtml.length);
    list.forEach((a, i) => expect(a.getAttribute('aria-posinset')).to.equal(String(i + 1)));
    // Post content (outside the widget's own media list) holds only allowlisted elements and attributes.
    for (const c of el.shadowRoot!.querySelectorAll('.content')) {
      const copy = c.cloneNode(true) as Element;
      copy.querySelectorAll('ul.media').forEach((m) => m.remove());
      assertSafe(copy);
    }
    expect(
      el.shadowRoot!.querySelectorAll('script, iframe, object, embed, svg, form, input, style:not([data-lit]), base, meta'),
    ).to.have.length(0);
    // Display names and alt text are text, never markup.
    expect(list[0]!.querySelector('.name')!.textContent).to.contain('<img src=x');
  });
});

describe('reduceHtml: what it keeps', () => {
  const shape = (nodes: SafeNode[]): unknown =>
    nodes.map((n) => (typeof n === 'string' ? n : [n.tag, n.href ?? n.cls ?? '', shape(n.kids)]));

  it('keeps paragraphs, breaks, http(s) links and Mastodon mention and hashtag spans', () => {
    const nodes = reduceHtml(
      '<p>Hi <span class="h-card"><a href="https://m.example/@ann" class="u-url mention">@<span>ann</span></a></span><br>see <a href="https://m.example/tags/bcsm" class="mention hashtag" rel="tag">#<span>bcsm</span></a></p>',
    );
    expect(shape(nodes)).to.deep.equal([
      [
        'p',
        '',
        [
          'Hi ',
          ['span', 'h-card', [['a', 'https://m.example/@ann', ['@', ['span', '', ['ann']]]]]],
          ['br', '', []],
          'see ',
          ['a', 'https://m.example/tags/bcsm', ['#', ['span', '', ['bcsm']]]],
        ],
      ],
    ]);
  });

  it('turns links it cannot trust into their text', () => {
    for (const href of [
      'javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '/relative',
      '//evil.example',
      'ftp://x.example',
      ' java\tscript:x',
    ]) {
      expect(shape(reduceHtml(`<a href="${href}">label</a>`)), href).to.deep.equal(['label']);
    }
  });

  it('keeps the text of other elements and drops script, style and media entirely', () => {
    expect(nodesText(reduceHtml('<p>a <b>bold</b> <em>move</em></p><script>x()</script><style>p{}</style><img alt="no">'))).to.equal(
      'a bold move\n',
    );
    expect(nodesText(reduceHtml('<ul><li>one</li><li>two</li></ul>'))).to.equal('one\ntwo\n\n');
  });

  it('keeps only allowlisted span classes', () => {
    expect(shape(reduceHtml('<span class="mention evil hashtag">x</span>'))).to.deep.equal([['span', 'mention hashtag', ['x']]]);
  });

  it('keeps the mutation-XSS payload as harmless text', () => {
    const nodes = reduceHtml('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>');
    expect(nodesText(nodes)).to.not.contain('<img');
    expect(JSON.stringify(nodes)).to.not.contain('onerror');
  });
});

describe('plain text posts and names', () => {
  it('makes paragraphs and line breaks from text and links bare addresses', () => {
    const nodes = textNodes('First line\nsecond https://ok.example/a.\n\nNext javascript:alert(1)');
    expect(nodes).to.have.length(2);
    const container = document.createElement('div');
    container.replaceChildren(...contentNodes(nodes));
    expect(container.querySelectorAll('p')).to.have.length(2);
    expect(container.querySelector('br')).to.exist;
    expect(container.querySelector('a')!.getAttribute('href')).to.equal('https://ok.example/a');
    expect(container.querySelectorAll('a')).to.have.length(1);
    expect(container.textContent).to.contain('javascript:alert(1)');
  });

  it('follows a link whose text names another site with the site it goes to', () => {
    const shown = (markup: string) => {
      const container = document.createElement('div');
      container.replaceChildren(...contentNodes(reduceHtml(markup)));
      return container.textContent!.replace(/\s+/g, ' ').trim();
    };
    expect(shown('<p>Read <a href="https://evil.example/x">https://www.cancer.gov/types/breast</a> now</p>')).to.equal(
      'Read https://www.cancer.gov/types/breast (evil.example) now',
    );
    expect(shown('<a href="https://evil.example/">cancer.gov</a>')).to.equal('cancer.gov (evil.example)');
    // How Mastodon writes a link: the text is its own address (www. and the scheme hidden).
    const mastodon =
      '<a href="https://www.cancer.gov/types/breast" rel="nofollow noopener" target="_blank"><span class="invisible">https://www.</span>' +
      '<span class="ellipsis">cancer.gov/types/brea</span><span class="invisible">st</span></a>';
    expect(shown(mastodon)).to.equal('cancer.gov/types/brea');
    expect(shown('<a href="https://cancer.gov/a">www.cancer.gov/a</a>')).to.equal('www.cancer.gov/a');
    // Words, mentions and hashtags are not addresses.
    expect(shown('<a href="https://evil.example/">Read more</a>')).to.equal('Read more');
    expect(shown('<a href="https://mastodon.example/@jo" class="u-url mention">@<span>jo</span></a>')).to.equal('@jo');
    expect(shown('<a href="https://mastodon.example/tags/bcsm" class="mention hashtag">#<span>bcsm</span></a>')).to.equal('#bcsm');
    // An address in another script is compared in its ASCII form.
    expect(shown('<a href="https://xn--bcher-kva.example/">bücher.example</a>')).to.equal('bücher.example');
    expect(shown('<a href="https://bucher.example/">bücher.example</a>')).to.equal('bücher.example (bucher.example)');
  });

  it('follows a link with the site it goes to when any piece of its text names another, as it is drawn', () => {
    const shown = (text: string, href = 'https://evil.example/') => {
      const container = document.createElement('div');
      container.replaceChildren(...contentNodes(reduceHtml(`<a href="${href}">${text}</a>`)));
      return container.textContent!.replace(/\s+/g, ' ').trim();
    };
    for (const text of [
      'Visit cancer.gov',
      'NCI: cancer.gov',
      'NCI:cancer.gov',
      '@nci@cancer.gov',
      'https://<br>cancer.gov',
      'cancer\u3002gov', // ideographic full stop, a dot to the browser
      'cancer\uff61gov', // its half-width form
      'cancer\uff0egov', // full-width full stop
      'cancer\u2024gov', // one dot leader
      'ｃａｎｃｅｒ.ｇｏｖ',
      'cancer\u200b.gov',
      'cancer.gov and nih.gov',
      'evil.example or cancer.gov',
      'https://cancer.gov@evil.example/',
    ])
      expect(shown(text), text).to.match(/\(evil\.example\)$/);
    // The site it goes to, named anywhere and in any form; paths, queries, words and numbers name no site.
    for (const [text, href] of [
      ['Visit cancer.gov', 'https://www.cancer.gov/'],
      ['@nci@cancer.gov', 'https://cancer.gov/@nci'],
      ['cancer\u3002gov/a.pdf', 'https://cancer.gov/a.pdf'],
      ['ｃａｎｃｅｒ.ｇｏｖ', 'https://cancer.gov/'],
      ['cancer.gov/report.pdf?from=news.example#part.two', 'https://cancer.gov/report.pdf'],
      ['Read more...', 'https://cancer.gov/'],
      ['Up 3.5% in 2025, e.g. here', 'https://cancer.gov/'],
    ])
      expect(shown(text, href), text).to.not.include('(');
  });

  it('isolates the site it appends, so nothing in the link text can turn it around', () => {
    const container = document.createElement('div');
    document.body.append(container);
    // Nodes as a post may send them, with an override its feed would have dropped.
    container.replaceChildren(...contentNodes(reduceHtml('<p><a href="https://vog.recnac.ipa.ua/">cancer.gov\u202e</a></p>')));
    expect(drawn(container)).to.include('(vog.recnac.ipa.ua)');
    container.remove();
  });

  it('strips bidi overrides from names and handles', () => {
    expect(cleanName('\u202Eevil\u202C Name ')).to.equal('evil Name');
  });
});

/** The characters of `el` in the order they are drawn, left to right. */
const drawn = (el: Element): string => {
  const chars: [number, string][] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode())
    for (let k = 0; k < t.nodeValue!.length; k++) {
      const range = document.createRange();
      range.setStart(t, k);
      range.setEnd(t, k + 1);
      const box = range.getBoundingClientRect();
      if (box.width > 0) chars.push([box.left, t.nodeValue![k]!]);
    }
  return chars
    .sort((a, b) => a[0] - b[0])
    .map((c) => c[1])
    .join('');
};
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

describe('bidi controls in posts', () => {
  it('are dropped before moderation and display, so a blocked word cannot be drawn into place', async () => {
    const over = '\u202emaps\u202c';
    const posts = [
      post({ html: `<p>Try ${over} today</p>`, text: undefined }),
      post({ text: `Try \u2067${over}\u2069 today` }),
      post({ contentWarning: `About ${over}`, text: 'Hidden' }),
      post({ media: [{ url: 'https://a.example/a.png', alt: `A ${over} picture`, type: 'image' }] }),
      post({ author: { name: `Jo ${over}`, handle: '@jo@a.example', url: 'https://a.example/@jo' } }),
    ];
    const el = await feed({ hashtag: 'bcsm', sources: [{ type: 'posts', posts }], moderation: { blockWords: ['spam'] } });
    const list = articles(el);
    expect(list).to.have.length(5);
    for (const a of list) {
      expect(BIDI.test(a.textContent!), a.textContent!).to.equal(false);
      expect(drawn(a), a.textContent!).to.not.include('spam');
    }
    expect($(el, '.content p')!.textContent).to.equal('Try maps today');
  });

  it('are dropped from Bluesky text after its facets are placed by the bytes of the text as sent', async () => {
    const text = 'Try \u202emaps\u202c at https://a.example/x';
    const start = new TextEncoder().encode(text).length - 'https://a.example/x'.length;
    const body = {
      feed: [
        {
          post: {
            uri: 'at://did:plc:x/app.bsky.feed.post/1',
            author: { did: 'did:plc:x', handle: 'jo.bsky.social' },
            record: {
              text,
              createdAt: new Date().toISOString(),
              facets: [
                {
                  index: { byteStart: start, byteEnd: start + 19 },
                  features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://a.example/x' }],
                },
              ],
            },
          },
        },
      ],
    };
    const mock = mockFetch((url) => (url.origin === 'https://public.api.bsky.app' ? json(body) : undefined));
    try {
      const el = await feed({
        hashtag: 'bcsm',
        sources: [{ type: 'bluesky-feed', feed: 'at://did:plc:abc/app.bsky.feed.generator/bcsm' }],
      });
      expect($(el, '.content p')!.textContent).to.equal('Try maps at https://a.example/x');
      expect($(el, '.content a')!.textContent).to.equal('https://a.example/x');
    } finally {
      mock.restore();
    }
  });
});
