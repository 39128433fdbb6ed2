// The screenshot set (issue 11): every story of a stories module, rendered through the one story harness
// (test/helpers/stories.ts), in four modes and two widths, compared with a committed baseline picture.
// Each test file under test/screenshots/ imports ./clock.js first (the frozen clock), then its stories
// module, then calls `screenshotStories` here. The comparison itself runs in Node (test/screenshots/plugin.mjs).
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../../src/define/all.js';
import { setTheme } from '../a11y/checks.js';
import { expectation, renderStory, settle, settled, storiesOf, widgetsIn, type Meta, type Story } from '../helpers/stories.js';
import { registerLocale } from '../../src/core/i18n/registry.js';
import ar from '../../src/i18n/locales/ar.js';
import zhHans from '../../src/i18n/locales/zh-Hans.js';

/** Languages pictured for one representative story per widget (issue 12): right to left, and a CJK script. */
export const LANGUAGES = ['ar', 'zh-Hans'] as const;
registerLocale('ar', ar);
registerLocale('zh-Hans', zhHans);

export const MODES = ['light', 'dark', 'forced', 'rtl'] as const;
export type Mode = (typeof MODES)[number];
export const WIDTHS = [360, 1280] as const;
/** Pictures stop at this height (CSS px, about two phone screens): long stories ("100 posts", "10,000 groups", the week of chats at 360 px) show their beginning only, which keeps the set near 27 MB. */
export const MAX_HEIGHT = 1600;
/** Storybook's dark canvas text colour (.storybook/preview.css), for docs stories' own text on a dark card. */
const DARK_TEXT = '#eef1f4';
/** The font stack of Storybook's canvas and the demo pages: the widgets inherit the page's font. */
const PAGE_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

const UPDATE = 'npm run screenshots:update';

