import { closestAttribute } from '../../core/dom.js';
import { externalLink } from '../../core/links.js';
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { PropertyValues } from '../../core/base-element.js';
import { CareElement } from '../../core/care-element.js';
import { heading } from '../../core/heading.js';
import { dateFormat, formatWithZone, listFormat, zoneName } from '../../core/i18n/format.js';
import { safeUrl } from '../../core/urls.js';
import { later, nextTask, overBudget } from '../../core/tasks.js';
import { everyMinute } from '../../core/time/clock.js';
import { lazy } from '../../core/lazy.js';
import type { Occurrence } from '../../core/time/recurrence.js';
import { isValidTimeZone, wallTime } from '../../core/time/zones.js';
import type { Chat, ChatScheduleConfig, ResolvedChatScheduleConfig } from './chat-schedule.schema.js';
import type { Checked } from '../../core/config/check.js';
import { chatScheduleValidator } from '../../generated/chat-schedule.validate.js';
import { chatScheduleStyles } from './chat-schedule.styles.js';
import { messages } from './messages.js';
import {
  agenda,
  byNext,
  dayDiff,
  durationParts,
  durationWords,
  entryOf,
  itemsOf,
  passes,
  tag,
  webcalUrl,
  type Entry,
  type Item,
} from './schedule.js';

/**
 * The .ics writer (with its VTIMEZONEs), the Google and Outlook links and the open menu (calendar.ts): loaded when a reader first reaches
 * for a calendar control (points at or focuses one, opens a menu), not with the schedule. @internal
 */
export const calendarCode = { load: lazy(() => import('./calendar.js')) };
type CalendarCode = typeof import('./calendar.js');

// Chats in the first render (a phone's screenful), then as many per later task as fit in MORE_MS (measured on
// the last ones shown): a chat costs about 1 ms to render on a laptop, 5 on a phone.
const FIRST_SCREEN = 4;
const MORE_MS = 20;

