import { html, nothing, type TemplateResult } from 'lit/html.js';

/** A level as a whole number from 2 to 6: `"3"` → 3, 1 → 2, 9 → 6, anything else → 2. */
export const clampLevel = (level: unknown): number => Math.min(6, Math.max(2, Math.round(Number(level)) || 2));

/** `<h2>`…`<h6>` for `level` (clamped), with an optional part and class. Lit cannot bind a tag name. */
export function heading(level: unknown, content: unknown, part?: string, cls?: string): TemplateResult {
  const p = part ?? nothing;
  const c = cls ?? nothing;
  switch (clampLevel(level)) {
    case 3:
      return html`<h3 part=${p} class=${c}>${content}</h3>`;
    case 4:
      return html`<h4 part=${p} class=${c}>${content}</h4>`;
    case 5:
      return html`<h5 part=${p} class=${c}>${content}</h5>`;
    case 6:
      return html`<h6 part=${p} class=${c}>${content}</h6>`;
    default:
      return html`<h2 part=${p} class=${c}>${content}</h2>`;
  }
}
