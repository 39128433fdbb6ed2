import { html, type TemplateResult } from 'lit';

/**
 * Widgets are transparent: they show the page's own background. A dark-theme story therefore sits on a
 * dark card, as it would on a real page (on Storybook's white canvas its light text would be unreadable).
 */
export const onSurface = (theme: string | undefined, content: TemplateResult): TemplateResult =>
  theme === 'dark' ? html`<div data-surface style="background: #12161b; padding: 1rem; border-radius: 0.5rem">${content}</div>` : content;
