// Issue 12: every locale's catalogue has every key of the English ones, exactly the plural categories the
// browser's Intl.PluralRules uses for that language (so a missing form fails here instead of falling back to
// English), and the same {placeholders} as the English message. scripts/check-locales.mjs checks the same in Node.
import { expect } from '@open-wc/testing';
import '../../src/define/care-chat-schedule.js';
import '../../src/define/care-hashtag-feed.js';
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

type Bundle = Record<string, Record<string, string>>;

const LOCALES: [string, LocaleBundle][] = [
  ['es', es],
  ['ar', ar],
  ['zh-Hans', zhHans],
  ['zh-Hant', zhHant],
  ['vi', vi],
  ['pl', pl],
  ['ur', ur],
  ['el', el],
  ['it', it_],
];

const CATEGORY = /^(.+)_(zero|one|two|few|many|other)$/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/** Per part: the English keys that are not plural, and the bases of those that are (`<base>_other` exists). */
const shape = Object.fromEntries(
  Object.entries(english).map(([part, en]) => {
    const plural = new Set(
      Object.keys(en).flatMap((k) => (CATEGORY.test(k) && `${CATEGORY.exec(k)![1]}_other` in en ? [CATEGORY.exec(k)![1]!] : [])),
    );
    const plain = Object.keys(en).filter((k) => !plural.has(CATEGORY.exec(k)?.[1] ?? ''));
    return [part, { plain, plural: [...plural] }];
  }),
);

/** The English message a locale's key answers to: the same key, or for a plural form the same category, else `_other`. */
const englishFor = (part: string, key: string): string => {
  const en = english[part]!;
  const base = CATEGORY.exec(key)?.[1];
  return en[key] ?? (base ? en[`${base}_other`]! : '');
};

describe('locale catalogues', () => {
  it('cover the English catalogues: some keys to check, and every plural key has _one and _other', () => {
    for (const [part, { plain, plural }] of Object.entries(shape)) {
      expect(plain.length + plural.length, part).to.be.greaterThan(0);
      for (const base of plural) expect(english[part], `${part}.${base}`).to.include.keys(`${base}_one`, `${base}_other`);
    }
  });

  for (const [tag, raw] of LOCALES) {
    const bundle = raw as unknown as Bundle;
    describe(tag, () => {
      const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;

      it('has every part and key of English, each plural key in exactly the categories of Intl.PluralRules, and no other', () => {
        expect(Object.keys(bundle).sort(), 'parts').to.deep.equal(Object.keys(english).sort());
        for (const [part, { plain, plural }] of Object.entries(shape)) {
          const expected = [...plain, ...plural.flatMap((base) => categories.map((c) => `${base}_${c}`))].sort();
          expect(Object.keys(bundle[part] ?? {}).sort(), `${tag} ${part}`).to.deep.equal(expected);
        }
      });

      it('has a form for the counts 0, 1, 2, 3, 5, 11, 21, 100 and 1.5 of every plural key', () => {
        const rules = new Intl.PluralRules(tag);
        for (const [part, { plural }] of Object.entries(shape)) {
          for (const base of plural)
            for (const n of [0, 1, 2, 3, 5, 11, 21, 100, 1.5])
              expect(bundle[part], `${tag} ${part}.${base} for ${n}`).to.have.property(`${base}_${rules.select(n)}`);
        }
      });

      it('keeps every placeholder of the English message, adds none, and leaves no message empty', () => {
        for (const [part, messages] of Object.entries(bundle)) {
          for (const [key, text] of Object.entries(messages)) {
            expect(text.trim(), `${tag} ${part}.${key} is empty`).not.to.equal('');
            expect(placeholders(text), `${tag} ${part}.${key}: “${text}”`).to.deep.equal(placeholders(englishFor(part, key)));
          }
        }
      });
    });
  }
});
