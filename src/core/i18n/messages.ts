import { closestAttribute } from '../dom.js';
import { pluralRules } from './format.js';

/** A catalogue: message key → text with `{name}` placeholders. Plurals use `key_one`, `key_other` … */
export type Catalogue = Record<string, string>;
/** Catalogues by language tag; `en` is complete, others may be partial and fall back to it. */
export type Catalogues = Record<string, Catalogue>;

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Messages shared by every widget. */
export const coreMessages: Catalogues = {
  en: {
    unavailable: 'This information is not available right now.',
    editorDetails: 'Details for the website editor',
    configErrorIntro: 'This widget did not start: its settings (config) have problems. Fix these, then reload the page:',
    skippedIntro_one: '{count} item was left out because of a problem in the settings (config):',
    skippedIntro_other: '{count} items were left out because of problems in the settings (config):',
    loading: 'Loading…',
    sourceFailed: 'Could not load {name}: {reason}',
  },
  es: {
    unavailable: 'Esta información no está disponible en este momento.',
    editorDetails: 'Detalles para el editor del sitio web',
    configErrorIntro: 'Este widget no se inició: su configuración tiene problemas. Corríjalos y vuelva a cargar la página:',
    skippedIntro_one: 'Se omitió {count} elemento por un problema en la configuración:',
    skippedIntro_other: 'Se omitieron {count} elementos por problemas en la configuración:',
    loading: 'Cargando…',
    sourceFailed: 'No se pudo cargar {name}: {reason}',
  },
};

/** The best catalogue chain for a locale: `pt-BR` → `pt-BR`, `pt`, then `en`. */
function chain(locale: string, catalogues: Catalogues): Catalogue[] {
  const tags = [locale, locale.split('-')[0]!, 'en'];
  return tags.map((t) => catalogues[t]).filter((c): c is Catalogue => !!c);
}

/**
 * Builds a translate function. Lookup order: config `messages` overrides, the widget's catalogue, the core's.
 * A `count` param picks the plural form by `Intl.PluralRules`; unknown keys fall back to the key itself.
 */
export function createTranslate(locale: string, catalogues: Catalogues[], overrides: Record<string, string> = {}): Translate {
  const layers = [overrides, ...catalogues.flatMap((c) => chain(locale, c))];
  const lookup = (key: string): string | undefined => {
    for (const layer of layers) if (layer[key] !== undefined) return layer[key];
    return undefined;
  };
  return (key, params) => {
    let text: string | undefined;
    if (params && typeof params.count === 'number') {
      text = lookup(`${key}_${pluralRules(locale).select(params.count)}`) ?? lookup(`${key}_other`);
    }
    text ??= lookup(key) ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

/** The nearest `lang` up the tree, crossing shadow roots; falls back to the document's, then `en`. */
export function resolveLocale(el: Element): string {
  return normaliseLocale(closestAttribute(el, 'lang') || document.documentElement.lang || navigator.language || 'en');
}

function normaliseLocale(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
