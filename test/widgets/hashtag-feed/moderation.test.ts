import { expect } from '@open-wc/testing';
import { normalise } from '../../../src/core/text.js';
import { nodesText, reduceHtml } from '../../../src/core/sanitize.js';
import { allowed, handleKey, hasPhrase, mergePosts, roleOf, type Moderation } from '../../../src/widgets/hashtag-feed/moderation.js';
import { pull, runner } from '../../../src/widgets/hashtag-feed/feed-sources.js';
import type { Post } from '../../../src/sources/posts.js';
import { postSchema } from '../../../src/sources/post.schema.js';
import { articles, feed, json, load, mockFetch, post, type FetchMock } from './helpers.js';

const none: Moderation = {
  blockAccounts: [],
  blockWords: [],
  allowAccounts: [],
  approvedIds: [],
  hideReplies: true,
  hideBoosts: true,
  languages: [],
};
const m = (over: Partial<Moderation>): Moderation => ({ ...none, ...over });
const p = (over: Parameters<typeof post>[0] = {}): Post => postSchema.parse(post(over));
const ok = (x: Post, mod: Moderation) => allowed(x, x.text ?? '', mod);

describe('moderation', () => {
  it('folds case and accents', () => {
    expect(normalise('Chimiothérapie ÉCOLE')).to.equal('chimiotherapie ecole');
    expect(normalise('Leucémie')).to.equal('leucemie');
    expect(handleKey('Dr_Smith@Mastodon.Social')).to.equal('@dr_smith@mastodon.social');
  });

  it('matches blocked words and phrases as whole words, ignoring case and accents', () => {
    expect(hasPhrase('Try this CURE now', 'cure')).to.equal(true);
    expect(hasPhrase('A secure place to talk', 'cure')).to.equal(false);
    expect(hasPhrase('curettage explained', 'cure')).to.equal(false);
    expect(hasPhrase('La chimiothérapie, enfin', 'CHIMIOTHERAPIE')).to.equal(true);
    expect(hasPhrase('Ask about the MIRACLE\n  cure!', 'miracle cure')).to.equal(true);
    expect(hasPhrase('a miracle, cure', 'miracle cure')).to.equal(false);
    expect(hasPhrase('price: $5 (C++)', 'c++')).to.equal(true);
    expect(hasPhrase('anything', '  ')).to.equal(false);
  });

  it('sees through invisible characters and look-alike letter forms that would split or disguise a blocked word', () => {
    for (const text of [
      'a mira\u00adcle cure', // soft hyphen
      'a mir\u200bacle cure', // zero-width space
      'a miracle\u200d cure', // zero-width joiner
      'a mira\u2060cle cure', // word joiner
      'a mi\ufeffracle cure', // byte order mark
      'a ｍｉｒａｃｌｅ ｃｕｒｅ', // full-width
      'a 𝐦𝐢𝐫𝐚𝐜𝐥𝐞 𝐜𝐮𝐫𝐞', // mathematical bold
    ])
      expect(hasPhrase(text, 'miracle cure'), JSON.stringify(text)).to.equal(true);
    expect(hasPhrase('a miracle\u00a0cure', 'miracle cure')).to.equal(true);
    expect(hasPhrase('miraculous cures', 'miracle cure')).to.equal(false);
  });

  it('reads a post as it is shown: hidden letters inside a word do not hide it from the block list', () => {
    const html =
      '<p>Try this mir<span class="invisible">x</span>acle cure, see <a href="https://x.example/a"><span class="invisible">https://</span><span>x.example/a</span></a></p>';
    const text = nodesText(reduceHtml(html));
    expect(text.trim()).to.equal('Try this miracle cure, see x.example/a');
    expect(ok(p({ text }), m({ blockWords: ['miracle cure'] }))).to.equal(false);
  });

  it('blocks accounts given with or without @, in any case', () => {
    const x = p({ author: { name: 'Spam', handle: '@Spammer@bad.example', url: 'https://bad.example/@s' } });
    expect(ok(x, m({ blockAccounts: ['spammer@BAD.example'] }))).to.equal(false);
    expect(ok(x, m({ blockAccounts: ['@spammer@other.example'] }))).to.equal(true);
  });

  it('treats a non-empty allowAccounts as a strict allowlist', () => {
    const mine = p({ author: { name: 'Dr A', handle: '@dra@hospital.example', url: 'https://hospital.example/@dra' } });
    const other = p();
    const mod = m({ allowAccounts: ['dra@hospital.example'] });
    expect(ok(mine, mod)).to.equal(true);
    expect(ok(other, mod)).to.equal(false);
    expect(ok(mine, m({ allowAccounts: ['dra@hospital.example'], blockAccounts: ['@dra@hospital.example'] }))).to.equal(false);
  });

  it('shows only approved ids or urls when approvedIds is non-empty', () => {
    const a = p({ id: 'keep' });
    const b = p({ id: 'other', url: 'https://social.example/@x/approved' });
    const c = p({ id: 'nope' });
    const mod = m({ approvedIds: ['keep', 'https://social.example/@x/approved'] });
    expect([a, b, c].map((x) => ok(x, mod))).to.deep.equal([true, true, false]);
  });

  it('hides replies and boosts unless told not to', () => {
    const reply = p({ replyTo: '1' });
    const boost = p({ boostOf: '2' });
    expect(ok(reply, none)).to.equal(false);
    expect(ok(boost, none)).to.equal(false);
    expect(ok(reply, m({ hideReplies: false }))).to.equal(true);
    expect(ok(boost, m({ hideBoosts: false }))).to.equal(true);
  });

  it('filters by language (subtags match), keeping posts with no language', () => {
    const mod = m({ languages: ['en'] });
    expect(ok(p({ language: 'en-GB' }), mod)).to.equal(true);
    expect(ok(p({ language: 'ja' }), mod)).to.equal(false);
    expect(ok(p({ language: undefined }), mod)).to.equal(true);
  });

  it('looks for blocked words in the content warning, author name and alt text too', () => {
    const mod = m({ blockWords: ['ivermectin'] });
    expect(ok(p({ contentWarning: 'Ivermectin talk' }), mod)).to.equal(false);
    expect(ok(p({ author: { name: 'Ivermectin Fan', handle: '@f@x.example', url: 'https://x.example/@f' } }), mod)).to.equal(false);
    expect(ok(p({ media: [{ url: 'https://x.example/a.png', alt: 'a box of IVERMECTIN', type: 'image' }] }), mod)).to.equal(false);
    expect(ok(p({ text: 'Nothing to see' }), mod)).to.equal(true);
  });

  it('reads the site shown after a link whose text names another, so a blocked word in it is never shown', async () => {
    const link = (text: string) => post({ html: `<p>See <a href="https://casino.example/">${text}</a></p>`, text: undefined });
    const posts = [link('cancer.gov'), link('NCI: cancer.gov'), link('our guide')];
    const el = await feed({ hashtag: 'bcsm', sources: [{ type: 'posts', posts }], moderation: { blockWords: ['casino'] } });
    // Only the link that names no site, which shows none.
    expect(articles(el).map((a) => a.querySelector('.content')!.textContent!.trim())).to.deep.equal(['See our guide']);
  });

  it('finds roles by handle with or without @', () => {
    const roles = { 'dr_example@mastodon.social': 'Breast surgeon', '@Mod@hospital.example': 'Moderator' };
    expect(roleOf('@dr_example@mastodon.social', roles)).to.equal('Breast surgeon');
    expect(roleOf('@mod@hospital.example', roles)).to.equal('Moderator');
    expect(roleOf('@someone@else.example', roles)).to.equal(undefined);
  });
});

