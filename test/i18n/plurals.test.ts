// Issue 12: plurals right for the counts 0, 1, 2, 3, 5, 11 and 100 in every language, for every plural message.
// Each message is looked up the way a widget does (createTranslate over the in-code English catalogue and the
// registered bundle's part), and must be the language's own form for the category its Intl.PluralRules gives
// that count (Arabic: zero, one, two, few, many, other; Polish: one, few, many; Chinese and Vietnamese: other),
// with the count written in the language's digits, never an English form or an English number.
import { expect } from '@open-wc/testing';
import '../../src/define/care-chat-schedule.js';
import '../../src/define/care-hashtag-feed.js';
import { createTranslate, type Catalogues, type Part } from '../../src/core/i18n/messages.js';
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

const BUNDLES: Record<string, LocaleBundle> = { es, ar, 'zh-Hans': zhHans, 'zh-Hant': zhHant, vi, pl, ur, el, it: it_ };
for (const [tag, bundle] of Object.entries(BUNDLES)) registerLocale(tag, bundle);

const COUNTS = [0, 1, 2, 3, 5, 11, 100];
const plurals = (en: Record<string, string>) => [
  ...new Set(Object.keys(en).flatMap((k) => (/_other$/.test(k) ? [k.slice(0, -'_other'.length)] : []))),
];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

describe('plural messages for 0, 1, 2, 3, 5, 11 and 100', () => {
  it('there are plural messages in every part that has counts', () => {
    for (const part of ['core', 'hashtag-feed', 'support-groups', 'chat-schedule', 'errors'] as Part[])
      expect(plurals(english[part]).length, part).to.be.greaterThan(0);
  });

  for (const lang of ['en', ...Object.keys(BUNDLES)]) {
    it(`${lang}: each count takes the form of its category, with the count in ${lang}'s digits`, () => {
      const rules = new Intl.PluralRules(lang);
      const digits = new Intl.NumberFormat(lang);
      const own = lang === 'en' ? english : (BUNDLES[lang] as unknown as Record<Part, Record<string, string>>);
      let checked = 0;
      for (const part of Object.keys(english) as Part[]) {
        const t = createTranslate(lang, [{ en: english[part] } as Catalogues], {}, [part]);
        for (const base of plurals(english[part])) {
          for (const n of COUNTS) {
            const category = rules.select(n);
            const form = own[part]?.[`${base}_${category}`];
            expect(form, `${lang} ${part}.${base}_${category} (for ${n}) is missing`).to.be.a('string');
            // Every other placeholder gets a plain value; the count goes in as `count` and as `n`.
            const params: Record<string, string | number> = { count: n, n };
            for (const p of placeholders(form!)) if (!(p in params)) params[p] = 'X';
            const expected = form!.replace(/\{(\w+)\}/g, (_, p: string) =>
              typeof params[p] == 'number' ? digits.format(n) : String(params[p]),
            );
            expect(t(base, params), `${lang} ${part}.${base} for ${n}`).to.equal(expected);
            if (/\{(count|n)\}/.test(form!))
              expect(expected, `${lang} ${part}.${base} for ${n} shows the count`).to.contain(digits.format(n));
            checked++;
          }
        }
      }
      // Eight plural messages today (fresh, showGroups, count, showMore, hosts, skippedIntro, keptIntro, minItems), each for every count.
      expect(checked).to.be.at.least(8 * COUNTS.length);
    });
  }

  it('English says "1 group" and "0 groups"; Arabic uses its zero, dual and plural forms; Polish its few and many', () => {
    const t = (lang: string) => createTranslate(lang, [{ en: english['support-groups']! }], {}, ['support-groups']);
    expect([0, 1, 2].map((n) => t('en')('count', { count: n, n }))).to.deep.equal(['0 groups', '1 group', '2 groups']);
    const ar = (n: number) => t('ar')('count', { count: n, n });
    const d = new Intl.NumberFormat('ar');
    // The dual for two, the plural for three to ten, the singular (accusative) for eleven and a hundred.
    expect([ar(2), ar(3), ar(11), ar(100)]).to.deep.equal([
      `${d.format(2)} مجموعتان`,
      `${d.format(3)} مجموعات`,
      `${d.format(11)} مجموعة`,
      `${d.format(100)} مجموعة`,
    ]);
    const polish = [1, 2, 5, 22, 25].map((n) => t('pl')('count', { count: n, n }));
    expect(polish).to.deep.equal(['1 grupa', '2 grupy', '5 grup', '22 grupy', '25 grup']);
  });
});