/** Storybook's id for a story: `Widgets/Chat schedule` + `WeekOfChats` → `widgets-chat-schedule--week-of-chats`. */
export function storyId(title: string, exportName: string): string {
  const slug = (s: string) =>
    s
      .replace(/([a-z\d])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .toLowerCase()
      .replace(/[^a-z\d]+/g, '-')
      .replace(/^-|-$/g, '');
  return `${slug(title)}--${slug(exportName)}`;
}

/** A baseline's file name (without .png) under test/screenshots/baseline/; a language takes the place of the mode. */
export const imageName = (id: string, mode: Mode | (typeof LANGUAGES)[number], width: number) => `${id}.${mode}.${width}`;

/** A story that is dark by itself (all its widgets carry theme="dark"): its "light" picture would repeat another story. */
const darkByItself = (host: HTMLElement) => {
  const widgets = widgetsIn(host);
  return widgets.length > 0 && widgets.every((w) => w.getAttribute('theme') === 'dark');
};

/** Waits until every picture in the story has loaded or failed (external ones are served a placeholder). */
async function imagesDone(host: HTMLElement): Promise<void> {
  const roots: ParentNode[] = [
    host,
    ...widgetsIn(host)
      .map((w) => w.shadowRoot!)
      .filter(Boolean),
  ];
  const images = roots.flatMap((r) => [...r.querySelectorAll('img')]);
  for (const img of images) img.loading = 'eager';
  await Promise.all(images.map((img) => (img.complete ? undefined : new Promise((r) => ((img.onload = r), (img.onerror = r))))));
}

/** Lets the story come to rest: renders done, fonts loaded, pictures loaded, no focus (no caret), two frames. */
async function stillLife(host: HTMLElement): Promise<void> {
  (document.activeElement as HTMLElement | null)?.blur();
  await settle(host);
  await imagesDone(host);
  await document.fonts.ready;
  await settle(host);
}

export interface Shot {
  name: string;
  story: string;
  mode: Mode;
  width: number;
}

/** Compares the story's picture with its baseline, saying plainly what to do when it is missing or differs. */
async function compare(host: HTMLElement, name: string): Promise<void> {
  await stillLife(host);
  try {
    await visualDiff(host, name);
  } catch (e) {
    const message = (e as Error).message;
    const missing = /no baseline/i.test(message);
    throw new Error(
      missing
        ? `${name}.png: no baseline in test/screenshots/baseline/. Create it with \`${UPDATE}\`, look at it, and commit it. (The picture taken is in test-results/screenshots/.)`
        : `${name}.png differs from its baseline: ${message}\nThe picture taken and a diff are in test-results/screenshots/. If the change is intended: \`${UPDATE}\`, review, commit.`,
    );
  }
}

/**
 * Declares one test per picture of each story of `mod`, and a last test that every committed baseline of
 * this module belongs to one of them (the update command deletes those that do not). `inLanguages` names
 * the story also pictured in each of `LANGUAGES` (light, both widths), as a page in that language shows it.
 */
export function screenshotStories(file: string, mod: Record<string, unknown>, inLanguages?: string): void {
  const meta = (mod.default ?? {}) as Meta;
  const stories = storiesOf(mod) as [string, Story][];
  const startUrl = location.href;
  const expected: string[] = [];
  const prefix = `${storyId(meta.title ?? file, '')}`;

  describe(`screenshots: stories/${file}.stories.ts (${meta.title})`, function () {
    this.timeout(60000);
    before(() => {
      // The story fills the viewport's width, in the font of a real page.
      document.body.style.margin = '0';
      document.body.style.fontFamily = PAGE_FONT;
    });
    beforeEach(() => {
      history.replaceState(null, '', startUrl);
      localStorage.clear();
    });
    afterEach(async () => {
      history.replaceState(null, '', startUrl);
      await emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce', forcedColors: 'none' });
    });

    for (const [key, story] of stories) {
      const id = storyId(meta.title ?? file, key);
      for (const width of WIDTHS) {
        for (const mode of MODES) {
          const name = imageName(id, mode, width);
          expected.push(name);
          it(`${story.name ?? key} (${key}): ${mode}, ${width}px`, async function () {
            // Taller than the most a story shows (MAX_HEIGHT), so nothing in it is off screen: content that
            // `content-visibility: auto` lays out only near the screen is drawn, not left blank on a busy machine.
            await setViewport({ width, height: MAX_HEIGHT + 100 });
            await emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce', forcedColors: mode === 'forced' ? 'active' : 'none' });
            const host = await renderStory(
              id,
              meta,
              story,
              `box-sizing: border-box; padding: 1rem; max-block-size: ${MAX_HEIGHT}px; overflow: clip`,
            );
            // Docs stories put their widgets in late (the playground after fetching its example, when its
            // own text is long there): a picture is taken once they are in and have settled too.
            const waiting = expectation(story) === 'waiting';
            await waitUntil(
              () => widgetsIn(host).length > 0 && (waiting || widgetsIn(host).every(settled)),
              `${id}: its widgets did not appear and settle`,
              { timeout: 8000, interval: 50 },
            );
            const dark = darkByItself(host);
            if (mode === 'light' && dark) {
              // Its light picture is another story's (e.g. "Dark theme" is "Full list" in light): nothing to take.
              expected.splice(expected.indexOf(name), 1);
              this.skip();
            }
            if (mode === 'dark' && !dark) {
              await setTheme(host, 'dark');
              host.style.color = DARK_TEXT;
            }
            if (mode === 'rtl') host.dir = 'rtl';
            await compare(host, name);
          });
        }
      }
      if (key !== inLanguages) continue;
      for (const lang of LANGUAGES) {
        for (const width of WIDTHS) {
          const name = imageName(id, lang, width);
          expected.push(name);
          it(`${story.name ?? key} (${key}): in ${lang}, ${width}px`, async function () {
            // Taller than the most a story shows (MAX_HEIGHT), so nothing in it is off screen: content that
            // `content-visibility: auto` lays out only near the screen is drawn, not left blank on a busy machine.
            await setViewport({ width, height: MAX_HEIGHT + 100 });
            await emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce', forcedColors: 'none' });
            const wrapper = `box-sizing: border-box; padding: 1rem; max-block-size: ${MAX_HEIGHT}px; overflow: clip`;
            const host = await renderStory(id, meta, story, wrapper, 8000, lang);
            await waitUntil(() => widgetsIn(host).length > 0 && widgetsIn(host).every(settled), `${id}: its widgets did not settle`, {
              timeout: 8000,
              interval: 50,
            });
            // The picture is of the language itself: its words, and (Arabic) its right-to-left layout.
            for (const w of widgetsIn(host)) expect(getComputedStyle(w).direction).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
            await compare(host, name);
          });
        }
      }
    }
    // A renamed story must not silently drop its language pictures.
    if (inLanguages)
      it(`the story pictured in ${LANGUAGES.join(' and ')} (${inLanguages}) exists`, () =>
        expect(stories.map(([k]) => k)).to.include(inLanguages));

    it('every committed baseline of these stories belongs to a picture above', async () => {
      const update = await executeServerCommand<{ update: boolean; baselines: string[] }, { prefix: string; keep?: string[] }>(
        'screenshot-baselines',
        { prefix },
      );
      const orphans = update.baselines.filter((n) => !expected.includes(n));
      if (update.update && orphans.length) {
        // Updating: a baseline whose story (or mode) is gone is deleted, so the set stays exactly the stories.
        await executeServerCommand('screenshot-baselines', { prefix, keep: expected });
        return;
      }
      expect(orphans, `baselines with no story: delete them or run \`${UPDATE}\``).to.deep.equal([]);
    });
  });
}
