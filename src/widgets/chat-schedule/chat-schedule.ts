import { closestAttribute } from '../../core/dom.js';
import { html, nothing, type TemplateResult } from 'lit';
import { CareElement } from '../../core/care-element.js';
import { dateFormat, listFormat } from '../../core/i18n/format.js';
import { safeUrl } from '../../core/sanitize.js';
import { everyMinute } from '../../core/time/clock.js';
import { googleCalendarUrl, outlookUrl, toIcs, type CalendarEvent } from '../../core/time/ics.js';
import { isValidTimeZone, wallTime } from '../../core/time/zones.js';
import { chatScheduleSchema, type Chat, type ChatScheduleConfig } from './chat-schedule.schema.js';
import { chatScheduleStyles } from './chat-schedule.styles.js';
import { dayDiff, place, tag, until, upcoming, type Item } from './schedule.js';

const en = {
  zone: 'Times are shown in {zone} time.',
  today: 'Today',
  tomorrow: 'Tomorrow',
  ownTime: '{time} {weekday} in {place}',
  live: 'Live now — join',
  liveText: 'Live now',
  startsIn: 'Starts in {time}',
  days_one: '{count} day',
  days_other: '{count} days',
  hours: '{count} h',
  minutes: '{count} min',
  cancelled: 'Cancelled',
  topic: 'Topic: {topic}',
  hosts_one: 'Host: {hosts}',
  hosts_other: 'Hosts: {hosts}',
  platform: 'Platform',
  hashtag: 'Hashtag',
  all: 'All',
  none: 'No upcoming chats.',
  calendar: 'Add to calendar',
  ics: 'Download .ics',
  google: 'Google Calendar',
  outlook: 'Outlook.com (this date)',
  newTab: '(opens in a new tab)',
  subscribe: 'Subscribe to all (.ics)',
  pause: 'Stop updating times',
  resume: 'Resume updating times',
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  facebook: 'Facebook',
  zoom: 'Zoom',
  other: 'Online',
};

/**
 * Recurring community chats (tweetchats, video meet-ups) listed in the viewer's own time, correct across
 * daylight saving in both the chat's and the viewer's zone, with live status, countdowns and add-to-calendar.
 *
 * The viewer's zone is config `timeZone`, else the `time-zone` attribute of the element or its nearest
 * ancestor, else the browser's. Countdowns change once a minute from one clock shared by every instance.
 *
 * @summary Recurring community chats in the viewer's own time, with live status and add-to-calendar.
 * @fires care-ready - the first time the schedule renders
 * @fires care-config-error - the config is invalid (`detail.issues` lists each problem by path)
 * @fires care-source-error - not fired: this widget fetches nothing but its config
 * @csspart heading - the optional heading
 * @csspart filters - the platform and hashtag filters
 * @csspart list - the list of occurrences
 * @csspart chat - one occurrence
 * @csspart error - the config problems panel
 * @cssprop --care-chat-schedule-live-color - marks a chat that is live now (default: `--care-color-success`)
 * @cssprop --care-chat-schedule-gap - space between and inside the chats
 * @slot - fallback content shown until the widget renders
 */
export class CareChatSchedule extends CareElement<ChatScheduleConfig> {
  static override styles = [...CareElement.styles, chatScheduleStyles];
  // One bad chat never hides the others; a bad link, hashtag or description is left out and the chat kept.
  protected override readonly skippable = ['chats'];
  protected override readonly droppable = ['url', 'description', 'hashtag', 'hosts', 'topics', 'platform'].map((f) => `chats.*.${f}`);
  static override properties = {
    ...CareElement.properties,
    now: {},
    timeZone: { attribute: 'time-zone' },
    platform: {},
    hashtag: {},
    paused: { state: true },
    clock: { state: true },
  };

  /** Freezes the clock at this instant (ISO 8601, ms or Date), for previews and tests; unset for the real time. */
  declare now: string | number | Date | undefined;
  /** The viewer's IANA zone, when the config sets none (also read from the nearest ancestor with `time-zone`). */
  declare timeZone: string | undefined;
  /** Show only chats on this platform (`x`, `bluesky`, …); the filter control sets it too. */
  declare platform: string | undefined;
  /** Show only chats with this hashtag (without `#`). */
  declare hashtag: string | undefined;
  /** @internal */
  declare paused: boolean;
  /** @internal */
  declare clock: number;

  protected readonly schema = chatScheduleSchema;
  protected override readonly catalogue = { en };
  #unsubscribe?: () => void;
  #blob?: string;

  constructor() {
    super();
    this.paused = false;
    this.clock = Date.now();
  }

  protected override configure(): void {
    this.clock = Date.now();
    if (!this.paused) this.#unsubscribe ??= everyMinute((t) => (this.clock = t));
  }

  protected override stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (this.#blob) URL.revokeObjectURL(this.#blob);
  }

  /** The current instant: the frozen `now`, else the shared clock's last minute. @internal */
  get currentTime(): number {
    return this.#frozen() ?? this.clock;
  }

