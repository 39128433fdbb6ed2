import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { ConfigIssue } from './issues.js';
import { itemName } from './item-name.js';
import { addEnglish, createTranslate, type Translate } from '../i18n/messages.js';
import { fetchText } from '../i18n/fetch-text.js';
import { localeChain, registry } from '../i18n/registry.js';
import { css } from '../css.js';

// The editor's panel of config problems: a chunk of its own, loaded with the wording of the first problem
// (issue-text.ts), so a page whose config is fine never downloads it. Its English words come with it, and why a
// config's `src` could not be fetched (a problem's `fetch_<code>` reason).

/** The panel's own messages in English (language files have them in their `core` part). */
export const panelText = {
  editorDetails: 'Details for the website editor',
  configErrorIntro: 'This widget did not start: its settings (config) have problems. Fix these, then reload the page:',
  skippedIntro_one: '{count} item was left out because of a problem in the settings (config):',
  skippedIntro_other: '{count} items were left out because of problems in the settings (config):',
  keptIntro_one: '{count} item still shows, without its settings (config) that have problems:',
  keptIntro_other: '{count} items still show, without their settings (config) that have problems:',
};
addEnglish({ ...panelText, ...fetchText });

/**
 * The panel's styles, adopted by a widget's shadow root beside its own when it first draws the panel (a page whose
 * configs are fine never downloads them). Editors' details: quiet and collapsed, after the content.
 */
export const panelStyles = css`
  .panel.editor {
    border: 0;
    padding: 0;
    background: none;
    color: var(--_muted);
  }
  .panel.editor[open] {
    border-inline-start: 0.25rem solid var(--_border);
    padding-inline-start: var(--_space);
  }
  .panel.editor.error[open] {
    border-inline-start-color: var(--_danger);
  }
  .panel.editor ul {
    list-style: disc;
  }
  code {
    font-family: ui-monospace, monospace;
    font-size: 0.95em;
  }
`;

/**
 * The editor-facing list of problems by path, collapsed under "Details for the website editor": no alert, no error
 * styling a patient would take for a fault in their care. Also in the console and the event.
 */
/** What the panel reads of its widget: its translate, its language, and `say` (its words marked with their language). */
export interface PanelHost {
  t: Translate;
  locale: string;
  say(key: string, params?: Record<string, number>): unknown;
}

export function issuePanel({ t, locale, say }: PanelHost, issues: ConfigIssue[], fatal: boolean): TemplateResult {
  // Items, not problems: one item may have several, and a dropped field leaves its item on screen (unless the
  // item was skipped for another problem). An issue without its item counts as one.
  const items = (dropped: boolean) => new Set(issues.filter((i) => !i.dropped != dropped).map((i) => i.item ?? i));
  const skipped = items(false);
  const kept = [...items(true)].filter((i) => !skipped.has(i)).length;
  const intro = (key: string, count: number) => (count ? html`<p>${say(key, { count })}</p>` : nothing);
  return html`<details class=${fatal ? 'panel editor error' : 'panel editor'} part="error">
    <summary>${say('editorDetails')}</summary>
    ${fatal ? html`<p>${say('configErrorIntro')}</p>` : [intro('skippedIntro', skipped.size), intro('keptIntro', kept)]}
    <ul>
      ${issues.map((i) => html`<li><code>${i.path}</code>${itemName(i) ? html` (${itemName(i)})` : nothing}: ${issueText(t, locale, i)}</li>`)}
    </ul>
  </details>`;
}

/**
 * A problem in the widget's language where its `errors` have the message, else in English, marked as English on a
 * page in another language (WCAG 3.1.2).
 */
function issueText(t: Translate, locale: string, issue: ConfigIssue): unknown {
  const english = locale.split('-')[0] == 'en' ? issue.message : html`<span lang="en" dir="ltr">${issue.message}</span>`;
  if (!issue.key || !localeChain(locale).some((tag) => registry.bundles[tag]?.errors)) return english;
  const reason = issue.params?.reason;
  const params = typeof reason == 'string' && reason.startsWith('fetch_') ? { ...issue.params, reason: t(reason) } : issue.params;
  const text = createTranslate(locale, [{}], {}, ['errors'])(issue.key, params);
  return text == issue.key ? english : text;
}
