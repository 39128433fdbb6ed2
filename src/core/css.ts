// The css`` tag and the adoption of its sheets by a shadow root: the part of lit's css-tag the widgets use. Every
// browser CareCircle supports adopts constructable style sheets (no <style> fallback, no ShadyCSS), so this is what
// is left of it.

/** A style sheet's text, made into a `CSSStyleSheet` on first use and shared by every element that adopts it. */
export class CSSResult {
  #sheet?: CSSStyleSheet;
  constructor(readonly cssText: string) {}
  get styleSheet(): CSSStyleSheet {
    if (!this.#sheet) (this.#sheet = new CSSStyleSheet()).replaceSync(this.cssText);
    return this.#sheet;
  }
  toString(): string {
    return this.cssText;
  }
}

/**
 * Styles written in the source. Its type lets only other css`` results and numbers be put in with `${}`: a string
 * could carry text from a config or a post into a style sheet. (Not exported from the package.)
 */
export const css = (strings: TemplateStringsArray, ...values: (CSSResult | number)[]): CSSResult =>
  new CSSResult(values.reduce<string>((text, value, i) => text + value + strings[i + 1], strings[0]!));

/** The sheets a shadow root adopts (replacing any it had). */
export const adoptStyles = (root: ShadowRoot, styles: readonly CSSResult[]): void => {
  root.adoptedStyleSheets = styles.map((s) => s.styleSheet);
};

/** Adds `styles` to the sheets a shadow root has adopted, once: a feature loaded when used brings its own. */
export const addStyles = (root: ShadowRoot, styles: CSSResult): void => {
  if (!root.adoptedStyleSheets.includes(styles.styleSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
};
