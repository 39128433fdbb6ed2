import { noChange, render, type RenderOptions, type RootPart } from 'lit/html.js';
import { adoptStyles, type CSSResult } from './css.js';

// The reactive element under every widget: lit-html templates rendered into a shadow root, once per microtask
// after declared properties change. Its names and its lifecycle are LitElement's (`static properties`,
// `willUpdate`, `render`, `updated`, `requestUpdate`, `updateComplete`, controllers), so a widget reads like any
// Lit element; it is the part of LitElement the widgets use. LitElement with ReactiveElement is ≈ 2 KB min+gzip
// more (converters, decorators, server-side hydration, dev-mode warnings) in every bundle, which issue 13's
// budgets count before first content. What it leaves out: typed attribute converters (every attribute here is
// text), `hasChanged`, `firstUpdated`, `shouldUpdate`, `shadowRootOptions`, decorators.

/** How a declared property is read from and written to its attribute. */
export interface PropertyDeclaration {
  /** The attribute that sets it: by default (or `true`) its name in lower case; `false` for none. */
  attribute?: string | boolean;
  /** Whether a change is written back to the attribute (removed for null or undefined). */
  reflect?: boolean;
  /** Internal state: re-renders when set, has no attribute. */
  state?: boolean;
}

/** The properties changed since the last update, each with its value before (undefined before the first). */
export type PropertyValues<T = unknown> = Map<keyof T | PropertyKey, unknown>;

/** An object that hooks into its host's lifecycle (`addController`), as Lit's `ReactiveController`. */
export interface ReactiveController {
  hostConnected?(): void;
  hostDisconnected?(): void;
  hostUpdate?(): void;
  hostUpdated?(): void;
}

interface ClassInfo {
  props: Map<string, PropertyDeclaration>;
  /** attribute name → property name */
  attrs: Map<string, string>;
  styles: CSSResult[];
}

// `carecircle check` constructs the elements in Node to read their rules: there is no DOM there.
const Base = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;
const infos = new WeakMap<object, ClassInfo>();
type Props = Record<string, unknown>;

export abstract class BaseElement extends Base {
  /** The reactive properties: set one and the element updates. A subclass lists its parent's too (`...Parent.properties`). */
  static properties: Record<string, PropertyDeclaration> = {};
  /** Styles adopted by the shadow root. */
  static styles?: CSSResult | CSSResult[];

  static get observedAttributes(): string[] {
    return [...BaseElement.#classInfo(this).attrs.keys()];
  }

  /** Each class's properties, attributes and styles, worked out once, with an accessor on its prototype for each property. */
  static #classInfo(ctor: typeof BaseElement): ClassInfo {
    let info = infos.get(ctor);
    if (!info) {
      info = {
        props: new Map(Object.entries(ctor.properties)),
        attrs: new Map(),
        styles: ctor.styles ? [ctor.styles].flat() : [],
      };
      for (const [name, declaration] of info.props) {
        const { attribute = true, state } = declaration;
        if (attribute && !state) info.attrs.set(attribute === true ? name.toLowerCase() : attribute, name);
        if (Object.hasOwn(ctor.prototype, name)) continue;
        Object.defineProperty(ctor.prototype, name, {
          get(this: BaseElement) {
            return this.#values[name];
          },
          set(this: BaseElement, value: unknown) {
            const old = this.#values[name];
            this.#values[name] = value;
            this.requestUpdate(name, old);
          },
          configurable: true,
          enumerable: true,
        });
      }
      infos.set(ctor, info);
    }
    return info;
  }

  #info = BaseElement.#classInfo(this.constructor as typeof BaseElement);
  #values: Props = {};
  #changed: PropertyValues = new Map();
  #reflect = new Set<string>();
  #reflecting?: string;
  /** Properties set on the element before it was upgraded (a framework's), played back at the first update. */
  #early?: Map<string, unknown>;
  #enable!: (value: boolean) => void;
  #update: Promise<boolean>;
  #part?: RootPart;
  #controllers?: Set<ReactiveController>;
  /** Whether an update is queued. */
  isUpdatePending = false;
  /** Whether the element has rendered once. */
  hasUpdated = false;
  /** The shadow root the element renders into. */
  declare renderRoot: ShadowRoot;
  readonly renderOptions: RenderOptions = { host: this };

