// One way to pass a string to a Trusted Types sink. Each policy is module-private to this file, created once
// on first use, and does nothing but pass its input through: callers only hand it strings they built or
// parsed inertly themselves. Where the page refuses a policy name (its CSP lists others), the helper returns
// undefined and the caller falls back to something safe (text instead of markup, no JSON-LD).

type Factory = {
  createPolicy(
    name: string,
    rules: { createHTML?: (s: string) => string; createScript?: (s: string) => string; createScriptURL?: (s: string) => string },
  ): {
    createHTML(s: string): unknown;
    createScript(s: string): unknown;
    createScriptURL(s: string): unknown;
  };
};

/** The policy names a page's `trusted-types` CSP directive must allow (with `lit-html`). */
const POLICY_NAMES = { inert: 'carecircle-inert', jsonLd: 'carecircle-jsonld', locale: 'carecircle-locale' } as const;

const policies = new Map<string, ReturnType<Factory['createPolicy']> | null>();

function policy(name: string): ReturnType<Factory['createPolicy']> | null | undefined {
  const tt = (globalThis as { trustedTypes?: Factory }).trustedTypes;
  if (!tt) return undefined;
  if (!policies.has(name)) {
    try {
      policies.set(
        name,
        name == POLICY_NAMES.locale
          ? // Only a language file: `<folder>/locales/<tag>.js`, nothing else, whoever asks.
            tt.createPolicy(name, { createScriptURL: (s) => (isLocaleFileUrl(s) ? s : '') })
          : tt.createPolicy(name, { createHTML: (s) => s, createScript: (s) => s }),
      );
    } catch {
      policies.set(name, null);
    }
  }
  return policies.get(name);
}

// The origin CareCircle's own script came from (a CDN's, say): a classic script knows it only while it first runs.
const ownScript = typeof document == 'object' ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;

/**
 * Whether `s` is the address of a language file and nothing else: `…/locales/<tag>.js` (or a widget's own,
 * `…/locales/care-chat-schedule/<tag>.js`, or the config problems' `…/locales/errors/<tag>.js`) over http(s), from the
 * page's origin or the script's own, with no query, fragment, credentials, `.`/`..` segments or escapes that
 * could make the path end in `/locales/…` while naming something else (`data:…//locales/ar.js`, `…?/locales/ar.js`).
 */
export function isLocaleFileUrl(s: string): boolean {
  if (
    /[?#\\]|%(2e|2f|5c)|(^|\/)\.{1,2}(\/|$)/i.test(s) ||
    !/\/locales\/((care-(hashtag-feed|support-groups|chat-schedule)|errors)\/)?[A-Za-z]{2,3}(-[A-Za-z\d]{2,8})*\.js$/.test(s)
  )
    return false;
  try {
    const url = new URL(s, document.baseURI);
    const origins = [location.origin, new URL(ownScript || import.meta.url, document.baseURI).origin];
    return /^https?:$/.test(url.protocol) && !url.username && !url.password && origins.includes(url.origin);
  } catch {
    return false;
  }
}

/**
 * Markup for `DOMParser.parseFromString`, which Trusted Types treats as an HTML sink even though the parsed
 * document is inert. The plain string where the page does not enforce Trusted Types; undefined where it
 * refuses our policy.
 */
export function inertHtml(markup: string): string | undefined {
  const p = policy(POLICY_NAMES.inert);
  return p === undefined ? markup : ((p?.createHTML(markup) as string | undefined) ?? undefined);
}

/**
 * Text for a `<script type="application/ld+json">` data block (a script-text sink under Trusted Types even
 * though it never runs). Same fallbacks as `inertHtml`.
 */
export function dataScriptText(json: string): string | undefined {
  const p = policy(POLICY_NAMES.jsonLd);
  return p === undefined ? json : ((p?.createScript(json) as string | undefined) ?? undefined);
}

/**
 * The address of a language file (`…/locales/ar.js`) for a `<script src>`, a script-URL sink under Trusted Types.
 * Same fallbacks as `inertHtml` (where the page refuses the policy, the widget stays in English).
 */
export function localeScriptUrl(url: string): string | undefined {
  const p = policy(POLICY_NAMES.locale);
  return p === undefined ? url : ((p?.createScriptURL(url) as string | undefined) ?? undefined);
}
