// Issue 12: every story of every widget, rendered once in each of the ten languages (the story harness of
// test/helpers/stories.ts, with the page's `lang` set), must read wholly in that language:
// - no English left: the English render of the same story is collected first, and every text of the English
//   catalogues (their literal pieces between placeholders, plus Intl's English weekday and month names) that it
//   shows in a widget, and that the story's own config or data does not contain, must not appear in the other
//   language's render (visible text, screen-reader text, aria-label, title, alt, placeholder). Pieces a language
//   keeps as they are ("Google Calendar", "Zoom") are excused for it;
// - no line of the English render back unchanged, unless every word of it is the story's own (names, places,
//   posts) or the language's (its catalogue, Intl's language names): text written into a template shows up here;
// - no message key shown raw (a key missing everywhere) and no `{placeholder}` left unfilled;
// - right to left (ar, ur): each pair of controls, links, pictures, badges and other boxes that stand side by side
//   on one line in English stands in the mirrored order (start and end swap), as logical properties make it.
// The catalogues' keys, plural categories and placeholders are checked per language in ./catalogues.test.ts, the
// plural forms for 0, 1, 2, 3, 5, 11 and 100 in ./plurals.test.ts.
import '../screenshots/clock.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/define/all.js';
import { registerLocale } from '../../src/core/i18n/registry.js';
import type { LocaleBundle } from '../../src/i18n/types.js';
import ar from '../../src/i18n/locales/ar.js';
import el from '../../src/i18n/locales/el.js';
import es from '../../src/i18n/locales/es.js';
import it_ from '../../src/i18n/locales/it.js';
import pl from '../../src/i18n/locales/pl.js';
import ur from '../../src/i18n/locales/ur.js';
import vi from '../../src/i18n/locales/vi.js';
import zhHans from '../../src/i18n/locales/zh-Hans.js';
import zhHant from '../../src/i18n/locales/zh-Hant.js';
import { english } from '../helpers/english.js';
import * as chatScheduleStories from '../../stories/chat-schedule.stories.js';
import * as hashtagFeedStories from '../../stories/hashtag-feed.stories.js';
import * as supportGroupsStories from '../../stories/support-groups.stories.js';
import * as configErrorStories from '../../stories/docs/config-errors.stories.js';
import * as themingStories from '../../stories/docs/theming.stories.js';
import { expandAll } from '../a11y/checks.js';
import { renderStory, settle, storiesOf, widgetsIn, type Meta, type Story } from '../helpers/stories.js';

const BUNDLES: Record<string, LocaleBundle> = { es, ar, 'zh-Hans': zhHans, 'zh-Hant': zhHant, vi, pl, ur, el, it: it_ };
for (const [tag, bundle] of Object.entries(BUNDLES)) registerLocale(tag, bundle);
const LOCALES = ['en', ...Object.keys(BUNDLES)];

const modules: Record<string, Record<string, unknown>> = {
  'chat-schedule': chatScheduleStories,
  'hashtag-feed': hashtagFeedStories,
  'support-groups': supportGroupsStories,
  'docs/config-errors': configErrorStories,
  'docs/theming': themingStories,
};

const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
/** The literal pieces of a message between its placeholders, trimmed of spaces and punctuation at the ends. */
const pieces = (text: string) =>
  text
    .split(/#?\{\w+\}/)
    .map((s) => s.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, ''))
    .filter((s) => letters(s) >= 3);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `piece` as a whole word (or phrase) in `text`. */
