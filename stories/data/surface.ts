import { html, nothing, type TemplateResult } from 'lit';

/**
 * What the Controls panel sets beside `config` and `theme`: `--care-*` tokens (as the element's style) and
 * `src` (a config URL; a `config` property, when set, wins over it, as on a page).
 */
export const fromControls = (args: object): { style: string | typeof nothing; src: string | typeof nothing } => {
  const a = args as Record<string, unknown>;
  const style = Object.entries(a)
    .filter(([k, v]) => k.startsWith('--') && typeof v == 'string' && v)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return { style: style || nothing, src: typeof a.src == 'string' && a.src ? a.src : nothing };
};

/**
 * Widgets are transparent: they show the page's own background. A dark-theme story therefore sits on a
 * dark card, as it would on a real page (on Storybook's white canvas its light text would be unreadable).
 */
export const onSurface = (theme: string | undefined, content: TemplateResult): TemplateResult =>
  theme === 'dark' ? html`<div data-surface style="background: #12161b; padding: 1rem; border-radius: 0.5rem">${content}</div>` : content;
