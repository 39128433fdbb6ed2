// Reads the theming tokens from the styles themselves, so the Theming page can never list a token that
// does not exist or miss one that does: global `--care-*` tokens from the shared theme (light and dark
// defaults), widget tokens `--care-<widget>-*` from each widget's own styles, with descriptions from the
// custom-elements manifest when Storybook has loaded it.
import type { CSSResult } from '../../src/core/css.js';
import { themeStyles } from '../../src/core/theme/styles.js';

export interface Token {
  name: string;
  light: string;
  dark?: string;
  description?: string;
}

const USES: Record<string, string> = {
  '--care-color-background': 'Widget background (transparent when unset) and field fill',
  '--care-color-surface': 'Cards and panels',
  '--care-color-text': 'Text',
  '--care-color-muted': 'Secondary text (keep 4.5:1 on the surface)',
  '--care-color-border': 'Borders and control outlines (keep 3:1)',
  '--care-color-accent': 'Links, buttons, selected states',
  '--care-color-on-accent': 'Text on the accent colour',
  '--care-color-danger': 'Errors',
  '--care-color-success': 'Success and "live now"',
  '--care-color-focus': 'Focus ring',
  '--care-radius': 'Corner radius',
  '--care-space': 'Spacing unit',
  '--care-font-family': "Font (inherits the page's by default)",
  '--care-font-size': 'Base text size (everything scales with it)',
  '--care-target-size': 'Minimum size of buttons and controls (44 px)',
};

/** `var(--care-x, fallback)` uses in a stylesheet, with fallbacks that may nest parentheses. */
function declared(css: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of css.matchAll(/var\(\s*(--care-[a-z0-9-]+)\s*,/g)) {
    let depth = 1;
    let i = m.index! + m[0].length;
    const from = i;
    for (; i < css.length && depth; i++) depth += css[i] === '(' ? 1 : css[i] === ')' ? -1 : 0;
    if (!found.has(m[1]!)) found.set(m[1]!, css.slice(from, i - 1).trim());
  }
  return found;
}

/** The global tokens with their light and dark defaults, in the order the theme declares them. */
export function globalTokens(): Token[] {
  const css = themeStyles.cssText;
  const darkAt = css.indexOf(":host([theme='dark'])") >= 0 ? css.indexOf(":host([theme='dark'])") : css.indexOf(':host([theme="dark"])');
  const light = declared(darkAt > 0 ? css.slice(0, darkAt) : css);
  const dark = darkAt > 0 ? declared(css.slice(darkAt, css.indexOf('}', darkAt))) : new Map<string, string>();
  return [...light].map(([name, value]) => ({ name, light: value, dark: dark.get(name), description: USES[name] }));
}

interface ManifestDecl {
  tagName?: string;
  cssProperties?: { name: string; description?: string; default?: string }[];
}
interface Manifest {
  modules?: { declarations?: ManifestDecl[] }[];
}

const manifest = (): Manifest | undefined =>
  (globalThis as { __STORYBOOK_CUSTOM_ELEMENTS_MANIFEST__?: Manifest }).__STORYBOOK_CUSTOM_ELEMENTS_MANIFEST__;

const cssText = (styles: CSSResult[]): string => styles.map((s) => s.cssText).join('\n');

/** Private locals (`--_surface`) of the shared theme, by the public token each one reads. */
function locals(): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of themeStyles.cssText.matchAll(/(--_[a-z0-9-]+)\s*:\s*var\(\s*(--care-[a-z0-9-]+)/g))
    if (!map.has(m[1]!)) map.set(m[1]!, m[2]!);
  return map;
}

/** A widget default written with a private local, shown as the public token it follows. */
const readable = (value: string, map: Map<string, string>) =>
  value.replace(/var\(\s*(--_[a-z0-9-]+)\s*\)/g, (all, local: string) => (map.has(local) ? `var(${map.get(local)})` : all));

/** `--care-<widget>-*` tokens of a defined tag: from its styles, described from the manifest. */
export function widgetTokens(tag: string): Token[] {
  const ctor = customElements.get(tag) as (CustomElementConstructor & { styles?: CSSResult | CSSResult[] }) | undefined;
  const prefix = `--${tag}-`;
  const fromStyles = declared(cssText([ctor?.styles ?? []].flat()));
  const documented = new Map(
    (manifest()?.modules ?? [])
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.tagName === tag)
      .flatMap((d) => d.cssProperties ?? [])
      .map((p) => [p.name, p] as const),
  );
  const names = new Set([
    ...[...fromStyles.keys()].filter((n) => n.startsWith(prefix)),
    ...[...documented.keys()].filter((n) => n.startsWith('--care-')),
  ]);
  const map = locals();
  return [...names].map((name) => ({
    name,
    light: readable(fromStyles.get(name) ?? documented.get(name)?.default ?? '', map),
    description: documented.get(name)?.description,
  }));
}

export const WIDGETS = ['care-support-groups', 'care-chat-schedule', 'care-hashtag-feed'] as const;
