/**
 * Registers a custom element once. Web teams often paste the script tag twice, or load the
 * all-in-one bundle beside a single-widget one: the second registration must be a no-op, not a throw.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry || registry.get(tag)) return;
  try {
    registry.define(tag, ctor);
  } catch (error) {
    // A race with another copy of the bundle defining the same tag: harmless, keep the first.
    if (!registry.get(tag)) throw error;
  }
}