/** Date and time of a later or cancelled date: "Tuesday, March 10 at 12:00 PM". */
const DAY_TIME = { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' } as const;
const TIME = { hour: 'numeric', minute: '2-digit' } as const;

/**
 * Recurring community chats (tweetchats, video meet-ups) listed in the viewer's own time, correct across
 * daylight saving in both the chat's and the viewer's zone, with live status, countdowns and add-to-calendar.
 * Each chat is listed once, its next date first and the following ones in a short list (`layout: 'agenda'`
 * lists every date instead, day by day).
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
 * @csspart list - the list of chats (of dates, in the agenda layout)
 * @csspart chat - one chat (one date, in the agenda layout)
 * @csspart error - the config problems panel
 * @cssprop --care-chat-schedule-live-color - marks a chat that is live now (default: `--care-color-success`)
 * @cssprop --care-chat-schedule-gap - space between and inside the chats
 * @slot - fallback content shown until the widget renders
 */
export class CareChatSchedule extends CareElement<ResolvedChatScheduleConfig> {
  /** The config object as in the JSON Schema (or a JSON string). Takes precedence over `src` and the child JSON script. */
  declare config: ChatScheduleConfig | string | undefined;

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
    icsWait: { state: true },
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
  /** The calendar control waiting for the calendar code (a chat's id, '' for "add all"), and whether it failed. @internal */
  declare icsWait: { id: string; failed: boolean } | undefined;

  protected readonly validator = chatScheduleValidator;
  protected override readonly catalogue = messages;
  protected override readonly messagePart = 'chat-schedule';
  #unsubscribe?: () => void;
  #blob?: string;
  /** Chats whose add-to-calendar menu has been opened: only those menus are in the DOM (50 closed menus cost a long task). */
  #opened = new Set<string>();
  /** Chats whose menu is open now. lit reuses the cards' elements by place: each card says whether its own is open. */
  #isOpen = new Set<string>();
  /** The dates of every chat, worked out once per config and filter, and again when one of them ends (`until`). */
  #dates?: { key: string; chats: Chat[]; cards: Entry[] | Item[]; at: number; until: number };
  /** The dates being worked out, a few chats per task, and how to stop that. */
  #work?: { key: string; chats: Chat[]; cancel: () => void };
  /** Chats rendered so far: a first screen at once, then a few more per task, so 50 chats make no long task. */
  #shown = FIRST_SCREEN;
  /** Cards to show once the dates are worked out (-1 until then). */
  #total = -1;
  /** Cards in the last render, and the milliseconds each one added took to render there. */
  #rendered = 0;
  #perCard = 5;
  #cancelMore?: () => void;

  constructor() {
    super();
    this.paused = false;
    this.clock = Date.now();
  }

  /**
   * The config's check, after the element's start and in tasks of its own. Before it, each in a task alone: the
   * page's first Intl formatter, whatever its kind (the browser then loads its locale data: 15–20 ms on a laptop,
   * four times that on a phone; the hosts' list will use this one), then what a date formatter adds to that (the
   * check asks one about each chat's zone).
   */
  protected override async check(data: unknown, signal: AbortSignal): Promise<Checked<ResolvedChatScheduleConfig>> {
    for (const warm of [() => listFormat(this.locale), () => dateFormat('en', {})]) {
      await nextTask();
      warm();
    }
    await nextTask();
    return super.check(data, signal);
  }

  protected override configure(): void {
    this.#shown = FIRST_SCREEN;
    this.clock = Date.now();
    this.#unsubscribe ??= everyMinute((t) => (this.clock = t));
  }

  protected override stop(): void {
    this.#cancelMore?.();
    this.#cancelMore = undefined;
    this.#work?.cancel();
    this.#work = undefined;
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

  protected renderContent(c: ResolvedChatScheduleConfig): TemplateResult {
    const now = this.currentTime;
    const tz = this.viewerZone(c);
    const level = this.level;
    // Each chat once (its next date and up to 2 more), or every date in the agenda.
    const all = this.#occurrences(c, now, tz);
    // Every card is made again when any of these changes; not when more cards are added below it.
    const key = [
      tz,
      this.t,
      level,
      c,
      this.paused,
      [...this.#opened].join(),
      this.icsWait?.id,
      this.icsWait?.failed,
      !!calendarCode.load.value,
    ];
    const old = key.some((k, i) => k !== this.#cardsFor[i]) ? new Map() : this.#cards;
    [this.#cards, this.#cardsFor] = [new Map(), key];
    this.#total = all ? all.length : -1;
    this.#rendered = all ? Math.min(all.length, this.#shown) : 0;
    // The first time, while the dates are worked out: a few empty cards where the chats will be.
    if (!all)
      return html`<div class="skeleton"><span role="status">${this.say('loading')}</span><div></div><div></div><div></div><div></div><div></div></div>`;
    // A chat's card is made again only when what it shows changes: its dates, whether it is live, Today or
    // Tomorrow, and what the countdown names (days; hours under 2 days; minutes under one). So a minute's tick makes
    // again the few cards whose words change, not all 50. Keyed by the chat's place in the config.
    const card = (chat: Chat, dates: Occurrence[], full: boolean) => {
      const s = +(dates.find((o) => !o.cancelled)?.start ?? NaN);
      const key = [
        c.chats.indexOf(chat),
        full,
        this.#isOpen.has(chat.id),
        dates.map((o) => [+o.start, o.cancelled]),
        s <= now || (s == s && [dayDiff(tz, now, s), full && Object.entries(durationParts(now, s))]),
      ].join('|');
      const made = old.get(key) ?? this.#chat(chat, dates, full, tz, now, c, level);
      this.#cards.set(key, made);
      return made;
    };
    const cards = (all.slice(0, this.#shown) as (Entry | Item)[]).map((e) =>
      'dates' in e ? card(e.chat, e.dates, true) : card(e.chat, [e], e.next),
    );
    const select = (key: 'platform' | 'hashtag', values: string[]) =>
      values.length > 1
        ? html`<label>${this.say(key)}
            <select @change=${(e: Event) => (this[key] = (e.target as HTMLSelectElement).value || undefined)}>
              <option value="">${this.t('all')}</option>
              ${values.map((v) => html`<option value=${v} ?selected=${this[key] == v}>${key == 'platform' ? this.t(v) : `\u2068#${v}\u2069`}</option>`)}
            </select></label>`
        : nothing;
    // A published calendar (`subscribeUrl`) is subscribed to; without one, the button downloads a copy.
    const subscribe = webcalUrl(c.subscribeUrl, document.baseURI);
    const filters =
      c.filters &&
      [
        select('platform', [...new Set(c.chats.map((x) => x.platform))]),
        select('hashtag', [...new Set(c.chats.map(tag).filter(Boolean))]),
      ].filter((x) => x != nothing);
    return html`<div class=${c.layout}>
      ${c.heading ? heading(level, c.heading, 'heading') : nothing}
      <div class="bar">
        <p class="zone">${/^(Etc\/)?UTC$/.test(tz) ? this.say('utc') : this.tb('zone', { zone: zoneName(this.locale, tz, now) })}</p>
        ${
          cards.length && this.#frozen() == null
            ? html`<button @click=${this.#toggle}>${this.say(this.paused ? 'resume' : 'pause')}</button>`
            : nothing
        }
      </div>
      ${filters && filters.length ? html`<div class="bar" part="filters">${filters}</div>` : nothing}
      ${cards.length ? html`<ol part="list" role="list">${cards}</ol>` : html`<p>${this.say('none')}</p>`}
      <p>${
        subscribe
          ? html`<a class="button" href=${subscribe}>${this.say('subscribe')}</a>`
          : html`${this.#download(c.chats, 'chats.ics', html`${this.say('subscribe')} ${this.say('file')}`, '', 'button')} ${this.#waiting('')}`
      }</p>
    </div>`;
  }

  // Ready (and `care-ready` fired) once every chat is in the list.
  protected override get contentReady(): boolean {
    return this.#total >= 0 && this.#shown >= this.#total;
  }

  // The first update (the element's styles and its slot) in a task after the one that ran the script: on a phone,
  // each is tens of milliseconds.
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }

  /**
   * Focus follows its chat. lit keeps each place's DOM, not each chat's: when the cards reorder (a live chat ends and
   * moves down) or a focused control goes ("Join now" once the chat ends), the control the reader was on would show
   * another chat or be gone. Then focus goes to the same control (by its words) of that chat's card, else its
   * calendar control, else its title; when the chat left the list, to the schedule's heading (else the zone line).
   */
  protected override update(changed: PropertyValues<this>): void {
    const [start, before] = [performance.now(), this.#rendered];
    const chat = (e?: Element | null) => e?.closest<HTMLElement>('[data-chat]')?.dataset.chat;
    const was = this.renderRoot.activeElement as HTMLElement | null;
    const [id, words] = [chat(was), was?.textContent];
    super.update(changed);
    // At least 1 ms a card: a coarse clock (a browser that rounds it against fingerprinting) may read 0.
    if (this.#rendered > before) this.#perCard = Math.max(1, (performance.now() - start) / (this.#rendered - before));
    if (id == null || (was!.isConnected && chat(was) == id)) return;
    // That chat's titles and controls, in order: its first card's title first.
    const its = [...this.renderRoot.querySelectorAll<HTMLElement>('.title,a,summary')].filter((e) => chat(e) == id);
    const to =
      its.find((e) => e.tabIndex >= 0 && e.textContent == words) ??
      its.find((e) => e.localName == 'summary') ??
      its[0] ??
      this.renderRoot.querySelector<HTMLElement>('[part=heading],.zone');
    // A heading or the zone line takes focus from script only.
    if (to && to.tabIndex < 0) to.tabIndex = -1;
    to?.focus();
  }

  protected override updated(): void {
    super.updated();
    if (this.#shown < this.#total && !this.#cancelMore)
      this.#cancelMore = later(() => {
        this.#cancelMore = undefined;
        this.#shown += Math.max(1, Math.floor(MORE_MS / this.#perCard));
        this.requestUpdate();
      });
  }

  /**
   * Every chat's coming dates, for the whole widget, worked out again only when a date shown ends (or the clock goes
   * back): a minute's tick, a pause or a language change re-renders without them. For a new config they are worked
   * out in later tasks of a few milliseconds each (50 chats at once are a long task on a phone), and until then this
   * returns nothing; after that a date's end or a filter works them out at once, so what is shown always fits the
   * filter.
   */
  #occurrences(c: ResolvedChatScheduleConfig, now: number, tz: string): Entry[] | Item[] | undefined {
    const key = [c.layout, c.show, c.showCancelled, this.platform, this.hashtag].join('|');
    const d = this.#dates;
    if (d?.key === key && d.chats === c.chats && d.at <= now && now < d.until) return d.cards;
    const chats = c.chats.filter(passes(this));
    const dates = (chat: Chat) =>
      c.layout == 'agenda' ? itemsOf(chat, now, c.show, c.showCancelled) : entryOf(chat, now, Math.min(c.show, 3), c.showCancelled);
    // The dates stay as they are until the first of them ends (a chat's list moves on; a live one stays till its end).
    const cards = (done: (Entry | Item[])[]) => {
      const cards = c.layout == 'agenda' ? agenda(done as Item[][], c.show) : byNext(done as Entry[]);
      const until = Math.min(...cards.map((e) => +('dates' in e ? e.dates[0]!.end : e.end)));
      return (this.#dates = { key, chats: c.chats, cards, at: now, until }).cards;
    };
    if (d?.chats === c.chats) return cards(chats.map(dates));
    if (this.#work?.key !== key || this.#work.chats !== c.chats) {
      this.#work?.cancel();
      const done: (Entry | Item[])[] = [];
      const work = (this.#work = { key, chats: c.chats, cancel: () => {} });
      const step = () => {
        const start = performance.now();
        while (done.length < chats.length && !overBudget(start, 6)) done.push(dates(chats[done.length]!));
        if (done.length < chats.length) return void (work.cancel = later(step));
        cards(done);
        // The first cards in a task of their own, not after a slice of this work.
        work.cancel = later(() => {
          this.#work = undefined;
          this.requestUpdate();
        });
      };
      // First the formatters the cards use, one kind per task: the first of each kind on a page costs milliseconds
      // to build (tens on a phone).
      const warm = [
        () => formatWithZone(this.locale, { timeZone: tz, ...DAY_TIME }, now),
        () => dateFormat(this.locale, { timeZone: tz, ...DAY_TIME }),
        () => durationWords(this.locale, now, now + 6e4),
        // Each chat's own time ("That is 9:00 PM on Monday"), by zone (a few zones, however many chats).
        ...[...new Set(chats.map((x) => x.timeZone))].slice(0, 8).map((zone) => () => {
          dateFormat(this.locale, { timeZone: zone, ...TIME });
          dateFormat(this.locale, { timeZone: zone, weekday: 'long' });
        }),
      ];
      const next = (): void => {
        work.cancel = later(() => {
          const f = warm.shift();
          if (!f) return step();
          f();
          next();
        });
      };
      next();
    }
    return undefined;
  }

  /** The cards of the last render, by what each shows (a render keeps only those it uses), and what they were made for. */
  #cards = new Map<string, TemplateResult>();
  #cardsFor: unknown[] = [];

  // Stops (hides) only the countdowns (WCAG 2.2.2): what is live, Today and Tomorrow still follow the clock.
  #toggle = (): void => void (this.paused = !this.paused);

  /**
   * Loads the calendar code for the control `id`; while it loads, and if it fails (the chunk is missing, the page's
   * CSP refuses it), that control says so. Resolves to the code, or undefined after a failure (asking again retries).
   */
  async #calendarCode(id: string): Promise<CalendarCode | undefined> {
    if (calendarCode.load.value) return calendarCode.load.value;
    this.icsWait = { id, failed: false };
    try {
      const code = await calendarCode.load();
      if (this.icsWait?.id == id) this.icsWait = undefined;
      return code;
    } catch (error) {
      console.warn(`<${this.localName}> could not load its calendar code:`, error);
      if (this.icsWait?.id == id) this.icsWait = { id, failed: true };
      return undefined;
    }
  }

  /** Fetches the calendar code ahead of a likely click (pointer over, or focus on, a calendar control). */
  #prefetch = (): void => void calendarCode.load().catch(() => {});

  /**
   * The live region beside the calendar control `id`: "Loading…" while it waits, or "not available" after it failed
   * (`open` for a menu: an open one without the code always waits). It is there, empty, from the control's first
   * render, so screen readers announce the words put in it (many say nothing of a region added with its words).
   */
  #waiting(id: string, open?: boolean): TemplateResult {
    const w = this.icsWait;
    // The code is one load for every control: when it fails, each open menu waiting for it says so, not only the last one asked.
    return html`<span role="status">${(open ?? w?.id == id) ? this.say(w?.failed ? 'unavailable' : 'loading') : nothing}</span>`;
  }

  /**
   * An `<a download>` whose Blob URL is made when it is used, so the file has the current DTSTAMP. Clicked before
   * the calendar code has loaded, it waits for it and clicks itself again (within the click's user activation).
   */
  #download = (chats: Chat[], name: string, label: unknown, id: string, cls?: string): TemplateResult =>
    html`<a class=${cls ?? nothing} href="#" download=${name} @pointerenter=${this.#prefetch} @focus=${this.#prefetch} @click=${(
      e: Event,
    ) => {
      const a = e.currentTarget as HTMLAnchorElement;
      const code = calendarCode.load.value;
      if (!code) {
        e.preventDefault();
        void this.#calendarCode(id).then((loaded) => loaded && a.isConnected && a.click());
        return;
      }
      if (this.#blob) URL.revokeObjectURL(this.#blob);
      a.href = this.#blob = URL.createObjectURL(new Blob([code.icsFile(chats, this.currentTime)], { type: 'text/calendar' }));
    }}>${label}</a>`;

  #time(o: Occurrence, tz: string, options: Intl.DateTimeFormatOptions): TemplateResult {
    return html`<time datetime=${o.start.toISOString()}>${dateFormat(this.locale, { timeZone: tz, ...options }).format(o.start)}</time>`;
  }

  /**
   * One chat: its title, any cancelled dates before the next real one, the next one prominent (with a countdown,
   * or live with a join button), then the later dates in a short list. `full` adds what is said once per chat
   * (title link, description, hosts, add-to-calendar); in the agenda only the chat's first date has it.
   */
  #chat(
    chat: Chat,
    dates: Occurrence[],
    full: boolean,
    tz: string,
    now: number,
    c: ResolvedChatScheduleConfig,
    level: number,
  ): TemplateResult {
    const next = dates.find((o) => !o.cancelled);
    const at = next ? dates.indexOf(next) : dates.length;
    const live = !!next && +next.start <= now;
    const url = safeUrl(chat.url);
    const later = dates.slice(at + 1);
    const cancelled = html`<strong class="tag">${this.say('cancelled')}</strong>`;
    const topic = (o: Occurrence) => chat.topics[o.date] && this.t('topic', { topic: chat.topics[o.date]! });
    const platform = this.t(chat.platform);
    const hosts = this.list(chat.hosts);
    const join = externalLink(url, html`${this.say('join')}<span class="visually-hidden">: ${chat.title}</span>`, {
      cls: 'button primary join',
    });
    return html`<li part="chat" class=${live ? 'live' : next ? '' : 'cancelled'} data-chat=${chat.id}>
      ${heading(level + 1, url && full ? externalLink(url, html`<bdi>${chat.title}</bdi>`) : html`<bdi>${chat.title}</bdi>`, undefined, 'title')}
      ${live ? html`<p><strong class="tag">${this.say('liveText')}</strong></p>` : nothing}
      ${dates.slice(0, at).map((o) => html`<p class="cancelled">${cancelled} ${this.#time(o, tz, DAY_TIME)}</p>`)}
      ${next ? this.#next(chat, next, tz, now, full && !live && !this.paused) : nothing}
      ${next && topic(next) ? html`<p dir="auto">${topic(next)}</p>` : nothing}
      ${
        full
          ? html`${chat.description && c.layout != 'compact' ? html`<p dir="auto">${chat.description}</p>` : nothing}
            <p class="meta">
              ${tag(chat) ? this.tb('where', { tag: '#' + tag(chat), platform }) : this.say('on', { platform })}
              ${chat.hosts.length ? html`<br />${this.tb('hosts', { count: chat.hosts.length }, { hosts })}` : nothing}
            </p>`
          : nothing
      }
      ${
        later.length
          ? html`<p class="later">${this.say('later')}</p>
            <ul class="dates">
              ${later.map(
                (o) => html`<li class=${o.cancelled ? 'cancelled' : nothing}>
                  ${this.#time(o, tz, DAY_TIME)}${o.cancelled ? html` ${cancelled}` : topic(o) ? html`<br /><span dir="auto">${topic(o)}</span>` : nothing}
                </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        next && full
          ? html`<div class="actions">${live && url ? join : nothing} ${this.#calendar(chat, next, !(live && url))}</div>`
          : nothing
      }
    </li>`;
  }

  /** The next date, prominent: when (with Today or Tomorrow), in the chat's own time where that differs, and the countdown. */
  #next(chat: Chat, o: Occurrence, tz: string, now: number, countdown: boolean): TemplateResult {
    const s = +o.start;
    const fmt = (timeZone: string, options: Intl.DateTimeFormatOptions) => dateFormat(this.locale, { timeZone, ...options }).format(s);
    const d = dayDiff(tz, now, s);
    // One format for date and time, so the locale joins them ("Monday, January 5 at 9:00 PM EST").
    const when = formatWithZone(this.locale, { timeZone: tz, ...DAY_TIME }, s);
    const own = {
      time: fmt(chat.timeZone, TIME),
      weekday: fmt(chat.timeZone, { weekday: 'long' }),
      place: zoneName(this.locale, chat.timeZone, s),
    };
    return html`<p class="when">
        <time datetime=${o.start.toISOString()}>${when}</time>
        ${d == 0 || d == 1 ? html`<span class="badge">${this.say(d ? 'tomorrow' : 'today')}</span>` : nothing}
      </p>
      ${wallTime(chat.timeZone, s) != wallTime(tz, s) ? html`<p class="own">${this.tb('ownTime', own)}</p>` : nothing}
      ${countdown ? html`<p class="countdown">${this.tb('startsIn', { time: durationWords(this.locale, now, s) })}</p>` : nothing}`;
  }

  /**
   * Add to calendar, named for its chat. Closed, it is only its summary: the menu is rendered on first open
   * (the `toggle` event, so opening by keyboard, pointer or script all count) and kept after that. Its links
   * need the calendar code: until that has loaded, the live region beside the open menu says "Loading…" (or, if it
   * cannot load, that this is not available; closing and opening it again retries).
   */
  #calendar(chat: Chat, next: Occurrence, main: boolean): TemplateResult {
    const code = calendarCode.load.value;
    return html`<details class=${main ? 'calendar main' : 'calendar'} .open=${this.#isOpen.has(chat.id)} @toggle=${(e: Event) => this.#open(chat.id, e)}
      @pointerenter=${this.#prefetch} @focusin=${this.#prefetch}>
      <summary>${this.say('calendar')}<span class="visually-hidden">: ${chat.title}</span></summary>
      ${code && this.#opened.has(chat.id) ? code.calendarMenu(this.say, chat, next, this.#download) : nothing}
    </details>
    ${this.#waiting(chat.id, !code && this.#isOpen.has(chat.id))}`;
  }

  #open(id: string, e: Event): void {
    const open = (e.currentTarget as HTMLDetailsElement).open;
    if (open != this.#isOpen.has(id)) {
      this.#isOpen[open ? 'add' : 'delete'](id);
      this.requestUpdate();
    }
    if (!open) return;
    if (!this.#opened.has(id)) {
      this.#opened.add(id);
      this.requestUpdate();
    }
    void this.#calendarCode(id);
  }
}
