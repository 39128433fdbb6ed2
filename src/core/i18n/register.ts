import type { LocaleBundle } from '../../i18n/types.js';

/**
 * The languages other than English, registered by the locale files (`dist/locales/<tag>.js`, or all of them
 * in `dist/carecircle.locales.js`). One registry per page, shared by every CareCircle file on it (the
 * single-widget files and the all-in-one may be loaded together), so it lives on `globalThis`. This module is
 * all a locale file runs besides its messages (registry.ts adds how widgets find and fetch languages).
 */
export interface Registry {
  /** By language, the parts registered so far (a widget's own file holds `core` and its part; `errors` come apart). */
  bundles: Record<string, Partial<LocaleBundle>>;
  /** Called with the tag of each newly registered bundle. */
  listeners: Set<(tag: string) => void>;
  /** Where locale files are fetched from (a folder URL; a missing final `/` is added); tests and CDNs may set it. */
  base?: string;
  /** The tags that have a file there. */
  tags?: string[];
  /** Files being fetched, or that failed (then English stays), by address. */
  loading: Record<string, Promise<void>>;
  warned?: boolean;
}

const KEY = Symbol.for('carecircle.locales');
export const registry: Registry = ((globalThis as Record<symbol, Registry>)[KEY] ??= { bundles: {}, listeners: new Set(), loading: {} });

/** Adds one language's messages (some parts or all); widgets showing that language re-render. */
export function registerLocale(tag: string, bundle: Partial<LocaleBundle>): void {
  registry.bundles[tag] = { ...registry.bundles[tag], ...bundle };
  registry.listeners.forEach((f) => f(tag));
}
