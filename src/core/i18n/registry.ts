import type { LocaleBundle } from '../../i18n/types.js';
import { localeScriptUrl } from '../trusted-types.js';

/**
 * The languages other than English, registered by the locale files (`dist/locales/<tag>.js`, or all of them
 * in `dist/carecircle.locales.js`). One registry per page, shared by every CareCircle file on it (the
 * single-widget files and the all-in-one may be loaded together), so it lives on `globalThis`.
 */
interface Registry {
  bundles: Record<string, LocaleBundle>;
  /** Called with the tag of each newly registered bundle. */
  listeners: Set<(tag: string) => void>;
  /** Where locale files are fetched from (a folder URL; a missing final `/` is added); tests and CDNs may set it. */
  base?: string;
  /** The tags that have a file there. */
  tags?: string[];
  /** Tags being fetched, or that failed (then English stays). */
  loading: Record<string, Promise<void>>;
  warned?: boolean;
}

const KEY = Symbol.for('carecircle.locales');
export const registry: Registry = ((globalThis as Record<symbol, Registry>)[KEY] ??= { bundles: {}, listeners: new Set(), loading: {} });

/** Adds one language's messages for every widget; widgets showing that language re-render. */
export function registerLocale(tag: string, bundle: LocaleBundle): void {
  registry.bundles[tag] = bundle;
  registry.listeners.forEach((f) => f(tag));
}

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

// Set by the build: the tags with a file in dist/locales/, and where that folder is relative to this file.
declare const __CARE_LOCALES__: string[] | undefined;
declare const __CARE_LOCALE_PATH__: string | undefined;
const script = typeof document == 'object' ? (document.currentScript as HTMLScriptElement | null) : null;

function defaultBase(): string | undefined {
  if (typeof __CARE_LOCALE_PATH__ != 'string') return undefined;
  try {
    // A classic script (the IIFE build) knows its address only while it first runs; a module by import.meta.
    return new URL(__CARE_LOCALE_PATH__, script?.src || import.meta.url).href;
  } catch {
    return undefined;
  }
}
const base = defaultBase();

/**
 * Fetches the file of the first language in `locale`'s chain that has one and is not registered yet, from
 * beside the CareCircle script (a same-origin `<script>`, allowed by `script-src 'self'`). Resolves when
 * it has registered; on failure warns once and resolves too (English stays).
 */
export function loadLocale(locale: string): Promise<void> | undefined {
  const tags = registry.tags ?? (typeof __CARE_LOCALES__ == 'object' ? __CARE_LOCALES__ : []);
  const folder = registry.base ?? base;
  for (const tag of localeChain(locale)) {
    if (tag == 'en' || registry.bundles[tag]) return undefined;
    if (!tags.includes(tag) || !folder) continue;
    return (registry.loading[tag] ??= new Promise<void>((resolve) => {
      const s = document.createElement('script');
      const done = (ok: boolean) => {
        if (!ok && !registry.warned) {
          registry.warned = true;
          console.warn(`CareCircle: could not load ${s.src}; showing English.`);
        }
        resolve();
      };
      s.onload = () => done(!!registry.bundles[tag]);
      s.onerror = () => done(false);
      // Under a nonce-based CSP the page's own nonce lets this same-origin file run.
      s.nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '';
      try {
        // Under Trusted Types the address goes through CareCircle's own policy (one that allows language files only).
        const url = localeScriptUrl(folder.replace(/\/?$/, '/') + tag + '.js');
        if (url === undefined) throw new Error('policy refused');
        s.src = url;
        document.head.append(s);
      } catch {
        done(false); // a page whose Trusted Types policy names leave ours out: English stays
      }
    }));
  }
  return undefined;
}
