import { html, nothing, type TemplateResult } from 'lit/html.js';
import { safeUrl } from './sanitize.js';
import { el, type Kid } from './dom.js';

export interface LinkOptions {
  /** From a post or other people's content: also `nofollow ugc`, so the site does not vouch for it. */
  ugc?: boolean;
  /** Opens in a new tab (say so in the link text). */
  newTab?: boolean;
  id?: string;
  cls?: string;
}

/** The `rel` of a link to other people's content: the site does not vouch for it. */
export const UGC = 'noopener noreferrer nofollow ugc';
const rel = (ugc?: boolean) => (ugc ? UGC : 'noopener noreferrer');

/**
 * Every link to another site, one policy: the page it opens gets no `window.opener` and no Referer, so a
 * patient's visit to a cancer page is never told to another server. Only http(s) addresses become an
 * `href` (pass post addresses through `postHref` first); otherwise the content stays, as a link without one.
 */
export const externalLink = (href: string | undefined, content: unknown, { ugc, newTab, id, cls }: LinkOptions = {}): TemplateResult =>
  html`<a
    id=${id ?? nothing}
    class=${cls ?? nothing}
    href=${safeUrl(href) ?? nothing}
    target=${newTab ? '_blank' : nothing}
    rel=${rel(ugc)}
    referrerpolicy="no-referrer"
    >${content}</a
  >`;

/**
 * The same link to other people's content (`nofollow ugc`) as an element, for content built without a template
 * (a feed's posts, each built once). Strings among `kids` become text.
 */
export const ugcLink = (href: string | undefined, cls: string | undefined, ...kids: Kid[]): HTMLElement =>
  el('a', { class: cls, href: safeUrl(href), rel: rel(true), referrerpolicy: 'no-referrer' }, ...kids);
