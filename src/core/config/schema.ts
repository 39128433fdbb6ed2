import * as z from 'zod/mini';
import { between, convert, matching, rule } from './checks.js';
import { hasKeys, isWebAddress, toLocalText } from './rules.js';

export { LocalText, resolveLocalText } from './local-text.js';

/** Fields every widget config accepts. */
export const commonFields = {
  /** Editors may point their IDE at the published JSON Schema. */
  $schema: z.optional(z.string()),
  /** Overrides for any message the widget shows, by key (see the README's message reference). */
  messages: z.optional(z.record(z.string(), z.string())),
};

// JSON Schema is told a web address's scheme (see webUrl).
const WEB_SCHEME = '^[\\x00-\\x20]*(?:[Hh][Tt][Tt][Pp][Ss]?:|(?![A-Za-z][A-Za-z0-9+.\\t\\n\\r-]*:))';

/**
 * An `http:` or `https:` address (relative ones resolve against the page). JSON Schema is told its scheme:
 * http(s) or none, after the spaces and control characters a browser ignores before it.
 */
export const webUrl = () => rule(z.string(), isWebAddress, [], { key: 'webAddress' }, { pattern: WEB_SCHEME });

/**
 * A server the widget asks (a Mastodon server, a Bluesky AppView): a full http(s) address, or a path on this site
 * (`/mastodon/`, a proxy). A bare `mastodon.social` is no address: it would be read as a page beside this one.
 */
export const serverUrl = () => matching(/^(?:[Hh][Tt][Tt][Pp][Ss]?:\/\/|\/(?!\/))/, { key: 'serverAddress' }, isWebAddress);

/** A non-empty string. */
export const text = () => z.string().check(z.minLength(1));

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
  convert(
    // No `i` flag (JSON Schema patterns have none) and the rule's facts for dist/schema (./checks.ts).
    z.union([
      one,
      rule(
        z.record(z.string().check(z.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'languageTag')), one),
        hasKeys,
        [],
        { key: 'oneLanguage' },
        { minProperties: 1 },
      ),
    ]),
    toLocalText,
    [],
  ) as never;

/**
 * The level of a widget's own heading, so its outline fits the page it sits in (`h2` under the page's `h1`,
 * `h3` inside a section). Items below it are one level deeper. The page keeps `h1`; `h6` is the deepest.
 */
export const headingLevel = () => z.optional(between(2, 6, true));
