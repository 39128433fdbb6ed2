// Accessibility of every shipped state, checked in Chromium: each story of each widget's stories module is
// rendered at a 320 px wide viewport (a phone) and checked for what axe cannot see:
// - no horizontal overflow (WCAG 1.4.10 Reflow), also with 200% text (1.4.4) and no clipped text;
// - every control at least 44 × 44 px (our promise; WCAG 2.5.8 asks 24), except links inside a sentence;
// - keyboard: each control reached by Tab shows a focus indicator and is not hidden under sticky content;
// - axe clean in the light and the dark theme;
// - text spacing (WCAG 1.4.12: line height 1.5, paragraphs 2em, letters 0.12em, words 0.16em): nothing cut off;
// - forced colours: controls keep a visible boundary (border, outline or underline);
// - reduced motion: no animation or transition left.
import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../src/define/all.js';
import * as chatScheduleStories from '../../stories/chat-schedule.stories.js';
import * as hashtagFeedStories from '../../stories/hashtag-feed.stories.js';
import * as supportGroupsStories from '../../stories/support-groups.stories.js';
import { renderStory, storiesOf, type Meta, type Story } from '../helpers/stories.js';
import {
  TARGET,
  clippedText,
  controls,
  expandAll,
  focusProblems,
  forcedColourProblems,
  motionProblems,
  overflowProblems,
  setTheme,
  smallTargets,
  spaceText,
} from './checks.js';

const modules: Record<string, Record<string, unknown>> = {
  'chat-schedule': chatScheduleStories,
  'hashtag-feed': hashtagFeedStories,
  'support-groups': supportGroupsStories,
};

const startUrl = location.href;

for (const [file, mod] of Object.entries(modules)) {
  const meta = (mod.default ?? {}) as Meta;
  describe(`a11y layout: stories/${file}.stories.ts`, function () {
    this.timeout(60000);
    before(() => setViewport({ width: 320, height: 800 }));
    beforeEach(() => history.replaceState(null, '', startUrl));
    afterEach(async () => {
      history.replaceState(null, '', startUrl);
      document.documentElement.style.fontSize = '';
      await emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference', colorScheme: 'light' });
    });

    for (const [key, story] of storiesOf(mod) as [string, Story][]) {
      const name = `${story.name ?? key} (${key})`;

      it(`${name}: 320px wide, no sideways scrolling, targets ≥ ${TARGET}px, axe clean light and dark`, async () => {
        const host = await renderStory(`${file}--${key}`, meta, story);
        expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(320);
        expect(overflowProblems(host, 320), 'overflow at 320px').to.deep.equal([]);
        expect(smallTargets(host), 'targets under 44px').to.deep.equal([]);
        await expandAll(host);
        expect(overflowProblems(host, 320), 'overflow at 320px, disclosures open').to.deep.equal([]);
        expect(smallTargets(host), 'targets under 44px, disclosures open').to.deep.equal([]);
        await setTheme(host, 'light');
        await expect(host).to.be.accessible();
        await setTheme(host, 'dark');
        await expect(host).to.be.accessible();
      });

      it(`${name}: disclosures open, axe clean light and dark`, async () => {
        const host = await renderStory(`${file}--${key}`, meta, story);
        await expandAll(host);
        await setTheme(host, 'light');
        await expect(host).to.be.accessible();
        await setTheme(host, 'dark');
        await expect(host).to.be.accessible();
      });

      it(`${name}: keyboard focus is visible and not obscured`, async () => {
        const host = await renderStory(`${file}--${key}`, meta, story);
        const { problems, reached } = await focusProblems(host);
        expect(problems).to.deep.equal([]);
        // The check must have reached the widget's own controls (it is not passing by tabbing past them).
        if (controls(host).length) expect(reached, 'Tab reached no control inside the widget').to.be.greaterThan(0);
      });

      it(`${name}: 200% text at 320px, nothing scrolls sideways or is cut off`, async () => {
        // Text zoom as a browser setting does it: the root font size doubles, so rem and em grow.
        document.documentElement.style.fontSize = '200%';
        // In a page column with margins, as on a hospital page (1rem each side, so 32px at 200%).
        const host = await renderStory(`${file}--${key}`, meta, story, 'padding-inline: 1rem');
        expect(overflowProblems(host, 320), 'overflow with 200% text').to.deep.equal([]);
        expect(clippedText(host), 'clipped text with 200% text').to.deep.equal([]);
        await expandAll(host);
        expect(overflowProblems(host, 320), 'overflow with 200% text, disclosures open').to.deep.equal([]);
        expect(clippedText(host), 'clipped text with 200% text, disclosures open').to.deep.equal([]);
      });

      it(`${name}: text spacing at 320px, nothing scrolls sideways or is cut off`, async () => {
        const host = await renderStory(`${file}--${key}`, meta, story);
        await expandAll(host);
        await spaceText(host);
        expect(overflowProblems(host, 320), 'overflow with text spacing').to.deep.equal([]);
        expect(clippedText(host), 'clipped text with text spacing').to.deep.equal([]);
      });

      it(`${name}: forced colours keep the controls' boundaries`, async () => {
        await emulateMedia({ forcedColors: 'active' });
        const host = await renderStory(`${file}--${key}`, meta, story);
        expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
        await expandAll(host);
        expect(forcedColourProblems(host)).to.deep.equal([]);
      });

      it(`${name}: reduced motion leaves no animation or transition`, async () => {
        await emulateMedia({ reducedMotion: 'reduce' });
        const host = await renderStory(`${file}--${key}`, meta, story);
        expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
        expect(motionProblems(host)).to.deep.equal([]);
      });
    }
  });
}
