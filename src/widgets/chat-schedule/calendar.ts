import { html, type TemplateResult } from 'lit/html.js';
import { externalLink } from '../../core/links.js';
import { addEnglish } from '../../core/i18n/messages.js';
import { googleCalendarUrl, outlookUrl, toIcs } from '../../core/time/ics.js';
import type { Occurrence } from '../../core/time/recurrence.js';
import type { Chat } from './chat-schedule.schema.js';
import { chatEvent } from './schedule.js';
import { messages } from './messages.js';

/**
 * What the schedule's calendar controls need once a reader reaches for one (a chunk, not in the first screen's
 * download): the `.ics` file and the open menu's links. A calendar's events carry the page's host in their UIDs.
 */

/** The open menu's words in English, added to the schedule's when this code loads. */
export const calendarText = {
  ics: 'Apple or other calendar',
  google: 'Google Calendar',
  // Google's "add" link takes a repeat rule but no cancelled dates (not verified here, which has no Google): said.
  googleCancelled: 'Google Calendar (cancelled dates still show)',
  outlook: 'Outlook (next chat only)',
  newTab: '(opens in a new tab)',
};
addEnglish(calendarText, messages);

/** The `.ics` text of `chats`, stamped `now`. */
export const icsFile = (chats: Chat[], now: number): string =>
  toIcs(
    chats.map((c) => chatEvent(c, location.hostname)),
    new Date(now),
  );

/**
 * The open menu: a file for Apple and other apps (`download` makes that link, as the "Add all chats" one), Google
 * (repeating; where a later date is cancelled, it says Google will still show it), Outlook (the next date). Each link
 * names its chat for screen readers, and says when it opens a tab.
 */
export function calendarMenu(
  t: (key: string) => unknown,
  chat: Chat,
  next: Occurrence,
  download: (chats: Chat[], name: string, label: unknown, id: string) => TemplateResult,
): TemplateResult {
  const e = chatEvent(chat, location.hostname);
  const name = html`<span class="visually-hidden">, ${chat.title}</span>`;
  const tab = html`<span class="visually-hidden"> ${t('newTab')}</span>`;
  return html`<ul>
    <li>${download([chat], chat.id + '.ics', html`${t('ics')}${name} ${t('file')}`, chat.id)}</li>
    <li>${externalLink(googleCalendarUrl(e), html`${t(chat.exceptions.some((d) => d > next.date) ? 'googleCancelled' : 'google')}${name}${tab}`, { newTab: true })}</li>
    <li>${externalLink(outlookUrl(e, next.start, next.end), html`${t('outlook')}${name}${tab}`, { newTab: true })}</li>
  </ul>`;
}
