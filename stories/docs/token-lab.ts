// <care-docs-token-lab>: the live table of every --care-* token on the Theming docs page. Each token has
// an input; changing it restyles the three widgets below at once, and the CSS to paste is shown.
import { LitElement, css, html, nothing } from 'lit';
import { globalTokens, widgetTokens, WIDGETS, type Token } from './tokens.js';

const isColor = (v: string) => /^#[0-9a-f]{3,8}$/i.test(v);

export class CareDocsTokenLab extends LitElement {
  static override properties = {
    theme: { reflect: true },
    values: { state: true },
    widgetSources: { attribute: false },
  };

  declare theme: '' | 'dark' | 'auto';
  declare values: Record<string, string>;
  /** The config URL of each widget in the preview (demo data, also served by Storybook). */
  declare widgetSources: Record<string, string>;

  constructor() {
    super();
    this.theme = '';
    this.values = {};
    this.widgetSources = {};
  }

  static override styles = css`
    :host {
      display: block;
      font-family:
        system-ui,
        -apple-system,
        'Segoe UI',
        Roboto,
        Arial,
        sans-serif;
      color: #1b2733;
      line-height: 1.45;
    }
    table {
      border-collapse: collapse;
      inline-size: 100%;
      margin-block: 0.5rem 1.5rem;
      font-size: 0.95rem;
    }
    th,
    td {
      border-block-end: 1px solid #c5ced6;
      padding: 0.4rem 0.5rem;
      text-align: start;
      vertical-align: middle;
    }
    th {
      background: #f1f4f7;
    }
    code {
      font-family: ui-monospace, Menlo, Consolas, monospace;
      font-size: 0.9em;
    }
    .swatch {
      display: inline-block;
      inline-size: 1.5rem;
      block-size: 1.5rem;
      border: 1px solid #4c5866;
      border-radius: 0.25rem;
      vertical-align: middle;
      margin-inline-end: 0.35rem;
    }
    input[type='text'] {
      font: inherit;
      min-block-size: 2.75rem;
      inline-size: 100%;
      min-inline-size: 8rem;
      padding-inline: 0.5rem;
      border: 2px solid #7b8794;
      border-radius: 0.3rem;
    }
    input[type='color'] {
      inline-size: 2.75rem;
      block-size: 2.75rem;
      padding: 0.15rem;
      border: 2px solid #7b8794;
      border-radius: 0.3rem;
    }
    .value {
      display: flex;
      gap: 0.35rem;
      align-items: center;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.5rem;
      align-items: end;
      margin-block: 0.5rem 1rem;
    }
    label {
      font-weight: 700;
    }
    select,
    button {
      font: inherit;
      min-block-size: 2.75rem;
      padding-inline: 0.75rem;
      border: 2px solid #00539b;
      border-radius: 0.3rem;
      background: #fff;
      color: #00539b;
    }
    pre {
      background: #0f1720;
      color: #eef3f8;
      padding: 1rem;
      border-radius: 0.375rem;
      overflow: auto;
      font-size: 0.875rem;
    }
    .preview {
      display: grid;
      gap: 1.5rem;
      padding: 1rem;
      border: 1px dashed #7b8794;
      border-radius: 0.5rem;
    }
    :host([theme='dark']) .preview {
      background: #0b0f14;
    }
    h3 {
      margin-block: 1.5rem 0.25rem;
      font-size: 1.1rem;
    }
    .wrap {
      overflow-x: auto;
    }
    :focus-visible {
      outline: 3px solid #ffbf47;
      outline-offset: 2px;
    }
  `;

