// Why a source failed, in words: a chunk the feed loads when one of its sources fails, so a feed whose servers
// answer never downloads these sentences. Its English words come with it (language files carry them all).
import { html, type TemplateResult } from 'lit/html.js';
import { addEnglish, type Translate } from '../../core/i18n/messages.js';
import { fetchText } from '../../core/i18n/fetch-text.js';
import { messages } from './messages.js';
import type { Runner } from './feed-sources.js';
import type { Words } from './later.js';

/** The feed's words for a failed source, in English. */
export const failedText = {
  postsFailed: 'We could not get posts from {name}. {reason}',
  // Why a source failed is the core's `fetch_<code>` sentence, after postsFailed; the feed words three its own way
  // (it names the hashtag, retries by itself, and shows the status).
  fetch_notPublic: 'It does not share #{tag} with the public.',
  fetch_busy: 'It is busy. We will try again later.',
  fetch_http: 'It had a problem (error {status}).',
};
addEnglish(fetchText);
addEnglish(failedText, messages);

/** A failed source's name: a server by its host; a snapshot file by its address, since it is often on the page's own site. */
const nameOf = (r: Runner): string => (r.src.type == 'snapshot' ? r.url! : new URL(r.url!, document.baseURI).host);

/** Why `r` failed, in a sentence (the feed's `fetch_<code>`, else the core's), for the notice and the console. */
export const reason = (t: Translate, r: Runner, tag: string): string =>
  t(`fetch_${r.error!.code}`, { name: nameOf(r), tag, status: String(r.error!.status ?? '') });

/** The notice that `r` failed: its name, then why. */
export const notice = (h: Words, r: Runner, tag: string): TemplateResult =>
  html`<p class="notice" part="notice">${h.tb('postsFailed', { name: nameOf(r) }, { reason: reason(h.t, r, tag) })}</p>`;
