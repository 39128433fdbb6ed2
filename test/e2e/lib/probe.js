// Injected into every e2e page before any of its scripts (context.addInitScript): records what the
// suite asserts on — CSP and Trusted Types violations, uncaught errors, unhandled rejections, CareCircle
// events, custom element definitions, the XSS tripwire — and, when asked, live timers and listeners.
// Runs in the page's main world; it never touches an HTML sink, so it is itself Trusted-Types clean.
(() => {
  const opts = window.__e2eOptions || {};
  const rec = {
    violations: [],
    errors: [],
    rejections: [],
    events: [],
    defines: {},
    dialogs: 0,
    timers: new Map(),
    listeners: new Map(),
  };
  Object.defineProperty(window, '__e2e', { value: rec, configurable: false, writable: false });

  // XSS tripwire: any payload that runs sets this; dialogs count too.
  window.__pwned = false;
  window.__pwn = () => {
    window.__pwned = true;
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const original = window[name];
    window[name] = function (...args) {
      window.__pwned = true;
      rec.dialogs++;
      return original === window.print ? undefined : original.apply(this, args);
    };
  }

  document.addEventListener(
    'securitypolicyviolation',
    (e) =>
      rec.violations.push({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        source: e.sourceFile,
        line: e.lineNumber,
      }),
    true,
  );
  window.addEventListener('error', (e) => {
    if (e instanceof ErrorEvent) rec.errors.push(String(e.error?.stack || e.message));
  });
  window.addEventListener('unhandledrejection', (e) => rec.rejections.push(String(e.reason?.stack || e.reason)));

  const json = (v) => {
    try {
      return JSON.parse(JSON.stringify(v ?? null));
    } catch {
      return String(v);
    }
  };
  for (const type of ['care-ready', 'care-config-error', 'care-source-error']) {
    document.addEventListener(
      type,
      (e) => {
        const t = e.composedPath()[0];
        rec.events.push({ type, tag: t.localName, id: t.id || null, detail: json(e.detail), at: performance.now() });
      },
      true,
    );
  }

  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (name, ...rest) {
    rec.defines[name] = (rec.defines[name] || 0) + 1;
    return define.call(this, name, ...rest);
  };

  if (opts.timers) {
    // Only timers and listeners created by CareCircle's bundles count (not Playwright's or the page's).
    // Returns where in CareCircle's code the call came from (bundle:line:col), or '' for others.
    const ours = () => {
      const lines = (new Error().stack || '').split('\n').filter((l) => /\/dist\/|\/assets\//.test(l));
      return lines.length
        ? lines
            .slice(0, 3)
            .map((l) => l.replace(/^.*\/(dist|assets)\//, '').replace(/\)$/, ''))
            .join(' < ')
        : '';
    };
    const st = window.setTimeout;
    const si = window.setInterval;
    const ct = window.clearTimeout;
    const ci = window.clearInterval;
    window.setTimeout = function (fn, delay, ...args) {
      const id = st.call(
        window,
        function (...a) {
          rec.timers.delete(id);
          if (typeof fn === 'function') return fn.apply(this, a);
        },
        delay,
        ...args,
      );
      const at = ours();
      if (at) rec.timers.set(id, { kind: 'timeout', delay: Number(delay) || 0, at });
      return id;
    };
    window.setInterval = function (fn, delay, ...args) {
      const id = si.call(window, fn, delay, ...args);
      const at = ours();
      if (at) rec.timers.set(id, { kind: 'interval', delay: Number(delay) || 0, at });
      return id;
    };
    window.clearTimeout = function (id) {
      rec.timers.delete(id);
      return ct.call(window, id);
    };
    window.clearInterval = function (id) {
      rec.timers.delete(id);
      return ci.call(window, id);
    };

    // Listeners on the page-wide targets a widget might use (window, document, matchMedia lists).
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    const label = (t) => (t === window ? 'window' : t === document ? 'document' : t instanceof MediaQueryList ? 'media' : null);
    const keyOf = (t, type, options) => `${label(t)}:${type}:${typeof options === 'boolean' ? options : !!options?.capture}`;
    EventTarget.prototype.addEventListener = function (type, fn, options) {
      const l = label(this);
      if (l && fn && ours()) {
        const key = keyOf(this, type, options);
        if (!rec.listeners.has(key)) rec.listeners.set(key, new Set());
        rec.listeners.get(key).add(fn);
        options?.signal?.addEventListener?.('abort', () => rec.listeners.get(key)?.delete(fn));
      }
      return add.call(this, type, fn, options);
    };
    EventTarget.prototype.removeEventListener = function (type, fn, options) {
      if (label(this)) rec.listeners.get(keyOf(this, type, options))?.delete(fn);
      return remove.call(this, type, fn, options);
    };
    rec.live = () => ({
      intervals: [...rec.timers.values()].filter((t) => t.kind === 'interval').length,
      // Short timeouts are Lit/scheduler noise that ends by itself; long ones are refresh/countdown timers.
      longTimeouts: [...rec.timers.values()].filter((t) => t.kind === 'timeout' && t.delay >= 1000).length,
      where: [...rec.timers.values()]
        .filter((t) => t.kind === 'interval' || t.delay >= 1000)
        .map((t) => `${t.kind} ${t.delay} ms at ${t.at}`),
      listeners: Object.fromEntries([...rec.listeners].map(([k, s]) => [k, s.size]).filter(([, n]) => n)),
    });
  }

  /** Every element matching `selector`, searching through open shadow roots. */
  rec.deep = (selector, root = document) => {
    const out = [];
    const walk = (node) => {
      out.push(...node.querySelectorAll(selector));
      for (const el of node.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(root);
    return out;
  };
  /** Text a reader gets from an element's rendered shadow tree (style/script text excluded). */
  rec.text = (host) => {
    let s = '';
    const walk = (node) => {
      for (const n of node.childNodes) {
        if (n.nodeType === 3) s += n.data;
        else if (n.nodeType === 1 && !/^(STYLE|SCRIPT|TEMPLATE)$/.test(n.nodeName)) {
          if (n.localName === 'slot') continue;
          walk(n.shadowRoot || n);
          s += ' ';
        }
      }
    };
    walk(host.shadowRoot || host);
    return s.replace(/\s+/g, ' ').trim();
  };
})();