const hasWord = (text: string, piece: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(piece)}(?![\\p{L}\\p{N}])`, 'u').test(text);

/** Intl's English names of weekdays and months: a date formatted in English on another language's page. */
const intlEnglish = [
  ...Array.from({ length: 7 }, (_, d) =>
    new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 2 + d)),
  ),
  ...Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, m, 15))),
];
const ENGLISH_PIECES = [...new Set([...Object.values(english).flatMap((part) => Object.values(part).flatMap(pieces)), ...intlEnglish])];
/** Message keys that would show if a key were missing everywhere (one with `_` or a capital inside). */
const KEYS = [...new Set(Object.values(english).flatMap((part) => Object.keys(part)))].filter((k) => /_|[a-z][A-Z]/.test(k));

/** Every text of the language's catalogues, joined: a piece found here is one the language keeps as it is. */
const ownTexts = Object.fromEntries(
  Object.entries(BUNDLES).map(([tag, b]) => [
    tag,
    Object.values(b as unknown as Record<string, Record<string, string>>)
      .flatMap(Object.values)
      .join('\n'),
  ]),
);

/** What a widget shows: its shadow tree's text (screen-reader text and closed disclosures included) and labels. */
function shown(widget: Element): string {
  const out: string[] = [];
  const walk = (root: ParentNode) => {
    for (const node of root.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) out.push(node.nodeValue ?? '');
      // A config path (`groups.0.audiences`) is the editor's code, not a sentence.
      else if (node instanceof Element && !/^(style|script|template|code)$/i.test(node.localName)) {
        for (const a of ['aria-label', 'title', 'alt', 'placeholder']) if (node.getAttribute(a)) out.push(`\n${node.getAttribute(a)}\n`);
        out.push(/^(p|li|div|dt|dd|h\d|summary|label|option|button|legend)$/.test(node.localName) ? '\n' : '');
        walk(node);
        out.push(/^(p|li|div|dt|dd|h\d|summary|label|option|button|legend)$/.test(node.localName) ? '\n' : '');
      }
    }
  };
  walk(widget.shadowRoot!);
  // Values quoted in an editor's message ("family", "online") are config values as written, in any language.
  return out
    .join('')
    .replace(/"[^"\n]*"/g, '""')
    .replace(/[ \t]+/g, ' ');
}

/** The story's own words (config, posts, loaded data): English there is content, not a catalogue left behind. */
function content(story: Story, meta: Meta, widgets: Element[]): string {
  const parts: unknown[] = [meta.args, story.args];
  for (const w of widgets) {
    const x = w as unknown as { value?: unknown; items?: { p: unknown }[]; config?: unknown };
    parts.push(
      x.value,
      x.config,
      x.items?.map((i) => i.p),
    );
  }
  return parts
    .map((p) => {
      try {
        return JSON.stringify(p) ?? '';
      } catch {
        return '';
      }
    })
    .join('\n')
    .replace(/\\"/g, '"');
}

/** Boxes whose order on a line should mirror in right-to-left text: controls, links, pictures, badges. */
const BOXES = 'button, a, img, input, select, summary, label, time, .badge, .tag, .chip, [part], legend';
interface Box {
  index: number;
  rect: DOMRect;
}
/** The widget's boxes in DOM order, those inside content that sets its own direction or language left out. */
function boxes(widget: Element): (Box | undefined)[] {
  const all = [...widget.shadowRoot!.querySelectorAll(BOXES)];
  return all.map((el, index) => {
    const rect = el.getBoundingClientRect();
    if (rect.width < 2 || rect.height < 2 || el.closest('[dir], [lang], .visually-hidden')) return undefined;
    return { index, rect };
  });
}
const sameLine = (a: DOMRect, b: DOMRect) => Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) >= 0.5 * Math.min(a.height, b.height);
const disjoint = (a: DOMRect, b: DOMRect) => a.right <= b.left + 1 || b.right <= a.left + 1;

/**
 * Pairs of boxes side by side on one line in both renders whose order did not swap, by name; `checked` counts
 * the pairs compared, `counts` the boxes in this render and in English.
 */
function unmirrored(
  widget: Element,
  mine: (Box | undefined)[],
  theirs: (Box | undefined)[],
): { wrong: string[]; checked: number; counts: [number, number] } {
  const wrong: string[] = [];
  let checked = 0;
  const name = (k: number) => {
    const el = widget.shadowRoot!.querySelectorAll(BOXES)[k]!;
    return `<${el.localName}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}> “${(el.textContent ?? '').trim().slice(0, 30)}”`;
  };
  for (let i = 0; i < theirs.length && mine.length === theirs.length; i++) {
    for (let j = i + 1; j < theirs.length; j++) {
      const [a, b, x, y] = [theirs[i], theirs[j], mine[i], mine[j]];
      if (!a || !b || !x || !y || !sameLine(a.rect, b.rect) || !disjoint(a.rect, b.rect)) continue;
      if (!sameLine(x.rect, y.rect) || !disjoint(x.rect, y.rect)) continue; // wrapped differently: no order to compare
      checked++;
      if (a.rect.left < b.rect.left !== x.rect.left > y.rect.left) wrong.push(`${name(i)} and ${name(j)}`);
    }
  }
  return { wrong, checked, counts: [mine.length, theirs.length] };
}

/** The English catalogue pieces of `en` that `text` still shows, except those the language keeps as they are. */
const englishLeft = (lang: string, text: string, pieces: string[]) =>
  pieces.filter((p) => hasWord(text, p) && !hasWord(ownTexts[lang] ?? '', p));

/** The lines of a render's text with a Latin word of three letters or more (what English left behind would be). */
const latinLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /\p{Script=Latin}{3}/u.test(l));

/**
 * Whether every Latin word of `line` is in `own` (lower case): the story's own words (a name, a place and its
 * postcode, a post, a cancer type), and for another language its catalogue and Intl's names of languages in it
 * ("Hindi" is Spanish too).
 */
const excused = (line: string, own: string) =>
  (line.match(/\p{Script=Latin}[\p{Script=Latin}\p{M}'’-]*/gu) ?? []).every((w) => own.includes(w.toLowerCase()));
const LANGUAGE_CODES = 'ar bn de el en es fa fr hi it ja ko pl pt ru ta tl tr uk ur vi zh zh-Hans zh-Hant'.split(' ');
const languageNames = (lang: string) => LANGUAGE_CODES.map((c) => new Intl.DisplayNames(lang, { type: 'language' }).of(c)).join('\n');

interface EnglishRender {
  /** Lines of the English render that no config or data gave (in any language they must change). */
  lines: Set<string>;
  pieces: string[];
  boxes: (Box | undefined)[][];
}
const englishRenders = new Map<string, EnglishRender>();
const startUrl = location.href;
let pairsChecked: Record<string, number> = {};

describe('every story in every language', function () {
  this.timeout(60000);
  beforeEach(() => {
    history.replaceState(null, '', startUrl);
    localStorage.clear();
  });
  afterEach(() => history.replaceState(null, '', startUrl));

  for (const lang of LOCALES) {
    describe(lang, () => {
      for (const [file, mod] of Object.entries(modules)) {
        const meta = (mod.default ?? {}) as Meta;
        for (const [key, story] of storiesOf(mod)) {
          const id = `${file}--${key}`;
          it(`${file}: ${story.name ?? key}`, async () => {
            const host = await renderStory(id, meta, story, '', 8000, lang);
            const widgets = widgetsIn(host);
            // Positions are compared with disclosures closed, as the story first shows; texts with them open.
            const closed = widgets.map(boxes);
            await expandAll(host);
            // A menu drawn when first opened may wait for its code ("Loading…" in it, or in the live region beside it):
            // read it once it is there.
            const busy = () =>
              widgets.some(
                (w) =>
                  w.shadowRoot?.querySelector('details[open] [role=status]') ||
                  w.shadowRoot?.querySelector('details[open] + [role=status]')?.textContent?.trim(),
              );
            await waitUntil(() => !busy(), '', { timeout: 3000 }).catch(() => undefined);
            await settle(host);
            const texts = widgets.map(shown);
            const all = texts.join('\n');
            for (const k of KEYS) expect(hasWord(all, k), `${lang} ${id}: the message key "${k}" is shown raw`).to.equal(false);
            expect(all.match(/\{\w+\}/g) ?? [], `${lang} ${id}: placeholders left unfilled`).to.deep.equal([]);

            if (lang === 'en') {
              const own = content(story, meta, widgets);
              const found = ENGLISH_PIECES.filter((p) => hasWord(all, p) && !hasWord(own, p));
              expect(found.length, `${id}: the English render shows no catalogue text at all: ${all.slice(0, 200)}`).to.be.greaterThan(0);
              // Lower-cased once, not per line: a story of 10,000 groups carries megabytes of its own text.
              const lower = own.toLowerCase();
              const lines = new Set(latinLines(all).filter((l) => !excused(l, lower)));
              englishRenders.set(id, { pieces: found, lines, boxes: closed });
              return;
            }
            const en = englishRenders.get(id);
            expect(en, `${id}: its English render failed, so there is nothing to compare with`).to.not.equal(undefined);
            const left = englishLeft(lang, all, en!.pieces);
            expect(left, `${lang} ${id}: English left in the ${lang} render`).to.deep.equal([]);
            // Text written into a template, not a catalogue: a line of the English render that comes back unchanged.
            const own = content(story, meta, widgets);
            const words = [own, ownTexts[lang], languageNames(lang)].join('\n').toLowerCase();
            const same = latinLines(all).filter((l) => en!.lines.has(l) && !excused(l, words));
            expect(same, `${lang} ${id}: lines the same as in English (text outside the catalogues?)`).to.deep.equal([]);

            if (lang === 'ar' || lang === 'ur') {
              for (const [w, widget] of widgets.entries()) {
                expect(getComputedStyle(widget).direction, `${lang} ${id}: <${widget.localName}> direction`).to.equal('rtl');
                const { wrong, checked, counts } = unmirrored(widget, closed[w]!, en!.boxes[w]!);
                expect(counts[0], `${lang} ${id}: <${widget.localName}> has as many boxes as in English`).to.equal(counts[1]);
                pairsChecked[lang] = (pairsChecked[lang] ?? 0) + checked;
                expect(wrong, `${lang} ${id}: <${widget.localName}>: pairs in the same order as in English, not mirrored`).to.deep.equal(
                  [],
                );
              }
            }
          });
        }
      }
      if (lang === 'ar' || lang === 'ur')
        it('the mirroring check compared many pairs side by side (it is not passing by comparing nothing)', () => {
          expect(pairsChecked[lang] ?? 0).to.be.greaterThan(30);
        });
    });
  }

  // The checks themselves: each must fail on what it is there to find.
  describe('the checks catch', () => {
    const meta = supportGroupsStories.default as Meta;
    const FullList = supportGroupsStories.FullList as unknown as Story;
    const english = () => englishRenders.get('support-groups--FullList');

    it('a message a language lacks (it shows in English)', async () => {
      const partial = { ...es, 'support-groups': { ...es['support-groups'], searchLabel: undefined as unknown as string } };
      registerLocale('es', partial);
      try {
        const host = await renderStory('self-test', meta, FullList, '', 8000, 'es');
        expect(english(), 'the English render of FullList').to.not.equal(undefined);
        const text = widgetsIn(host).map(shown).join('\n');
        expect(englishLeft('es', text, english()!.pieces)).to.deep.equal(['Search for a support group']);
      } finally {
        registerLocale('es', es);
      }
    });

    it('a line written into a template, not a catalogue, that comes back unchanged', () => {
      const english = new Set(latinLines('Opening hours\nBreast (5)\n').filter((l) => !excused(l, 'breast')));
      expect([...english]).to.deep.equal(['Opening hours']);
      const words = ['breast', ownTexts.es, languageNames('es')].join('\n').toLowerCase();
      const spanish = 'Opening hours\nBreast (5)\nHindi (3)\nHorario';
      expect(latinLines(spanish).filter((l) => english.has(l) && !excused(l, words))).to.deep.equal(['Opening hours']);
    });

    it('a right-to-left page laid out left to right', async () => {
      const host = await renderStory('self-test', meta, FullList, '', 8000, 'ar');
      const widget = widgetsIn(host)[0]!;
      widget.style.direction = 'ltr'; // as if the styles used left and right instead of start and end
      await new Promise((r) => requestAnimationFrame(r));
      expect(unmirrored(widget, boxes(widget), english()!.boxes[0]!).wrong.length).to.be.greaterThan(3);
    });
  });
});