  #frozen(): number | undefined {
    const t = this.now == null ? NaN : +new Date(this.now);
    return t == t ? t : undefined;
  }

  /** The zone times are shown in. @internal */
  viewerZone(config = this.value): string {
    const tz = config?.timeZone ?? this.timeZone ?? closestAttribute(this, 'time-zone');
    return tz && isValidTimeZone(tz) ? tz : dateFormat('en', {}).resolvedOptions().timeZone;
  }

  protected renderContent(c: ChatScheduleConfig): TemplateResult {
    const now = this.currentTime;
    const tz = this.viewerZone(c);
    const items = upcoming(c.chats, now, c.show, c.showCancelled, this);
    const select = (key: 'platform' | 'hashtag', values: string[]) =>
      values.length > 1
        ? html`<label>${this.t(key)}
            <select @change=${(e: Event) => (this[key] = (e.target as HTMLSelectElement).value || undefined)}>
              <option value="">${this.t('all')}</option>
              ${values.map((v) => html`<option value=${v} ?selected=${this[key] == v}>${key == 'platform' ? this.t(v) : '#' + v}</option>`)}
            </select></label>`
        : nothing;
    const filters = c.filters && [select('platform', [...new Set(c.chats.map((x) => x.platform))]), select('hashtag', [...new Set(c.chats.map(tag).filter(Boolean))])].filter((x) => x != nothing);
    return html`<div class=${c.layout}>
      ${c.heading ? html`<h2 part="heading">${c.heading}</h2>` : nothing}
      <div class="bar">
        <p class="zone">${this.t('zone', { zone: place(tz) })}</p>
        ${items.length && this.#frozen() == null ? html`<button @click=${this.#toggle}>${this.t(this.paused ? 'resume' : 'pause')}</button>` : nothing}
      </div>
      ${filters && filters.length ? html`<div class="bar" part="filters">${filters}</div>` : nothing}
      ${items.length ? html`<ol part="list" role="list">${items.map((i) => this.#item(i, tz, now, c))}</ol>` : html`<p>${this.t('none')}</p>`}
      <p>${this.#download(c.chats, 'chats.ics', this.t('subscribe'))}</p>
    </div>`;
  }

  #toggle = (): void => {
    this.paused = !this.paused;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (!this.paused) this.configure();
  };

  #event = (chat: Chat): CalendarEvent => ({ ...chat, uid: `${chat.id}@carecircle`, url: safeUrl(chat.url) });

  /** An `<a download>` whose Blob URL is made when it is used, so the file has the current DTSTAMP. */
  #download(chats: Chat[], name: string, label: string): TemplateResult {
    return html`<a class="button" href="#" download=${name} @click=${(e: Event) => {
      if (this.#blob) URL.revokeObjectURL(this.#blob);
      (e.currentTarget as HTMLAnchorElement).href = this.#blob = URL.createObjectURL(new Blob([toIcs(chats.map(this.#event), new Date(this.currentTime))], { type: 'text/calendar' }));
    }}>${label}</a>`;
  }

  #item(i: Item, tz: string, now: number, c: ChatScheduleConfig): TemplateResult {
    const { chat } = i;
    const s = +i.start;
    const live = !i.cancelled && s <= now;
    const url = safeUrl(chat.url);
    const fmt = (timeZone: string, o: Intl.DateTimeFormatOptions) => dateFormat(this.locale, { timeZone, ...o }).format(i.start);
    const time = { hour: 'numeric', minute: '2-digit' } as const;
    const d = dayDiff(tz, now, s);
    const topic = chat.topics[i.date];
    const newTab = html`<span class="visually-hidden"> ${this.t('newTab')}</span>`;
    const [days, h, m] = until(now, s);
    // 2 h 15 min; 1 day 9 h; 6 days.
    const left = [days && this.t('days', { count: days }), days < 2 && h && this.t('hours', { count: h }), !days && m && this.t('minutes', { count: m })].filter(Boolean).join(' ');
    return html`<li part="chat" class=${i.cancelled ? 'cancelled' : live ? 'live' : ''}>
      <h3>${url ? html`<a href=${url}>${chat.title}</a>` : chat.title}</h3>
      <p>
        <time datetime=${i.start.toISOString()}>${fmt(tz, { weekday: 'long', day: 'numeric', month: 'long' })}, ${fmt(tz, { ...time, timeZoneName: 'short' })}</time>
        ${d == 0 || d == 1 ? html`<span class="badge">${this.t(d ? 'tomorrow' : 'today')}</span>` : nothing}
      </p>
      ${wallTime(chat.timeZone, s) != wallTime(tz, s)
        ? html`<p class="own">${this.t('ownTime', { time: fmt(chat.timeZone, time), weekday: fmt(chat.timeZone, { weekday: 'long' }), place: place(chat.timeZone) })}</p>`
        : nothing}
      <p class="status">
        ${i.cancelled
          ? html`<strong>${this.t('cancelled')}</strong>`
          : live
            ? url ? html`<a class="button primary" href=${url}>${this.t('live')}</a>` : html`<strong>${this.t('liveText')}</strong>`
            : i.next ? this.t('startsIn', { time: left }) : nothing}
      </p>
      ${topic ? html`<p>${this.t('topic', { topic })}</p>` : nothing}
      <p class="meta">
        ${[tag(chat) && '#' + tag(chat), this.t(chat.platform), chat.hosts.length && this.t('hosts', { count: chat.hosts.length, hosts: listFormat(this.locale).format(chat.hosts) })].filter(Boolean).join(' · ')}
      </p>
      ${chat.description && c.layout == 'list' ? html`<p>${chat.description}</p>` : nothing}
      ${i.next
        ? html`<details>
            <summary>${this.t('calendar')}<span class="visually-hidden">: ${chat.title}</span></summary>
            <ul>
              <li>${this.#download([chat], chat.id + '.ics', this.t('ics'))}</li>
              <li><a class="button" href=${googleCalendarUrl(this.#event(chat))} target="_blank" rel="noopener">${this.t('google')}${newTab}</a></li>
              <li><a class="button" href=${outlookUrl(this.#event(chat), i.start, i.end)} target="_blank" rel="noopener">${this.t('outlook')}${newTab}</a></li>
            </ul>
          </details>`
        : nothing}
    </li>`;
  }
}