describe('merging', () => {
  it('dedupes by url (first list wins) and sorts newest first', () => {
    const a = p({ url: 'https://x.example/1', minutesAgo: 30, text: 'curated copy' });
    const b = p({ url: 'https://x.example/2', minutesAgo: 5 });
    const a2 = p({ url: 'https://x.example/1', minutesAgo: 30, text: 'remote copy' });
    const c = p({ url: 'https://x.example/3', minutesAgo: 60 });
    const merged = mergePosts([a], [b, a2, c]);
    expect(merged.map((x) => x.url)).to.deep.equal(['https://x.example/2', 'https://x.example/1', 'https://x.example/3']);
    expect(merged[1]!.text).to.equal('curated copy');
  });
});

describe('rate limits', () => {
  let mock: FetchMock | undefined;
  afterEach(() => mock?.restore());
  const signal = new AbortController().signal;
  const snapshot = () => runner({ type: 'snapshot', url: 'https://feeds.example/bcsm.json' });

  it('makes at most one first-page request per interval', async () => {
    mock = mockFetch(() => json({ generatedAt: '2026-11-30T00:00:00Z', posts: [post()] }));
    const r = snapshot();
    expect(await pull(r, 'bcsm', 60000, false, signal, 1000)).to.equal(true);
    expect(await pull(r, 'bcsm', 60000, false, signal, 30000)).to.equal(false);
    expect(await pull(r, 'bcsm', 60000, false, signal, 61000)).to.equal(true);
    expect(mock.calls).to.have.length(2);
    // A snapshot file is the whole list: the second answer's one post replaces the first's.
    expect(r.posts).to.have.length(1);
  });

  it('takes a snapshot file as the whole list (a post taken off the site leaves), a server page as the newest only', async () => {
    const [a, b, c] = [p({ url: 'https://x.example/a' }), p({ url: 'https://x.example/b' }), p({ url: 'https://x.example/c' })];
    let posts = [a, b, c];
    mock = mockFetch(() => json({ generatedAt: '2026-11-30T00:00:00Z', posts }));
    const r = snapshot();
    await pull(r, 'bcsm', 60000, false, signal, 0);
    posts = [a, c];
    await pull(r, 'bcsm', 60000, false, signal, 60000);
    expect(r.posts.map((x) => x.url)).to.deep.equal(['https://x.example/a', 'https://x.example/c']);
    const timeline = await load<unknown[]>('/test/fixtures/mastodon/mastodon_tag_timeline.json');
    let statuses = timeline;
    mock.restore();
    mock = mockFetch(() => json(statuses));
    const m = runner({ type: 'mastodon', instance: 'https://mastodon.example' });
    await pull(m, 'bcsm', 60000, false, signal, 0);
    const first = m.posts.map((x) => x.url);
    expect(first).to.have.length(timeline.length);
    statuses = timeline.slice(0, -1);
    await pull(m, 'bcsm', 60000, false, signal, 60000);
    expect(m.posts.map((x) => x.url)).to.deep.equal(first);
  });

  it("drops a Mastodon post deleted since (newer than the first page's oldest, not on it), keeps older pages", async () => {
    const timeline = await load<{ id: string; created_at: string }[]>('/test/fixtures/mastodon/mastodon_tag_timeline.json');
    expect(timeline.length).to.equal(3);
    let statuses: unknown[] = timeline.slice(0, 2);
    mock = mockFetch(() => json(statuses));
    const m = runner({ type: 'mastodon', instance: 'https://mastodon.example' });
    await pull(m, 'bcsm', 60000, false, signal, 0);
    // An older page (its own request), then a refresh whose first page lacks the newer of the first two.
    statuses = timeline.slice(2);
    m.next = 'https://mastodon.example/api/v1/timelines/tag/bcsm?max_id=1';
    await pull(m, 'bcsm', 60000, true, signal, 1000);
    const all = m.posts.map((x) => x.url);
    expect(all).to.have.length(timeline.length);
    statuses = [timeline[1]];
    await pull(m, 'bcsm', 60000, false, signal, 61000);
    expect(
      m.posts.map((x) => x.url),
      'the deleted post left; the older pages stayed',
    ).to.deep.equal(all.slice(1));
    // A first page with nothing on it: the tag has no posts left, so none stays.
    statuses = [];
    await pull(m, 'bcsm', 60000, false, signal, 122000);
    expect(m.posts).to.deep.equal([]);
  });

  it('waits as long as Retry-After says after a 429', async () => {
    mock = mockFetch(() => json({}, { status: 429, headers: { 'retry-after': '600' } }));
    const r = snapshot();
    await pull(r, 'bcsm', 60000, false, signal, 0);
    expect(r.error?.status).to.equal(429);
    expect(r.notBefore).to.equal(600000);
    expect(await pull(r, 'bcsm', 60000, false, signal, 599000)).to.equal(false);
    expect(await pull(r, 'bcsm', 60000, false, signal, 600000)).to.equal(true);
    expect(mock.calls).to.have.length(2);
  });

  it('backs off exponentially after failures and resets after a success', async () => {
    let fail = true;
    mock = mockFetch(() => (fail ? undefined : json({ generatedAt: 'x', posts: [] })));
    const r = snapshot();
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      await pull(r, 'bcsm', 60000, false, signal, now);
      waits.push(r.notBefore - now);
      now = r.notBefore;
    }
    expect(waits).to.deep.equal([60000, 120000, 240000, 480000]);
    fail = false;
    await pull(r, 'bcsm', 60000, false, signal, now);
    expect(r.failures).to.equal(0);
    expect(r.error).to.equal(undefined);
  });

  it('never asks for curated posts', async () => {
    mock = mockFetch(() => undefined);
    const r = runner({ type: 'posts', posts: [p()] });
    expect(await pull(r, 'bcsm', 60000, false, signal)).to.equal(false);
    expect(mock.calls).to.have.length(0);
  });
});
