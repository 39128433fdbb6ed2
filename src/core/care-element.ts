import { html, nothing, type TemplateResult } from 'lit/html.js';
import { BaseElement, type PropertyValues } from './base-element.js';
import { themeStyles } from './theme/styles.js';
import { addStyles } from './css.js';
import { loadRawConfig } from './config/load.js';
import { checkConfig, type Checked } from './config/check.js';
import type { Compiled } from './config/compiled.js';
import type { ConfigIssue } from './config/issues.js';
import { editorPanel, keyedIssueLater } from './config/issue-text.js';
import type { PanelHost } from './config/issue-panel.js';
import { itemName } from './config/item-name.js';
import { CareConfigErrorEvent, CareReadyEvent, CareSourceErrorEvent, type SourceErrorDetail } from './events.js';
import { coreMessages, createTranslate, type Catalogues, type Part, type Translate } from './i18n/messages.js';
import { directionOf, loadLocale, localeChain, registry } from './i18n/registry.js';
import { resolveLocalText } from './config/local-text.js';
import { langAndDir } from './dom.js';
import { listFormat, warmIntl } from './i18n/format.js';
import { clampLevel } from './heading.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * The shared base of every CareCircle widget: loads the config (child JSON script, `src`, `config`
 * property, in rising precedence), validates it once (the validator compiled from the widget's schema, and zod only to explain a rejection), shows a path-by-path
 * error panel when it is wrong, keeps the author's light-DOM fallback visible until content renders, and
 * fires the common events. Subclasses supply a validator, messages and `renderContent`, and declare `config`
 * with their own input type (`declare config: XConfig | string | undefined`).
 *
 * The global tokens below are read by every widget (the manifest lists them on each element):
 * @cssprop [--care-color-background=transparent] - widget background; fields and buttons use it too
 * @cssprop [--care-color-surface=#f4f6f8] - cards and panels
 * @cssprop [--care-color-text=#1d2329] - text
 * @cssprop [--care-color-muted=#4c5866] - secondary text
 * @cssprop [--care-color-border=#8a96a3] - borders
 * @cssprop [--care-color-accent=#005eb8] - links and buttons
 * @cssprop [--care-color-on-accent=#ffffff] - text on the accent colour
 * @cssprop [--care-color-danger=#b3261e] - errors
 * @cssprop [--care-color-success=#1e6b34] - success
 * @cssprop [--care-color-focus=#ffbf47] - the focus ring
 * @cssprop [--care-font-family=inherit] - text font (the page's by default)
 * @cssprop [--care-font-size=1rem] - base size; everything scales with it
 * @cssprop [--care-radius=0.5rem] - corners
 * @cssprop [--care-space=1rem] - spacing unit
 * @cssprop [--care-target-size=2.75rem] - minimum size of buttons and controls (44 px)
 */
export abstract class CareElement<
  C extends { messages?: Record<string, string> | undefined; headingLevel?: number | undefined },
> extends BaseElement {
  static override styles = [themeStyles];

  static override properties = {
    config: { attribute: false },
    src: { reflect: true },
    theme: { reflect: true },
    headingLevel: { attribute: 'heading-level' },
    value: { state: true },
    configErrors: { state: true },
  };

  /** The config object (or a JSON string). Takes precedence over `src` and the child JSON script. */
  declare config: unknown;
  /** URL of a JSON config file, fetched without credentials. */
  declare src: string | null;
  /** `light` (default), `dark`, or `auto` to follow the operating system. */
  declare theme: 'light' | 'dark' | 'auto' | undefined;
  /** Level of the widget's heading, 2 to 6 (default 2), to fit the page's outline; the config's `headingLevel` wins. */
  declare headingLevel: string | number | undefined;

  /** The validated config. @internal */
  declare protected value: C | undefined;
  /** Problems that stop the widget. @internal */
  declare protected configErrors: ConfigIssue[];
  /** Items skipped because they were invalid (editors see them; patients see the rest). @internal */
  protected skipped: ConfigIssue[] = [];
  /** @internal */
  protected t: Translate = createTranslate('en', [coreMessages]);
  /** @internal */
  protected locale = 'en';
  /** The part of a registered `LocaleBundle` that holds this widget's messages. @internal */
  protected readonly messagePart?: Part;

  /**
   * The widget's config validator, compiled from its zod schema (the single source of its config types and
   * defaults) by scripts/compile-validators.mjs; the schema itself loads only to explain a rejected config.
   */
  protected abstract readonly validator: Compiled<C>;
  /** Lists whose invalid items are skipped rather than failing the config (`groups`, `sources.*.posts`). */
  protected readonly skippable: readonly string[] = [];
  /** Optional fields dropped, keeping their item, when they alone are invalid (`chats.*.url`). */
  protected readonly droppable: readonly string[] = [];
  /** The widget's own message catalogues. */
  protected readonly catalogue: Catalogues = {};
  /** Used when no config is given at all; without it, a missing config is an error. */
  protected readonly defaultConfig: unknown = undefined;

  #loads = 0;
  #abort?: AbortController;
  /** The load's signal `configure` was last given, what ends that configuration alone, and the two as one. */
  #applied?: [load: AbortSignal, own: AbortController, signal: AbortSignal];
  #observer?: MutationObserver;
  #ready = false;
  #stale = false;
  #lastLogged = '';
  /** The problems for which the editor's panel was last asked for (once per list, not on every render). */
  #panelFor?: ConfigIssue[];
  /** The config as validated (per-language texts unresolved), and whether it has any. */
  #validated?: C;
  #localTexts = false;
  #dir?: string;
  /** Made on first use, not in the constructor: `carecircle check` constructs elements in Node, which has none. */
  #langObserver?: MutationObserver;
  #onLocale = (tag: string) => localeChain(this.locale).includes(tag) && this.#relocalise(true);

  constructor() {
    super();
    this.configErrors = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The inline JSON can be edited by a CMS after upgrade: re-read it when the children change.
    this.#observer = new MutationObserver((records) => {
      // Only edits to the config script matter; fallback content and other children may change freely.
      const isConfig = (n: Node | null): boolean =>
        n instanceof HTMLScriptElement && n.parentNode === this && n.type.toLowerCase() === 'application/json';
      const touches = (r: MutationRecord) =>
        isConfig(r.target) ||
        isConfig(r.target.parentNode) ||
        (r.target === this &&
          [...r.addedNodes, ...r.removedNodes].some((n) => n instanceof HTMLScriptElement && n.type.toLowerCase() === 'application/json'));
      if (this.config == null && !this.src && records.some(touches)) this.#reload();
    });
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    registry.listeners.add(this.#onLocale);
    warmIntl(this.#localise());
    // Load on the next update, so a `config` set right after connecting (as frameworks do) is seen.
    this.#stale = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#langObserver?.disconnect();
    registry.listeners.delete(this.#onLocale);
    this.#abort?.abort();
    this.#loads++;
    this.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.isConnected && (this.#stale || changed.has('config') || changed.has('src'))) {
      this.#stale = false;
      this.#reload();
    }
  }

  async #reload(): Promise<void> {
    const load = ++this.#loads;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    let raw;
    try {
      raw = await loadRawConfig(this, this.config, this.src, abort.signal);
    } catch {
      return; // aborted by a newer load
    }
    if (load !== this.#loads) return;
    // Defined from a script in <head>, an element is upgraded before the parser has added its children: the
    // inline JSON may be missing or half-written until the document is parsed, so wait rather than report.
    if ((raw.origin === 'none' || raw.origin === 'inline') && document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => load === this.#loads && this.#reload(), { once: true });
      return;
    }
    if (!raw.ok) return this.#fail(raw.issues);
    let data = raw.data;
    if (raw.origin === 'none') {
      if (this.defaultConfig === undefined) {
        const issue = await keyedIssueLater('(root)', 'noConfig');
        if (load !== this.#loads) return;
        return this.#fail([issue]);
      }
      data = this.defaultConfig;
    }
    const checking = this.check(data, abort.signal);
    // A check in slices (or its `rest`) rejects when a newer load aborts it: only this load's own failure is a crash.
    const result =
      checking instanceof Promise ? await checking.catch((e: unknown) => void (load === this.#loads && this.#crash(e))) : checking;
    result?.rest?.catch(() => {});
    if (!result || load !== this.#loads) return;
    if (!result.value) return this.#fail(result.errors);
    // A page in another language waits (briefly) for its messages, so patients do not see English first.
    const language = loadLocale(this.#localise(), this.messagePart);
    if (language) await Promise.race([language, new Promise((r) => setTimeout(r, 3000))]);
    if (load !== this.#loads) return;
    this.#take(result, abort.signal);
    result.rest?.then(
      (whole) => load === this.#loads && (whole.value ? this.#take(whole, abort.signal) : this.#fail(whole.errors)),
      (error: unknown) => load === this.#loads && this.#crash(error),
    );
  }

  /**
   * Checks a config with the widget's compiled validator (zod only to explain a rejection). A widget whose
   * config holds a long list may check at once only what its first screen shows and return the whole check as
   * `rest` (support groups: 10,000 groups), or return a promise, to check in slices that never hold the page up.
   */
  protected check(data: unknown, _signal: AbortSignal): Checked<C> | Promise<Checked<C>> {
    return checkConfig(this.validator, data, { lists: this.skippable, fields: this.droppable });
  }

  #take(result: Checked<C>, signal: AbortSignal): void {
    this.configErrors = [];
    this.reportSkipped((this.skipped = result.skipped));
    this.#validated = result.value;
    this.#apply(signal);
  }

  /** Uses the validated config with its per-language texts chosen for the current language. */
  #apply(signal: AbortSignal, again?: boolean): void {
    // The language was resolved just before (on load, or by the lang change that led here): only the
    // messages change, since the config may override some.
    this.t = this.#translate(this.locale);
    this.value = resolveLocalText(this.#validated!, localeChain(this.locale));
    this.#localTexts = this.value !== this.#validated;
    this.stop();
    // `configure`'s signal ends with the load's, and `again` (a page-language switch) ends it too: no request of the
    // older configuration keeps running, nor is its answer shown (the feed's sources, the finder's groups are the
    // newer one's). A long list's whole, after its first page, goes on with the same one.
    if (again || this.#applied?.[0] != signal) {
      this.#applied?.[1].abort();
      const own = new AbortController();
      this.#applied = [signal, own, AbortSignal.any([signal, own.signal])];
    }
    this.guard(() => this.configure(this.value!, this.#applied![2]));
  }

  #fail(issues: ConfigIssue[]): void {
    this.stop();
    this.value = this.#validated = undefined;
    this.configErrors = issues;
    const text = format(issues);
    if (text !== this.#lastLogged) {
      this.#lastLogged = text;
      console.error(`<${this.localName}> config problems:\n${text}`);
    }
    this.dispatchEvent(new CareConfigErrorEvent(issues));
    // The editor's details in the page's language too: its files re-render the panel when they arrive.
    this.#language();
  }

  /** This widget's messages in the page's language, and the editor's wording of config problems when it shows some. */
  #language(): void {
    loadLocale(this.locale, this.messagePart);
    if (this.configErrors.length || this.skipped.length) loadLocale(this.locale, 'errors');
  }

  /**
   * Resolves the language (nearest `lang`, crossing shadow roots) and direction (a `dir` at or below that
   * `lang`, else the language's own), sets `dir` on the host where it differs from the surroundings, and
   * watches those attributes so a change at run time re-renders. Returns the locale.
   */
  #translate(lang: string): Translate {
    return createTranslate(lang, [this.catalogue, coreMessages], this.#validated?.messages, [this.messagePart, 'core']);
  }

  #localise(): string {
    const { lang, dir, at } = langAndDir(this, this.#dir);
    this.locale = lang;
    this.t = this.#translate(lang);
    const want = dir ?? directionOf(lang);
    const parent = this.parentElement ?? (this.parentNode as ShadowRoot | null)?.host;
    const inherited = parent ? getComputedStyle(parent).direction : 'ltr';
    if (this.#dir != (this.#dir = want == inherited ? undefined : want)) {
      if (this.#dir) this.setAttribute('dir', this.#dir);
      else this.removeAttribute('dir');
    }
    const observer = (this.#langObserver ??= new MutationObserver(() => this.#relocalise()));
    observer.disconnect();
    // Every element from this one up to the one the language came from (a `lang` or `dir` set in between counts),
    // crossing shadow roots, and the document's own.
    for (let node: Node | null = this; node; node = node == at ? null : (node.parentNode ?? (node as ShadowRoot).host ?? null))
      node instanceof Element && observer.observe(node, { attributeFilter: ['lang', 'dir'] });
    observer.observe(document.documentElement, { attributeFilter: ['lang', 'dir'] });
    return lang;
  }

  /** After a `lang` or `dir` change, or a newly registered language: re-render in it. */
  #relocalise(force = false): void {
    const [locale, dir] = [this.locale, this.#dir];
    if (locale == this.#localise() && dir == this.#dir && !force) return;
    this.#language();
    // Per-language config texts: reconfigure with the new language's (search indexes, sorted lists).
    // With the signal of the load it came from: a newer load still under way (a config set in the same task) has
    // its own, and takes over when it is done, ending this one's requests.
    if (this.value && locale != this.locale && this.#localTexts) this.#apply(this.#applied![0], true);
    this.requestUpdate();
  }

  /**
   * A message for a template, each filled value in its own `<bdi>` (numbers, hashtags, names, places keep
   * their own direction in a right-to-left sentence). `parts` are values that are already templates. A message
   * that falls back to another language keeps its own language and direction (see `say`). @internal
   */
  protected tb(key: string, params: Record<string, string | number> = {}, parts: Record<string, unknown> = {}): unknown[] {
    const all = { ...params, ...Object.fromEntries(Object.keys(parts).map((k) => [k, ''])) };
    const out = this.t
      .parts(key, all)
      .map((p) => (typeof p == 'string' ? p : p.name in parts ? parts[p.name] : html`<bdi>${p.value}</bdi>`));
    return this.#own(key, all, out) as unknown[];
  }

  /**
   * A message for a template's text: as it is in the page's language, else (a fallback to English on a page in a
   * language CareCircle has no words for, say) marked with its own language and direction, so a screen reader
   * speaks it as that language (WCAG 3.1.2) and "6 groups" stays "6 groups" on a right-to-left page. Attributes
   * take `t`, which is always text. @internal
   */
  protected say = (key: string, params?: Record<string, string | number>): unknown => this.#own(key, params, this.t(key, params));

  /** `out`, the message `key`, wrapped in its own language and direction where that is not the page's. */
  #own(key: string, params: Record<string, string | number> | undefined, out: unknown): unknown {
    const from = this.t.from(key, params);
    return from.split('-')[0] == this.locale.split('-')[0] ? out : [html`<span dir=${directionOf(from)} lang=${from}>${out}</span>`];
  }

  /** "@a, @b and @c" in the widget's language, each value isolated (handles, postcodes, hosts). @internal */
  protected list(values: string[], options?: Intl.ListFormatOptions): unknown[] {
    return listFormat(this.locale, options)
      .formatToParts(values)
      .map((p) => (p.type == 'element' ? html`<bdi>${p.value}</bdi>` : p.value));
  }

  /** Runs widget code so that nothing it throws escapes into the host page. */
  protected guard(fn: () => unknown): void {
    try {
      const result = fn();
      if (result instanceof Promise) result.catch((e) => this.#crash(e));
    } catch (error) {
      this.#crash(error);
    }
  }

  #crash(error: unknown): void {
    console.error(`<${this.localName}> stopped after an internal error:`, error);
    this.stop();
    this.value = undefined;
    // Unless a newer config has rendered by the time its wording arrives.
    void keyedIssueLater('(widget)', 'crashed').then((issue) => this.value === undefined && (this.configErrors = [issue]));
  }

  /** Called with each newly valid config: start fetching data here (the signal aborts on the next load). */
  protected configure(_config: C, _signal: AbortSignal): void | Promise<void> {}
  /** Called before reconfiguring and on disconnect: clear timers and listeners here. */
  protected stop(): void {}
  /** Whether content (not just a loading state) is on screen; `care-ready` fires the first time it is. */
  protected get contentReady(): boolean {
    return true;
  }

  /** The widget's content for a valid config. */
  protected abstract renderContent(config: C): TemplateResult | typeof nothing;

  /**
   * Names items left out because they were invalid (the config's, or a feed's the widget reads): in the console and a
   * `care-config-error` event (recovered), and loads the editor's wording of them in the page's language.
   */
  protected reportSkipped(issues: ConfigIssue[]): void {
    if (!issues.length) return;
    console.warn(`<${this.localName}> skipped invalid items:\n${format(issues)}`);
    this.dispatchEvent(new CareConfigErrorEvent(issues, true));
    loadLocale(this.locale, 'errors');
  }

  protected reportSourceError(detail: SourceErrorDetail): void {
    console.warn(`<${this.localName}> ${detail.source}${detail.url ? ` (${detail.url})` : ''}: ${detail.message}`);
    this.dispatchEvent(new CareSourceErrorEvent(detail));
  }

  protected override render(): unknown {
    // Patients see the author's fallback (or one calm sentence); the problems stay one click away for editors.
    if (this.configErrors.length) {
      return [
        html`<slot></slot>`,
        this.hasFallback ? nothing : html`<p class="unavailable">${this.say('unavailable')}</p>`,
        this.renderIssues(this.configErrors, true),
      ];
    }
    if (!this.value) return html`<slot></slot>`;
    let content: unknown;
    try {
      content = this.renderContent(this.value);
    } catch (error) {
      queueMicrotask(() => this.#crash(error));
      return html`<slot></slot>`;
    }
    return [content, this.skipped.length ? this.renderIssues(this.skipped, false) : nothing];
  }

  /** The level of the widget's own heading (config, else the `heading-level` attribute, else 2); items are one below. @internal */
  protected get level(): number {
    return clampLevel(this.value?.headingLevel ?? this.headingLevel);
  }

  /** Whether the page author put fallback content inside the element (besides the JSON config). @internal */
  protected get hasFallback(): boolean {
    return [...this.childNodes].some((n) =>
      n instanceof Element ? !/^(script|style|template)$/.test(n.localName) : n.nodeType === 3 && !!n.textContent!.trim(),
    );
  }

  /**
   * The editor-facing list of problems by path (config/issue-panel.ts, a chunk loaded with the first problem's
   * wording, with its styles, so it is here by the time a problem is shown; where it is not yet, it is asked for and drawn when it
   * comes). Where its code cannot load (the page's CSP or a missing file), the problems as written, in a plain
   * list; they are in the console and the event too. Asked for once per list of problems: a widget that redraws on
   * every keystroke or minute does not fetch a missing file again each time.
   */
  protected renderIssues(issues: ConfigIssue[], fatal: boolean): unknown {
    const code = editorPanel.load.value;
    if (!code && this.#panelFor !== (this.#panelFor = issues))
      editorPanel.load().then(
        () => this.requestUpdate(),
        () => {},
      );
    return code
      ? (addStyles(this.renderRoot, code.panelStyles), code.issuePanel(this as unknown as PanelHost, issues, fatal))
      : html`<ul part="error">${issues.map((i) => html`<li><code>${i.path}</code>: ${i.message}</li>`)}</ul>`;
  }

  protected override updated(): void {
    if (!this.#ready && this.value && !this.configErrors.length && this.contentReady) {
      this.#ready = true;
      this.dispatchEvent(new CareReadyEvent());
    }
  }
}

const format = (issues: ConfigIssue[]): string =>
  issues.map((i) => `  ${i.path}${itemName(i) ? ` (${itemName(i)})` : ''}: ${i.message}`).join('\n');
