// The demo configs are valid and render offline. (Stories are rendered and checked in test/stories.test.ts.)
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/care-hashtag-feed.js';
import type { CareHashtagFeed } from '../../../src/widgets/hashtag-feed/hashtag-feed.js';
import { $, articles } from './helpers.js';

describe('demo configs', () => {
  for (const name of ['bcsm', 'hospital', 'charity']) {
    it(`demo/data/hashtag-feed/${name}.json is valid and renders offline`, async () => {
      const errors: unknown[] = [];
      const realError = console.error;
      console.error = (...a: unknown[]) => void errors.push(a);
      try {
        const el = await fixture<CareHashtagFeed>(
          html`<care-hashtag-feed src=${`/demo/data/hashtag-feed/${name}.json`}></care-hashtag-feed>`,
        );
        await waitUntil(() => articles(el).length > 0 || $(el, '.panel.error'), 'demo did not render', { timeout: 5000 });
        expect($(el, '.panel.error')).to.equal(null);
        expect(errors).to.deep.equal([]);
        await expect(el).to.be.accessible();
      } finally {
        console.error = realError;
      }
    });
  }
});