  constructor() {
    super();
    for (const name of this.#info.props.keys()) {
      if (Object.hasOwn(this, name)) {
        (this.#early ??= new Map()).set(name, (this as unknown as Props)[name]);
        delete (this as unknown as Props)[name];
      }
    }
    // No update before the element is connected; the first is queued now, so `updateComplete` waits for it.
    this.#update = new Promise((resolve) => (this.#enable = resolve));
    this.requestUpdate();
  }

  /** Resolves once the queued update (if any) is done: true unless another one was queued meanwhile. */
  get updateComplete(): Promise<boolean> {
    return this.#update;
  }

  /** Queues an update; `name` and its value before tell it which property changed (unchanged values are ignored). */
  requestUpdate(name?: string, old?: unknown): void {
    if (name !== undefined) {
      if (Object.is((this as unknown as Props)[name], old)) return;
      if (!this.#changed.has(name)) this.#changed.set(name, this.hasUpdated ? old : undefined);
      if (this.#info.props.get(name)?.reflect && this.#reflecting !== name) this.#reflect.add(name);
    }
    if (!this.isUpdatePending) this.#update = this.#enqueue();
  }

  async #enqueue(): Promise<boolean> {
    this.isUpdatePending = true;
    try {
      await this.#update;
    } catch (error) {
      void Promise.reject(error); // an earlier update's error is reported, and this one still runs
    }
    const result = this.scheduleUpdate();
    if (result != null) await result;
    return !this.isUpdatePending;
  }

  /** Runs the queued update; override to delay it (await something, then `super.scheduleUpdate()`). */
  protected scheduleUpdate(): void | Promise<unknown> {
    this.performUpdate();
  }

  /** The update itself: `willUpdate`, `update` (which renders), then `updated`. */
  protected performUpdate(): void {
    if (!this.isUpdatePending) return;
    if (!this.hasUpdated) {
      this.renderRoot ??= this.createRenderRoot();
      this.#early?.forEach((value, name) => ((this as unknown as Props)[name] = value));
      this.#early = undefined;
    }
    const changed = this.#changed;
    try {
      this.willUpdate(changed);
      this.#controllers?.forEach((c) => c.hostUpdate?.());
      this.update(changed);
    } catch (error) {
      this.#done();
      throw error;
    }
    this.#controllers?.forEach((c) => c.hostUpdated?.());
    this.hasUpdated = true;
    this.updated(changed);
  }

  /** Renders: `render()`, then the reflected attributes, then the template into the shadow root. */
  protected update(_changed: PropertyValues): void {
    const value = this.render();
    if (!this.hasUpdated) this.renderOptions.isConnected = this.isConnected;
    this.#reflect.forEach((name) => this.#toAttribute(name));
    this.#reflect.clear();
    this.#done();
    this.#part = render(value, this.renderRoot, this.renderOptions);
  }

  #done(): void {
    this.#changed = new Map();
    this.isUpdatePending = false;
  }

  #toAttribute(name: string): void {
    const attribute = [...this.#info.attrs].find(([, p]) => p == name)?.[0];
    const value = (this as unknown as Props)[name];
    if (!attribute) return;
    this.#reflecting = name;
    if (value == null) this.removeAttribute(attribute);
    else this.setAttribute(attribute, String(value));
    this.#reflecting = undefined;
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const name = this.#info.attrs.get(attribute);
    if (name === undefined || this.#reflecting === name) return;
    this.#reflecting = name;
    (this as unknown as Props)[name] = value;
    this.#reflecting = undefined;
  }

  protected createRenderRoot(): ShadowRoot {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    adoptStyles(root, this.#info.styles);
    this.renderOptions.renderBefore ??= root.firstChild;
    return root;
  }

  connectedCallback(): void {
    this.renderRoot ??= this.createRenderRoot();
    this.#enable(true);
    this.#controllers?.forEach((c) => c.hostConnected?.());
    this.#part?.setConnected(true);
  }

  disconnectedCallback(): void {
    this.#controllers?.forEach((c) => c.hostDisconnected?.());
    this.#part?.setConnected(false);
  }

  /** Adds a controller; it is told of connection at once if the element is connected. */
  addController(controller: ReactiveController): void {
    (this.#controllers ??= new Set()).add(controller);
    if (this.renderRoot !== undefined && this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.#controllers?.delete(controller);
  }

  /** Called before each render with the changed properties: derive state here (setting properties does not queue another update). */
  protected willUpdate(_changed: PropertyValues): void {}

  /** The content: a lit-html template (or anything lit-html renders). */
  protected render(): unknown {
    return noChange;
  }

  /** Called after each render with the properties it was for. */
  protected updated(_changed: PropertyValues): void {}
}
