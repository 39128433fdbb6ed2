import { lazy } from '../lazy.js';
import type { Part } from './messages.js';

export { registry, registerLocale, type Registry } from './register.js';
import { registry } from './register.js';

/**
 * Where a locale is looked for, most specific first, always ending in English:
 * `zh-Hant-TW` → `zh-Hant`, `zh`, `en`; `zh-TW` → `zh-TW`, `zh-Hant`, `zh`, `en` (its likely script).
 */
export function localeChain(locale: string): string[] {
  const chain: string[] = [];
  const add = (tag: string) => chain.includes(tag) || chain.push(tag);
  const parts = locale.split('-');
  for (let i = parts.length; i > 1; i--) add(parts.slice(0, i).join('-'));
  // Only where a language is written in more than one script do bundles name it (zh-Hans, zh-Hant). Asked only
  // for those: the first maximize() on a page loads the likely-subtags data (tens of ms on a phone).
  if (/^(zh|sr|pa|uz)$/.test(parts[0]!))
    try {
      const script = new Intl.Locale(locale).maximize().script;
      if (script) add(`${parts[0]}-${script}`);
    } catch {
      /* not a valid tag: the plain truncations do */
    }
  add(parts[0]!);
  add('en');
  return chain;
}

/** Right-to-left languages (by their language subtag). */
const RTL = /^(ar|arc|ckb|dv|fa|he|iw|ks|ku|ps|sd|syr|ug|ur|yi)(-|$)/i;
export const directionOf = (locale: string): 'rtl' | 'ltr' => (RTL.test(locale) && !/-Latn\b/i.test(locale) ? 'rtl' : 'ltr');

// Set by the build: the tags with a file in dist/locales/, where that folder is relative to this file, and the
// folder in it whose files hold just this bundle's widget (`care-chat-schedule/`; '' for the files with them all).
declare const __CARE_LOCALES__: string[] | undefined;
declare const __CARE_LOCALE_PATH__: string | undefined;
declare const __CARE_LOCALE_SET__: string | undefined;
/**
 * The address of CareCircle's own script (a CDN's, say): a classic script (the IIFE build) knows it only while it
 * first runs, a module by import.meta.
 */
export const scriptUrl = (typeof document == 'object' && (document.currentScript as HTMLScriptElement | null)?.src) || import.meta.url;

function defaultBase(): string | undefined {
  if (typeof __CARE_LOCALE_PATH__ != 'string') return undefined;
  try {
    return new URL(__CARE_LOCALE_PATH__, scriptUrl).href;
  } catch {
    return undefined;
  }
}
const base = defaultBase();

/**
 * The code that adds a language file's script (with its Trusted Types policy): a chunk, loaded only for a page in
 * another language. A page whose own language is another (and not registered yet) starts loading it at once, beside
 * the widget's start, so that the language file is not one more round trip later. (An object, so tests can swap it.)
 */
export const localeCode = { load: lazy(() => import('./locale-script.js')) };
const pageLang = typeof document == 'object' ? document.documentElement.lang : '';
if (pageLang && !/^en\b/i.test(pageLang) && !localeChain(pageLang).some((t) => registry.bundles[t])) localeCode.load().catch(() => {});

/**
 * Fetches the file of the first language in `locale`'s chain that has one and lacks `part` (the widget's own, with
 * `core`; or `errors`, the editor's wording of config problems, a file apart that only a config with a problem
 * needs), from beside the CareCircle script (a same-origin `<script>`, allowed by `script-src 'self'`). A
 * single-widget bundle fetches the file with just its widget's messages. Resolves when it has registered; on
 * failure warns once and resolves too (English stays).
 */
export function loadLocale(locale: string, part: Part = 'core'): Promise<void> | undefined {
  const tags = registry.tags ?? (typeof __CARE_LOCALES__ == 'object' ? __CARE_LOCALES__ : []);
  const folder = registry.base ?? base;
  for (const tag of localeChain(locale)) {
    if (tag == 'en' || registry.bundles[tag]?.[part]) return undefined;
    if (!tags.includes(tag) || !folder) continue;
    const set = part == 'errors' ? 'errors/' : typeof __CARE_LOCALE_SET__ == 'string' ? __CARE_LOCALE_SET__ : '';
    const url = folder.replace(/\/?$/, '/') + set + tag + '.js';
    const failed = () => {
      if (!registry.warned) console.warn(`CareCircle: could not load ${new URL(url, document.baseURI).href}; showing English.`);
      registry.warned = true;
    };
    return (registry.loading[url] ??= localeCode.load().then(
      ({ addLocaleScript }) =>
        addLocaleScript(url).then((ran) => {
          if (!ran || !registry.bundles[tag]?.[part]) failed();
        }),
      // The loader itself did not load (offline a moment, a proxy): English for now, and the next call asks again.
      () => (delete registry.loading[url], failed()),
    ));
  }
  return undefined;
}
