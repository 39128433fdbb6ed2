// One way to pass a string to a Trusted Types sink. Each policy is created once, on first use, by the one module
// that uses it: here the two that pass their input through (callers only hand them strings they built or parsed
// inertly themselves), and in i18n/locale-script.ts the one that admits language files only. Where the page
// refuses a policy name (its CSP lists others), `trusted` returns undefined and the caller falls back to something
// safe (text instead of markup, no JSON-LD, English).

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

const policies = new Map<string, ReturnType<Factory['createPolicy']> | null>();
const passThrough = { createHTML: (s: string) => s, createScript: (s: string) => s };

type Rules = Parameters<Factory['createPolicy']>[1];

/**
 * `s` through the page's Trusted Types policy `name` (made once, with `rules`) for the sink `kind`: `s` itself where
 * the browser has no Trusted Types, undefined where the page refuses that name, and an empty value where the rules
 * refuse `s` (they return '': a script with that address only fails to load). The names a page's
 * `trusted-types` directive must allow (with `lit-html`): carecircle-inert, carecircle-jsonld, carecircle-locale.
 */
export function trusted(name: string, rules: Rules, kind: keyof Rules, s: string): string | undefined {
  const tt = (globalThis as { trustedTypes?: Factory }).trustedTypes;
  if (!tt) return s;
  if (!policies.has(name)) {
    try {
      policies.set(name, tt.createPolicy(name, rules));
    } catch {
      policies.set(name, null);
    }
  }
  return policies.get(name)?.[kind](s) as string | undefined;
}

/**
 * Markup for `DOMParser.parseFromString`, which Trusted Types treats as an HTML sink even though the parsed
 * document is inert. The plain string where the page does not enforce Trusted Types; undefined where it
 * refuses our policy.
 */
export const inertHtml = (markup: string): string | undefined => trusted('carecircle-inert', passThrough, 'createHTML', markup);

/**
 * Text for a `<script type="application/ld+json">` data block (a script-text sink under Trusted Types even
 * though it never runs). Same fallbacks as `inertHtml`.
 */
export const dataScriptText = (json: string): string | undefined => trusted('carecircle-jsonld', passThrough, 'createScript', json);
