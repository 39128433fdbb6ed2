// The widgets' shared schema helpers (and, for their recoverable-item rules, the widget classes themselves) run in
// Node here. `webUrl()` resolves addresses against `document.baseURI`, which Node has not; a constructor may ask
// `matchMedia`. These stand-ins are the ones `carecircle check` uses: relative addresses resolve against a page
// that is not there, and media queries match nothing.
// lit must load first: its Node build picks its own stand-in document when there is none, and a half document
// (this one) would break it.
import 'lit';

const host = globalThis as { document?: unknown; matchMedia?: unknown };
host.document ??= { baseURI: 'https://page.invalid/' };
host.matchMedia ??= () => ({ matches: false, addEventListener() {}, removeEventListener() {} });
