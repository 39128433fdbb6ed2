// The demo configs are valid and render offline. (Stories are rendered and checked in test/stories.test.ts.)
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
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
        // Its pictures ship with the demo: a reader's browser asks no one else's server, and none is missing.
        const images = [...el.shadowRoot!.querySelectorAll('img')].map((i) => new URL(i.src));
        // (The hospital and charity pages hide the posts whose pictures are not described, and warned ones.)
        if (name == 'bcsm') expect(images.length, 'no picture shown').to.be.greaterThan(0);
        for (const image of images) {
          expect(image.origin, image.href).to.equal(location.origin);
          expect((await fetch(image)).status, image.href).to.equal(200);
        }
      } finally {
        console.error = realError;
      }
    });
  }
});
