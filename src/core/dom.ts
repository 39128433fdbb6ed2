/**
 * The value of attribute `name` on `el` or its nearest ancestor that has one, crossing shadow roots (a
 * widget inside another component's shadow tree still sees the page's `lang` or `time-zone`). Empty values
 * count as absent, as `lang=""` does for language.
 */
export function closestAttribute(el: Element, name: string): string | undefined {
  for (let node: Node | null = el; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    const value = node instanceof Element ? node.getAttribute(name) : null;
    if (value) return value;
  }
  return undefined;
}

/**
 * The language of `el` (the nearest `lang`, crossing shadow roots, then the browser's, then `en`) and the
 * direction set for it: a `dir` at or below the element with that `lang` (`<html dir="ltr">` above a
 * `<div lang="ar">` does not count). `at` is the element the language came from. `own` is a `dir` the
 * element set on itself, to ignore.
 */
export function langAndDir(el: Element, own?: string): { lang: string; dir?: 'ltr' | 'rtl'; at?: Element } {
  let dir: string | undefined;
  for (let node: Node | null = el; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (!(node instanceof Element)) continue;
    const d = node.getAttribute('dir')?.toLowerCase();
    if (!dir && (d == 'ltr' || d == 'rtl') && !(node == el && d == own)) dir = d;
    const lang = node.getAttribute('lang');
    if (lang) return { lang: canonical(lang), dir: dir as 'ltr' | 'rtl' | undefined, at: node };
  }
  return { lang: canonical(navigator.language || 'en'), dir: dir as 'ltr' | 'rtl' | undefined };
}

function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** A child for `el`: a node, text (never parsed as markup), or nothing. */
export type Kid = Node | string | false | null | undefined;

/**
 * An element built without a template, for content built once and kept (a feed's posts). Attribute names are
 * the caller's own constants; a value of undefined, null or false leaves the attribute out. Values are set as
 * written, so an address must come through `safeUrl`/`postHref` first; strings among `kids` become text.
 * Attributes are set in the order given: put `loading` and `referrerpolicy` before an image's `src`.
 */
export function el(tag: string, attrs: Record<string, string | false | null | undefined> = {}, ...kids: Kid[]): HTMLElement {
  const e = document.createElement(tag);
  for (const name in attrs) attrs[name] != null && attrs[name] !== false && e.setAttribute(name, attrs[name]);
  for (const kid of kids) kid && e.append(kid);
  return e;
}
