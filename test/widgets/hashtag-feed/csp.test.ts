import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { hostileHtml } from './hostile-corpus.js';
import { post } from './helpers.js';

// The page the issue names: script-src 'self'; object-src 'none'; require-trusted-types-for 'script'.
describe('under a Trusted Types CSP', () => {
  let frame: HTMLIFrameElement;
  let violations: string[];

  before(async () => {
    frame = document.createElement('iframe');
    frame.src = '/test/fixtures/hashtag-feed/csp.html';
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    violations = [];
    frame.contentDocument!.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.sample}`));
    await waitUntil(() => frame.contentWindow!.customElements.get('care-hashtag-feed'), 'element not defined in the CSP page', {
      timeout: 8000,
    });
  });
  after(() => frame.remove());

  it('renders post HTML, links and hostile posts with no violation and nothing run', async () => {
    const win = frame.contentWindow as Window & { __xss?: unknown };
    const doc = frame.contentDocument!;
    const el = doc.createElement('care-hashtag-feed') as HTMLElement & { config: unknown };
    const posts = [
      post({
        html: '<p>Hello <a href="https://ok.example/x" class="mention hashtag">#<span>bcsm</span></a></p>',
        text: undefined,
        minutesAgo: 1,
      }),
      ...hostileHtml.map((h, i) => post({ html: h, text: undefined, minutesAgo: i + 2 })),
    ];
    el.config = JSON.stringify({ hashtag: 'bcsm', limit: 100, sources: [{ type: 'posts', posts }] });
    doc.body.append(el);
    await waitUntil(() => el.shadowRoot?.querySelectorAll('article').length === posts.length, 'posts did not render', { timeout: 8000 });
    await new Promise((r) => setTimeout(r, 200));
    const link = el.shadowRoot!.querySelector('article .content a')!;
    expect(link.getAttribute('href')).to.equal('https://ok.example/x');
    expect(link.textContent).to.equal('#bcsm');
    expect(win.__xss).to.equal(undefined);
    // No Trusted Types or script violation: post HTML never reaches an HTML sink. The inert parse does make
    // the page's CSP refuse the hostile posts' on* attributes (script-src-attr) as it reads them; that is
    // the CSP working, nothing is compiled or run.
    expect(violations.filter((v) => !v.startsWith('script-src-attr'))).to.deep.equal([]);
  });

  it('really enforced Trusted Types (innerHTML with a string throws)', () => {
    expect(() => {
      frame.contentDocument!.body.innerHTML = '<b>x</b>';
    }).to.throw(/TrustedHTML/);
  });
});

/** A fixture page with its own CSP in a frame, once the feed is defined in it. */
async function loadPage(src: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.src = src;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  await waitUntil(() => frame.contentWindow!.customElements.get('care-hashtag-feed'), 'element not defined', { timeout: 8000 });
  return frame;
}

// A page that allows only Lit's own policy: the inert parser cannot get a policy, so post HTML falls back
// to its text (tags stripped), still rendered as text, and the feed keeps working.
describe('under Trusted Types that do not allow our policy name', () => {
  let frame: HTMLIFrameElement;
  before(async () => (frame = await loadPage('/test/fixtures/hashtag-feed/csp-policies.html')));
  after(() => frame.remove());

  it('shows post HTML as plain text and runs nothing', async () => {
    const win = frame.contentWindow as Window & { __xss?: unknown };
    const doc = frame.contentDocument!;
    const el = doc.createElement('care-hashtag-feed') as HTMLElement & { config: unknown };
    el.config = JSON.stringify({
      hashtag: 'bcsm',
      sources: [
        {
          type: 'posts',
          posts: [
            post({ html: '<p>Hello <a href="https://ok.example/x">#bcsm</a><img src=x onerror="window.__xss=1"></p>', text: undefined }),
          ],
        },
      ],
    });
    doc.body.append(el);
    await waitUntil(() => el.shadowRoot?.querySelector('article .content'), 'post did not render', { timeout: 8000 });
    await new Promise((r) => setTimeout(r, 100));
    const content = el.shadowRoot!.querySelector('article .content')!;
    expect(content.textContent).to.contain('Hello').and.contain('#bcsm');
    expect(content.querySelector('a, img')).to.equal(null);
    expect(win.__xss).to.equal(undefined);
  });
});

// The page lists the policy names the README gives, without 'allow-duplicates': each name can be created once
// per page, so the sanitizer and every other CareCircle part must share one helper's policy.
describe("under Trusted Types naming CareCircle's policies, after another part used the shared helper", () => {
  let frame: HTMLIFrameElement;
  before(async () => (frame = await loadPage('/test/fixtures/hashtag-feed/csp-named.html')));
  after(() => frame.remove());

  it('still renders post HTML as links and paragraphs', async () => {
    const doc = frame.contentDocument!;
    const el = doc.createElement('care-hashtag-feed') as HTMLElement & { config: unknown };
    el.config = {
      hashtag: 'bcsm',
      sources: [{ type: 'posts', posts: [post({ html: '<p>Hello <a href="https://ok.example/x">#bcsm</a></p>', text: undefined })] }],
    };
    doc.body.append(el);
    await waitUntil(() => el.shadowRoot?.querySelector('article .content'), 'post did not render', { timeout: 8000 });
    const link = el.shadowRoot!.querySelector('article .content p a');
    expect(link?.getAttribute('href')).to.equal('https://ok.example/x');
  });
});
