// One way to pass a string to a Trusted Types sink. Each policy is created once, on first use, by the one module
// that uses it: here the two that pass their input through (callers only hand them strings they built or parsed
// inertly themselves), and in i18n/locale-script.ts the one that admits language files only. Where the page refuses a policy name (its CSP lists others), the helper returns
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

const policies = new Map<string, ReturnType<Factory['createPolicy']> | null>();
const passThrough = { createHTML: (s: string) => s, createScript: (s: string) => s };

/**
 * The page's Trusted Types policy `name` (made once, with `rules`), null where the page refuses that name,
 * undefined where it has no Trusted Types. The names a page's `trusted-types` directive must allow (with
 * `lit-html`): carecircle-inert, carecircle-jsonld, carecircle-locale (its rules in i18n/locale-script.ts, a chunk).
 */
export function trustedPolicy(name: string, rules: Parameters<Factory['createPolicy']>[1]) {
  const tt = (globalThis as { trustedTypes?: Factory }).trustedTypes;
  if (!tt) return undefined;
  if (!policies.has(name)) {
    try {
      policies.set(name, tt.createPolicy(name, rules));
    } catch {
      policies.set(name, null);
    }
  }
  return policies.get(name);
}

/**
 * Markup for `DOMParser.parseFromString`, which Trusted Types treats as an HTML sink even though the parsed
 * document is inert. The plain string where the page does not enforce Trusted Types; undefined where it
 * refuses our policy.
 */
export function inertHtml(markup: string): string | undefined {
  const p = trustedPolicy('carecircle-inert', passThrough);
  return p === undefined ? markup : ((p?.createHTML(markup) as string | undefined) ?? undefined);
}

/**
 * Text for a `<script type="application/ld+json">` data block (a script-text sink under Trusted Types even
 * though it never runs). Same fallbacks as `inertHtml`.
 */
export function dataScriptText(json: string): string | undefined {
  const p = trustedPolicy('carecircle-jsonld', passThrough);
  return p === undefined ? json : ((p?.createScript(json) as string | undefined) ?? undefined);
}
