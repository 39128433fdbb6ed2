// Renders every story with its merged args and runs axe on it (stories double as fixtures).
import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as stories from '../../../stories/hashtag-feed.stories.js';
import type { CareHashtagFeed } from '../../../src/widgets/hashtag-feed/hashtag-feed.js';
import { $, articles } from './helpers.js';

interface Story {
  name: string;
  args?: Record<string, unknown>;
  render: (args: never) => TemplateResult;
}
const { default: meta, ...named } = stories;
const all = Object.entries(named) as [string, Story][];

const expected: Record<string, (el: CareHashtagFeed) => boolean> = {
  Loaded: (el) => articles(el).length === 8,
  Empty: (el) => !!$(el, '.empty'),
  Loading: (el) => $(el, 'p[role=status]')?.textContent === 'Loading…',
  SourceFailingWithCache: (el) => articles(el).length === 4 && !!$(el, '.notice'),
  SourceFailing: (el) => articles(el).length === 3 && !!$(el, '.notice')?.textContent?.includes('Could not load /__missing__/bcsm.json'),
  ContentWarning: (el) => articles(el).some((a) => a.querySelector('.cw button[aria-expanded=false]')),
  HeavilyModerated: (el) => articles(el).length > 0 && !el.shadowRoot!.textContent!.includes('miracle'),
  ConsentGate: (el) => !!$(el, '.gate button'),
  Dark: (el) => el.getAttribute('theme') === 'dark' && articles(el).length > 0,
  HundredPosts: (el) => articles(el).length === 100,
};

describe('hashtag feed stories', () => {
  it('cover every state the issue lists', () => {
    expect(meta.component).to.equal('care-hashtag-feed');
    expect(all.map(([k]) => k)).to.include.members(Object.keys(expected));
  });

  for (const [key, story] of all) {
    it(`${story.name}: renders its state and is accessible`, async () => {
      localStorage.clear();
      const wrapper = await fixture<HTMLDivElement>(story.render({ ...meta.args, ...story.args } as never));
      const el = (wrapper.localName === 'care-hashtag-feed' ? wrapper : wrapper.querySelector('care-hashtag-feed')) as unknown as CareHashtagFeed;
      await waitUntil(() => el.shadowRoot && expected[key]?.(el), `${key} did not reach its state`, { timeout: 5000 });
      await expect(el).to.be.accessible();
      localStorage.clear();
    });
  }
});

describe('demo configs', () => {
  for (const name of ['bcsm', 'hospital', 'charity']) {
    it(`demo/data/hashtag-feed/${name}.json is valid and renders offline`, async () => {
      const errors: unknown[] = [];
      const realError = console.error;
      console.error = (...a: unknown[]) => void errors.push(a);
      try {
        const { html } = await import('lit');
        const el = await fixture<CareHashtagFeed>(html`<care-hashtag-feed src=${`/demo/data/hashtag-feed/${name}.json`}></care-hashtag-feed>`);
        await waitUntil(() => articles(el).length > 0 || $(el, '[role=alert]'), 'demo did not render', { timeout: 5000 });
        expect($(el, '[role=alert]')).to.equal(null);
        expect(errors).to.deep.equal([]);
        await expect(el).to.be.accessible();
      } finally {
        console.error = realError;
      }
    });
  }
});
