import * as z from 'zod/mini';
import { refine } from './checks.js';

/** Fields every widget config accepts. */
export const commonFields = {
  /** Editors may point their IDE at the published JSON Schema. */
  $schema: z.optional(z.string()),
  /** Overrides for any message the widget shows, by key (see the README's message reference). */
  messages: z.optional(z.record(z.string(), z.string())),
};

/**
 * An `http:` or `https:` address (relative ones resolve against the page). JSON Schema is told its scheme:
 * http(s) or none, after the spaces and control characters a browser ignores before it.
 */
export const webUrl = () =>
  refine(z.string(), (v) => /^https?:$/.test(safeProtocol(v)), 'Must be a web address starting with https:// or http://', {
    pattern: '^[\\x00-\\x20]*(?:[Hh][Tt][Tt][Pp][Ss]?:|(?![A-Za-z][A-Za-z0-9+.\\t\\n\\r-]*:))',
  });

function safeProtocol(value: string): string {
  try {
    return new URL(value, document.baseURI).protocol;
  } catch {
    return '';
  }
}

/** A non-empty string. */
export const text = () => z.string().check(z.minLength(1));

/** Per-language text, kept whole by validation and chosen for the widget's language afterwards. */
export class LocalText {
  constructor(readonly texts: Record<string, string>) {}
}

/**
 * Text a patient reads, in one language or several: `"Breast cancer support"`, or an object of language →
 * text (`{ "en": "Breast cancer support", "es": "Apoyo para cáncer de mama" }`). The widget shows the
 * text of its language, falling back along the locale chain (`es-MX`, `es`, then `en`, then the first given).
 * Widget code sees a plain string: the widget resolves it once per language (`resolveLocalText`).
 */
export const localText = (): z.ZodMiniType<string, string | Record<string, string>> => perLanguage(z.string());

/** `localText()` that must not be empty (in any of its languages). */
export const localName = (): z.ZodMiniType<string, string | Record<string, string>> => perLanguage(text());

const perLanguage = (one: z.ZodMiniType<string>) =>
  z.pipe(
    // No `i` flag (JSON Schema patterns have none) and the refine's facts for dist/schema (./checks.ts).
    z.union([
      one,
      refine(
        z.record(z.string().check(z.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Must be a language tag such as "en" or "zh-Hant"')), one),
        (r) => Object.keys(r).length > 0,
        'Give the text in at least one language.',
        { minProperties: 1 },
      ),
    ]),
    z.transform((v: string | Record<string, string>) => (typeof v == 'string' ? v : new LocalText(v))),
  ) as never;

/**
 * A copy of a validated config with every per-language text replaced by the text for `chain` (most specific
 * language first), or the config itself when it has none. Only plain objects and lists are walked.
 */
export function resolveLocalText<T>(value: T, chain: readonly string[]): T {
  const walk = (v: unknown): unknown => {
    if (v instanceof LocalText) {
      const lower = Object.fromEntries(Object.entries(v.texts).map(([k, t]) => [k.toLowerCase(), t]));
      for (const tag of chain) if (lower[tag.toLowerCase()] !== undefined) return lower[tag.toLowerCase()];
      return Object.values(v.texts)[0];
    }
    if (Array.isArray(v)) {
      const out = v.map(walk);
      return out.some((x, i) => x !== v[i]) ? out : v;
    }
    if (v && typeof v == 'object' && Object.getPrototypeOf(v) == Object.prototype) {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) changed = (out[k] = walk(x)) !== x || changed;
      return changed ? out : v;
    }
    return v;
  };
  return walk(value) as T;
}
