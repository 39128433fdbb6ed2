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
