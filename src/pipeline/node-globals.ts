// The widgets' shared schema helpers (and, for their recoverable-item rules, the widget classes themselves) run in
// Node here. `webUrl()` resolves addresses against `document.baseURI`, which Node has not; a constructor may ask
// `matchMedia`. These stand-ins are the ones `carecircle check` uses: relative addresses resolve against a page
// that is not there, and media queries match nothing. A function, called where needed, not an import for its side
// effect: the package declares its sources free of side effects, so a bundler would drop such an import.
export function nodeGlobals(): void {
  const host = globalThis as { document?: unknown; matchMedia?: unknown };
  host.document ??= { baseURI: 'https://page.invalid/' };
  host.matchMedia ??= () => ({ matches: false, addEventListener() {}, removeEventListener() {} });
}