  #set(name: string, value: string) {
    const next = { ...this.values };
    if (value.trim()) next[name] = value.trim();
    else delete next[name];
    this.values = next;
  }

  #row(t: Token, showDark: boolean) {
    const value = this.values[t.name] ?? '';
    const shown = value || (this.theme === 'dark' && t.dark ? t.dark : t.light);
    const id = `tok${t.name}`;
    return html`<tr>
      <th scope="row"><code>${t.name}</code></th>
      <td>${isColor(t.light) ? html`<span class="swatch" style="background:${t.light}"></span>` : nothing}<code>${t.light}</code></td>
      ${showDark ? html`<td>${t.dark ? html`${isColor(t.dark) ? html`<span class="swatch" style="background:${t.dark}"></span>` : nothing}<code>${t.dark}</code>` : '—'}</td>` : nothing}
      <td>${t.description ?? ''}</td>
      <td>
        <div class="value">
          ${
            isColor(shown)
              ? html`<input
                  type="color"
                  aria-label="Pick ${t.name}"
                  .value=${shown.length === 4 ? '#' + [...shown.slice(1)].map((c) => c + c).join('') : shown.slice(0, 7)}
                  @input=${(e: Event) => this.#set(t.name, (e.target as HTMLInputElement).value)}
                />`
              : nothing
          }
          <input
            id=${id}
            type="text"
            aria-label="Value of ${t.name}"
            placeholder=${t.light}
            .value=${value}
            @input=${(e: Event) => this.#set(t.name, (e.target as HTMLInputElement).value)}
          />
        </div>
      </td>
    </tr>`;
  }

  #table(labelledBy: string, tokens: Token[], showDark: boolean) {
    return html`<div class="wrap">
      <table aria-labelledby=${labelledBy}>
        <thead>
          <tr>
            <th scope="col">Token</th>
            <th scope="col">Light default</th>
            ${showDark ? html`<th scope="col">Dark default</th>` : nothing}
            <th scope="col">Use</th>
            <th scope="col">Try a value</th>
          </tr>
        </thead>
        <tbody>
          ${tokens.map((t) => this.#row(t, showDark))}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const style = Object.entries(this.values)
      .map(([k, v]) => `${k}: ${v};`)
      .join(' ');
    const cssOut = Object.keys(this.values).length
      ? `care-hashtag-feed,\ncare-support-groups,\ncare-chat-schedule {\n${Object.entries(this.values)
          .map(([k, v]) => `  ${k}: ${v};`)
          .join('\n')}\n}`
      : '/* Change a value above: the CSS for your page appears here. */';
    return html`
      <div class="controls">
        <p style="margin:0;display:flex;flex-direction:column">
          <label for="theme">theme attribute</label>
          <select id="theme" @change=${(e: Event) => (this.theme = (e.target as HTMLSelectElement).value as CareDocsTokenLab['theme'])}>
            <option value="">light (default)</option>
            <option value="dark">dark</option>
            <option value="auto">auto</option>
          </select>
        </p>
        <button type="button" @click=${() => (this.values = {})}>Reset all tokens</button>
      </div>
      <h3 id="global">Global tokens (every widget)</h3>
      ${this.#table('global', globalTokens(), true)}
      ${WIDGETS.map((tag) => {
        const tokens = widgetTokens(tag);
        return html`<h3 id=${`tokens-${tag}`}>Tokens of <code>&lt;${tag}&gt;</code></h3>
          ${tokens.length ? this.#table(`tokens-${tag}`, tokens, false) : html`<p>No widget-specific tokens: it uses the global ones.</p>`}`;
      })}
      <h3>CSS for your page</h3>
      <pre tabindex="0" role="region" aria-label="CSS for your page"><code>${cssOut}</code></pre>
      <h3>Live preview</h3>
      <div class="preview" style=${style}>
        ${WIDGETS.map((tag) => {
          const src = this.widgetSources[tag];
          return src ? this.#widget(tag, src) : nothing;
        })}
      </div>
    `;
  }

  // One element per tag for the life of the lab (a new element per render would refetch its config).
  #elements = new Map<string, HTMLElement>();
  #widget(tag: string, src: string) {
    let el = this.#elements.get(tag);
    if (!el) {
      el = document.createElement(tag);
      el.setAttribute('src', src);
      this.#elements.set(tag, el);
    }
    if (this.theme) el.setAttribute('theme', this.theme);
    else el.removeAttribute('theme');
    return el;
  }
}

/** Registers the lab (called by the story: package.json `sideEffects` would drop a bare import). */
export const defineTokenLab = () =>
  customElements.get('care-docs-token-lab') ?? customElements.define('care-docs-token-lab', CareDocsTokenLab);

declare global {
  interface HTMLElementTagNameMap {
    'care-docs-token-lab': CareDocsTokenLab;
  }
}
