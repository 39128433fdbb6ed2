// The review desk page's pure logic (src/pipeline/desk/desk-logic.ts): what undoes a decision, where the selection
// goes, what is announced, what a row says, and what the preview feed is given.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import type { PostRecord } from '../../../src/pipeline/types.js';
import {
  announcement,
  excerpt,
  hiddenOnPage,
  inState,
  missingAlt,
  nextIndex,
  previewConfig,
  published,
  undoOf,
} from '../../../src/pipeline/desk/desk-logic.js';
import '../../../src/define/care-hashtag-feed.js';
import { hashtagFeedValidator } from '../../../src/generated/hashtag-feed.validate.js';

const rec = (over: Partial<PostRecord> = {}, post: Partial<PostRecord['post']> = {}): PostRecord => ({
  key: 'a1b2c3d4e5f60718',
  post: {
    id: '1',
    url: 'https://mastodon.example/@jo/1',
    createdAt: '2026-11-01T09:00:00Z',
    author: { name: 'Jo', handle: '@jo@mastodon.example', url: 'https://mastodon.example/@jo' },
    text: 'Scan day. #bcsm',
    ...post,
  },
  state: 'pending',
  pinned: false,
  version: 3,
  sources: ['mastodon:mastodon.example#bcsm'],
  contentHash: '0000000000000000',
  firstSeen: '2026-11-01T09:01:00Z',
  lastSeen: '2026-11-01T09:01:00Z',
  changedBy: 'collect',
  changedAt: '2026-11-01T09:01:00Z',
  ...over,
});

describe('review desk logic', () => {
  it('undoes a state change by restoring the state and pin it had, naming the version the change made', () => {
    const before = rec({ state: 'approved', pinned: true });
    const after = rec({ state: 'removed', pinned: false, version: 4 });
    expect(undoOf(before, after)).to.deep.equal({
      key: before.key,
      version: 4,
      action: 'restore',
      restore: { state: 'approved', pinned: true },
    });
  });

  it('undoes an image description by writing back the one before (the original when there was no override)', () => {
    const media = [{ url: 'https://files.example/a.png', alt: 'a scan', type: 'image' as const }];
    const before = rec({}, { media });
    const after = rec({ version: 4, altOverrides: { 0: 'A CT scan report' } }, { media });
    expect(undoOf(before, after)).to.deep.equal({ key: before.key, version: 4, action: 'edit-alt', alt: { index: 0, text: 'a scan' } });
    const twice = rec({ version: 5, altOverrides: { 0: 'Better' } }, { media });
    expect(undoOf(after, twice).alt).to.deep.equal({ index: 0, text: 'A CT scan report' });
  });

  it('selects the next post after one leaves the list, the one before at the end, none when empty', () => {
    expect(nextIndex(3, 10)).to.equal(3);
    expect(nextIndex(9, 9)).to.equal(8);
    expect(nextIndex(0, 0)).to.equal(-1);
  });

  it('announces what happened and how many are left', () => {
    expect(announcement('Approved', 199, 'pending')).to.equal('Approved. 199 left.');
    expect(announcement('Rejected', 0, 'pending')).to.equal('Rejected. No pending posts left.');
    expect(announcement('Removed from the site', 0, 'all')).to.equal('Removed from the site. No posts left.');
  });

  it('keeps a post in a list only while it belongs there', () => {
    expect(inState(rec({ state: 'approved' }), 'pending')).to.equal(false);
    expect(inState(rec({ state: 'approved', pinned: true }), 'pinned')).to.equal(true);
    expect(inState(rec({ state: 'rejected' }), 'all')).to.equal(true);
  });

  it('shows reviewers’ image descriptions as patients will get them, and counts pictures still without one', () => {
    const media = [
      { url: 'https://files.example/a.png', type: 'image' as const },
      { url: 'https://files.example/b.png', alt: '  ', type: 'image' as const },
      { url: 'https://files.example/c.mp4', type: 'video' as const },
    ];
    const r = rec({ altOverrides: { 0: 'A hand holding a cold cap' } }, { media });
    expect(published(r).media!.map((m) => m.alt)).to.deep.equal(['A hand holding a cold cap', '  ', undefined]);
    expect(missingAlt(r)).to.equal(1);
    expect(r.post.media![0]!.alt, 'the stored post is not changed').to.equal(undefined);
  });

  it('makes row text from post HTML with the feed’s sanitiser: text only, shortened', () => {
    const r = rec({}, { text: undefined, html: '<p>Hello <script>__pwn()</script><b>world</b></p><p>' + 'x'.repeat(300) + '</p>' });
    const text = excerpt(r, 40);
    expect(text.startsWith('Hello world')).to.equal(true);
    expect(text).not.to.contain('__pwn');
    expect(text.length).to.equal(40);
    expect(text.endsWith('…')).to.equal(true);
  });

  it('says when the page’s own feed settings would hide an approved post', () => {
    // The page's settings as the desk reads them: resolved by the widget's own validation (defaults applied).
    const page = hashtagFeedValidator.accept({
      hashtag: 'bcsm',
      sources: [{ type: 'posts', posts: [] }],
      moderation: { blockWords: ['miracle cure'] },
    });
    expect(page, 'a valid feed config').to.not.equal(undefined);
    const feed = { hashtag: 'bcsm', moderation: page!.moderation };
    expect(hiddenOnPage(feed, rec({}, { text: 'A miracle cure!' }))).to.equal(true);
    expect(hiddenOnPage(feed, rec({}, { replyTo: 'https://x.example/1' })), 'replies are hidden by default').to.equal(true);
    expect(hiddenOnPage(feed, rec())).to.equal(false);
    expect(hiddenOnPage({ hashtag: 'bcsm' }, rec({}, { replyTo: 'x' })), 'no page settings given: nothing to say').to.equal(false);
  });

  it('previews the post in a real feed with the page’s badges and disclaimer, extra record fields left out', async () => {
    const r = rec({ altOverrides: { 0: 'A drawing of a sleeve' } }, {
      author: { name: 'Kim', handle: '@kim@hospital.example', url: 'https://hospital.example/@kim' },
      media: [{ url: 'https://files.example/a.png', type: 'image' }],
      nodes: ['never from storage'],
    } as Partial<PostRecord['post']>);
    const config = previewConfig(
      { hashtag: '#bcsm', roles: { '@kim@hospital.example': 'Breast care nurse' }, disclaimer: 'Not advice.' },
      r,
    );
    const feed = await fixture(html`<care-hashtag-feed .config=${config}></care-hashtag-feed>`);
    await waitUntil(() => feed.shadowRoot?.querySelector('article'), 'the post renders');
    const text = feed.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Not advice.');
    expect(text).to.contain('Breast care nurse');
    expect(text).to.contain('A drawing of a sleeve');
    expect(text).not.to.contain('never from storage');
  });
});
