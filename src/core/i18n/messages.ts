import type { LocaleBundle } from '../../i18n/types.js';
import { numberFormat, pluralRules } from './format.js';
import { localeChain, registry } from './registry.js';

/** A catalogue: message key → text with `{name}` placeholders. Plurals use `key_one`, `key_other` … */
export type Catalogue = Record<string, string>;
/** Catalogues by language tag; `en` is complete, others may be partial and fall back to it. */
export type Catalogues = Record<string, Catalogue>;

type Params = Record<string, string | number>;
export interface Translate {
  (key: string, params?: Params): string;
  /** The message cut at its filled placeholders, for templates that isolate each value's direction. */
  parts(key: string, params?: Params): MessageParts;
  /** The language the message is found in (the locale itself for a config override): English for a fallback. */
  from(key: string, params?: Params): string;
}

/**
 * Messages shared by every widget, in English as their first screen needs them. The wording of what only a feature
 * loaded when used shows comes with that feature's code (`addEnglish`): the editor's panel of config problems
 * (config/issue-panel.ts), why a data source failed (fetch-text.ts). Language files carry them all.
 */
export const coreMessages: Catalogues = {
  en: {
    unavailable: 'This information is not available right now.',
    loading: 'Loading…',
  },
};

/**
 * Adds English messages that a feature loaded when used brings with it, before it shows them: to the core's
 * catalogue, or a widget's (`to`). A config's overrides and language files still come first.
 */
export const addEnglish = (messages: Catalogue, to: Catalogues = coreMessages): void => void Object.assign(to.en!, messages);

/** A part of a `LocaleBundle`: where a registered language keeps the messages of one catalogue. */
export type Part = keyof LocaleBundle;

/** A message cut at its placeholders: text, and `{ value }` for each filled placeholder (with a `#` before it). */
export type MessageParts = (string | { name: string; value: string })[];

/**
 * Builds a translate function. Lookup order: config `messages` overrides, then each catalogue (the widget's,
 * the core's) along the locale chain (`zh-Hant-TW`, `zh-Hant`, `zh`, `en`): in-code catalogues and the
 * registered bundle's `parts[i]`. A `count` param picks the plural form by the `Intl.PluralRules` of the
 * language the message is found in, so a language that has the key never borrows an English form, and an
 * English fallback reads "1 group", not "1 groups". Number params are formatted for that language. Unknown
 * keys fall back to the key itself.
 */
export function createTranslate(
  locale: string,
  catalogues: Catalogues[],
  overrides: Record<string, string> = {},
  parts: (Part | undefined)[] = [],
): Translate {
  const tags = localeChain(locale);
  const layers: [string, Catalogue | undefined][] = [[locale, overrides]];
  catalogues.forEach((c, i) => tags.forEach((tag) => layers.push([tag, registry.bundles[tag]?.[parts[i]!]], [tag, c[tag]])));
  const find = (key: string, params?: Params): [string, string] | undefined => {
    const count = params?.count;
    for (const [tag, layer] of layers) {
      if (!layer) continue;
      const text =
        (typeof count == 'number' ? (layer[`${key}_${pluralRules(tag).select(count)}`] ?? layer[`${key}_other`]) : undefined) ?? layer[key];
      if (text !== undefined) return [tag, text];
    }
    return undefined;
  };
  const value = (tag: string, v: string | number) => (typeof v == 'number' ? numberFormat(tag).format(v) : v);
  const t = ((key, params) => {
    const [tag, text] = find(key, params) ?? [locale, key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? value(tag, params[name]!) : m)) : text;
  }) as Translate;
  t.from = (key, params) => find(key, params)?.[0] ?? locale;
  t.parts = (key, params = {}) => {
    const [tag, text] = find(key, params) ?? [locale, key];
    return text.split(/(#?\{\w+\})/).map((s, i) => {
      const name = i % 2 ? s.replace(/^#?\{|\}$/g, '') : '';
      return !Object.hasOwn(params, name) ? s : { name, value: (s[0] == '#' ? '#' : '') + value(tag, params[name]!) };
    });
  };
  return t;
}
