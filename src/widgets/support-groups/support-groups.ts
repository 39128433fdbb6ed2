import { closestAttribute } from '../../core/dom.js';
import { externalLink } from '../../core/links.js';
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { CareElement } from '../../core/care-element.js';
import { heading } from '../../core/heading.js';
import { dateFormat, formatWithZone, listFormat, numberFormat } from '../../core/i18n/format.js';
import { mailtoUrl, safeUrl, telUrl } from '../../core/sanitize.js';
import { isValidTimeZone, nextOccurrence, type Occurrence } from '../../core/time/recurrence.js';
import type { FetchError } from '../../core/fetch.js';
import type { Group, SupportGroupsConfig, ResolvedSupportGroupsConfig } from './support-groups.schema.js';
import { supportGroupsValidator } from '../../generated/support-groups.validate.js';
import { styles } from './support-groups.styles.js';
import {
  createFinder,
  find,
  anywhere,
  knownFilters,
  isGeneral,
  searchCode,
  GENERAL,
  type Finder,
  type Found,
  type Origin,
} from './finder.js';
import { FACETS, type FacetKey, type FacetTable } from './facets.js';
import { languageName } from './language.js';
import { linkPlatform } from './links.js';
import { emptyState, readState, type FinderState } from './url-state.js';
import { FIRST_SCREEN, firstPage, SLICED_FROM, wholeListSteps } from './first-page.js';
import { explainConfig, type Checked } from '../../core/config/check.js';
import { isPlainObject } from '../../core/config/compiled.js';
import { localeChain } from '../../core/i18n/registry.js';
import type { ConfigIssue } from '../../core/config/issues.js';
import { UrlStateController } from './url-state-controller.js';
import { lazy } from '../../core/lazy.js';
import { inSlices, later, nextTask } from '../../core/tasks.js';
import { messages } from './messages.js';

/**
 * Features a config turns on, loaded when it does (chunks beside the bundle): the HSDS importer, the JSON-LD
 * writer, and the Near box (places and the device's location). Replaceable in tests. @internal
 */
export const features = {
  hsds: lazy(() => import('./hsds-import.js')),
  jsonLd: lazy(() => import('./json-ld.js')),
  near: lazy(() => import('./near.js')),
};

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** A long list's first page, shown while the rest is checked. */
interface FirstPage {
  locale: string;
  shown?: boolean;
  done?: boolean;
}
/** A query, a ticked filter or a place: results that need every group. */
const narrowed = (s: FinderState): boolean => /\S/.test(s.q) || !!s.near || Object.values(s.filters).some((v) => v.length > 0);

/** Counts beside filters stay short on a phone: 1228, but 10,000. */
const countFormat = (locale: string) => numberFormat(locale, { useGrouping: 'min2' });
/** The date a group's details were last checked: "12 August 2026". */
const REVIEWED = { dateStyle: 'long', timeZone: 'UTC' } as const;
/** How a card says when its group next meets. */
const WHEN = { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' } as const;

/**
 * A "find a support group" directory for hospital and charity sites: typo-tolerant search, filters with
 * counts, distance from a suburb or the viewer's location, next meeting in the viewer's time zone,
 * phone-first contact details, and the state in the page URL so a nurse can send a link.
 *
 * @summary Find a cancer support group: search, filters, near me, next meeting.
 * @fires care-ready - the first time results are shown
 * @fires care-config-error - the config is invalid; `detail.issues` lists the problems by path
 * @fires care-source-error - the HSDS feed could not be loaded; the other groups and the fallback content are shown
 * @csspart finder - the whole finder
 * @csspart search - the search and place controls
 * @csspart filters - the filter fieldsets
 * @csspart results - the result list
 * @csspart group - one result
 * @csspart error - the editor-facing problem panel
 * @cssprop --care-support-groups-card-background - background of each result (default: the surface colour)
 * @slot - fallback content shown until the widget renders (and when the HSDS feed fails)
 */
export class CareSupportGroups extends CareElement<ResolvedSupportGroupsConfig> {
  /** The config object as in the JSON Schema (or a JSON string). Takes precedence over `src` and the child JSON script. */
  declare config: SupportGroupsConfig | string | undefined;

  static override styles = [...CareElement.styles, styles];
  static override properties = {
    ...CareElement.properties,
    state: { state: true },
    origin: { state: true },
    shown: { state: true },
    announced: { state: true },
    hsdsStatus: { state: true },
    geoStatus: { state: true },
  };

  /** @internal */
  protected readonly validator = supportGroupsValidator;
  /** @internal */
  protected override readonly skippable = ['groups'];
  /** A cost that cannot be read is dropped (and listed for editors); the group still shows. */
  /** @internal */
  protected override readonly droppable = ['groups.*.cost', 'groups.*.lastReviewed'];
  /** @internal */
  protected override readonly catalogue = messages;
  /** @internal */
  protected override readonly messagePart = 'support-groups';

  /** @internal */ declare state: FinderState;
  /** @internal */ declare origin: (Origin & { label: string }) | undefined;
  /** @internal */ declare shown: number;
  /** @internal */ declare announced: string;
  /** @internal */ declare hsdsStatus: '' | 'loading' | 'failed';
  /** @internal */ declare geoStatus: string;

  #finder?: Finder;
  /** The search code could not load (a query shows every group, with a note, until the reader types again). */
  #searchFailed = false;
  /** The last few results by state (typing and deleting revisits them). */
  #found = new Map<string, Found>();
  /** Stops the search index being built in the background (a new config, or the element removed). */
  #cancelWarm?: () => void;
  #announce?: ReturnType<typeof setTimeout>;
  /** Whether the count is said in the live region (see `configure`). */
  #tell = false;
  /** Next meeting by schedule: groups often share one (the same evening at the same hospital). */
  #next = new Map<string, Occurrence | null>();
  #jsonLd?: HTMLScriptElement;
  /** The result list and length the page was cut from: the JSON-LD is written again only when they change. */
  #pageOf: [unknown, number] = [undefined, 0];
  #jsonLdFor?: unknown[];
  /** Why the HSDS feed failed (a FetchError code), worded for patients from the core messages. */
  #failure?: string;
  /** The config's own skipped items, and the list this widget made of them with the feed's (see `configure`). */
  #ownSkipped: ConfigIssue[] = [];
  #withFeed?: ConfigIssue[];
  /** Where focus goes once drawn, as a selector (its first match): the control pressed went away, or "Show more" added cards. */
  #land?: string;
  /** Aborted when the element is removed or configured anew: a late answer to "Use my location" is then dropped. */
  #signal?: AbortSignal;
  /** The Near box's code could not load (it is asked for again when the reader next uses the search form). */
  #nearFailed = false;
  /**
   * Set while a long list shows its first page, checked at once, and the rest is checked in the background (see
   * first-page.ts): `locale` is the language its names were ordered in; `shown` once the page is configured,
   * `done` once the whole list's check is about to be configured.
   */
  #partial?: FirstPage;
  /** A long list's finder, built in the background with its check. */
  #built?: Finder;
  #page: number[] = [];
  /** Cancels the task that draws the rest of a long list's first page. */
  #cancelScreen?: () => void;
  /** While a long list shows its first page: how many of its cards are drawn yet (FIRST_SCREEN, then all). */
  #screen = Infinity;
  /** Filters start open on wide screens, folded on phones (so results are not pushed off screen). */
  #wide = matchMedia('(min-width: 52em)').matches;
  /** Rendered results by group, reused while typing (only the list order changes), in the language (`t`) they were drawn in. */
  #cards = new Map<number, { t: unknown; origin: unknown; level: number; until: number; card: TemplateResult }>();
  #url = new UrlStateController(this, {
    prefix: () => (this.value?.urlState && this.#finder ? this.value.urlPrefix : undefined),
    state: () => this.state,
    restore: (state) => {
      this.#tell = true;
      this.state = knownFilters(this.#finder!, state);
      this.origin = this.#origin(state.near);
    },
  });

  /**
   * The first formatter of each kind the cards use, each made in a task of its own as the element connects, before a
   * config can be checked (a long list's first page would otherwise make them all in its one task: the browser
   * loads locale data for each, tens of ms on a phone). Later tasks in the same order: an inline config's first
   * page is drawn after them. @internal
   */
  override connectedCallback(): void {
    super.connectedCallback();
    for (const make of [() => dateFormat(this.locale, REVIEWED), () => languageName('en', this.locale), () => listFormat(this.locale)])
      later(make);
  }

  constructor() {
    super();
    this.state = emptyState();
    this.shown = 20;
    this.announced = '';
    this.hsdsStatus = '';
    this.geoStatus = '';
  }

  /**
   * A long list of groups (from SLICED_FROM) is checked in two steps: the first page's groups now, to show them,
   * then every group in background slices (`rest`), after which the widget is configured again with the whole
   * list. A link with a query, filters or a place shows other groups first: then every group is checked (still in
   * slices) before anything is shown. A rejected group or a repeated id: zod checks the whole config, as for any
   * config the compiled validator rejects, and says what is wrong where. @internal
   */
  protected override check(
    data: unknown,
    signal: AbortSignal,
  ): Checked<ResolvedSupportGroupsConfig> | Promise<Checked<ResolvedSupportGroupsConfig>> {
    // A configured Near box is part of the first screen: its chunk comes first, so nothing moves when it arrives
    // (if it cannot load, the box says so, and the rest is shown).
    const near = (r: Checked<ResolvedSupportGroupsConfig>) =>
      r.value && (r.value.places.length || r.value.useGeolocation)
        ? features.near().then(
            () => r,
            () => r,
          )
        : r;
    const result = this.#check(data, signal);
    return result instanceof Promise ? result.then(near) : near(result);
  }

  #check(data: unknown, signal: AbortSignal): Checked<ResolvedSupportGroupsConfig> | Promise<Checked<ResolvedSupportGroupsConfig>> {
    this.#partial = this.#built = undefined;
    // Kept by schedule, not by group, so what a long list's first page works out before it is drawn (below) is what
    // its cards then use; emptied for each new config, so it holds only this one's schedules.
    this.#next.clear();
    const groups = isPlainObject(data) ? data.groups : undefined;
    if (!Array.isArray(groups) || groups.length < SLICED_FROM) return super.check(data, signal);
    const shell = this.validator.accept({ ...(data as object), groups: [] });
    if (!shell) return super.check(data, signal);
    // The first page is drawn in a task of its own, before the whole list's first slice: looking over every
    // group's name for it and drawing it would be one long task on a phone. A link with a query, filters or a place
    // shows other groups first: then nothing is drawn before the whole list.
    const linked = shell.urlState && narrowed(readState(location.search, shell.urlPrefix));
    const partial: FirstPage = { locale: this.locale };
    const done = <T>(whole: T): T => ((partial.done = true), whole);
    const chain = localeChain(this.locale);
    const page = !linked && firstPage(this.validator, groups, chain, shell.pageSize);
    // The first cards' dates need a date formatter for each time zone their groups meet in, and the viewer's: each
    // a native call of several ms on a phone, made in tasks of their own before the one that draws the cards.
    for (const g of page || []) later(() => this.#when(g));
    const drawn = page ? nextTask() : undefined;
    const rest = inSlices(wholeListSteps(this.validator, groups, chain, shell.synonyms, this.locale), signal).then((whole) => {
      if (!whole) return explainConfig(this.validator, data, { lists: this.skippable, fields: this.droppable }).then(done);
      this.#built = whole.finder;
      return done({ value: { ...shell, groups: whole.groups }, errors: [], skipped: [] });
    });
    if (!page || !drawn) return rest;
    this.#partial = partial;
    return drawn.then(() => ({ value: { ...shell, groups: page }, errors: [], skipped: [], rest }));
  }

  /** @internal */
  protected override async configure(config: ResolvedSupportGroupsConfig, signal: AbortSignal): Promise<void> {
    // The whole list after its first page (which may be configured again meanwhile, in another language).
    const partial = this.#partial;
    const completing = !!partial?.shown && !!partial.done;
    if (completing) this.#partial = undefined;
    else if (partial) {
      // Its first screen of cards in this task, the rest of the page in the next (again if a new page language
      // configures it anew: `stop` cancelled the task).
      partial.shown = true;
      this.#screen = FIRST_SCREEN;
      this.#cancelScreen = later(() => {
        this.#screen = Infinity;
        this.requestUpdate();
      });
      // The count above the list and the filters' counts come with the whole list: their number formatters and
      // plural rules (native calls of several ms on a phone) are made before it, in a task of their own, for the
      // language now shown (its file may have come after the check), not in the task that shows the whole list.
      // User-visible, queued before the next slice: a background task would wait until every slice is done.
      later(() => (countFormat(this.locale), this.t('count', { count: 0, n: 0 })));
    }
    this.#signal = signal;
    this.#setGroups(config.groups, !this.#partial);
    if (!completing) {
      this.shown = config.pageSize;
      // Not "Finding where you are…" for an answer now dropped.
      this.geoStatus = '';
      this.#url.read();
      // The count is said where it replaces a loading state (a long list's first page, an HSDS feed's groups), else
      // only once the reader changes something (here, or by going back to a link's state): "5 groups" read out
      // unasked would cut into what they are reading.
      this.#tell = !!this.#partial || !!config.hsds;
    }
    // A config replacing one whose feed was still loading (or had failed) starts clean: that state was the old feed's.
    this.hsdsStatus = '';
    this.#failure = undefined;
    // A new check's skipped items replace the config's own; a page-language switch keeps them (and this list).
    if (this.skipped !== this.#withFeed) this.#ownSkipped = this.skipped;
    if (config.places.length || config.useGeolocation) this.#loadNear();
    // The feed's groups join the whole list, once it is checked.
    if (!config.hsds || this.#partial) return;
    this.hsdsStatus = 'loading';
    const url = new URL(config.hsds.url, document.baseURI).href;
    const state = this.state;
    try {
      // A failed load of the importer (a missing chunk, a CSP that refuses it) fails like the feed itself.
      const { fetchHsds, mergeHsds } = await features.hsds();
      // Checked and indexed in background slices (a feed may hold thousands of services), the finder with them.
      const { groups, issues, finder } = await mergeHsds(config.groups, await fetchHsds(url, { signal, timeZone: config.hsds.timeZone }), {
        signal,
        synonyms: config.synonyms,
        locale: this.locale,
      });
      if (signal.aborted) return;
      // The feed's skipped services of this load only (a language switch loads it again), said as the config's are.
      this.skipped = this.#withFeed = [...this.#ownSkipped, ...issues];
      this.reportSkipped(issues);
      this.#built = finder;
      this.#setGroups(groups);
      // A link's filters that only the feed's groups have are known now: read it again, unless the reader has
      // changed something meanwhile.
      if (this.state === state) this.#url.read();
      this.hsdsStatus = '';
    } catch (error) {
      if (signal.aborted) return;
      this.hsdsStatus = 'failed';
      this.skipped = this.#withFeed = this.#ownSkipped;
      this.#failure = (error as FetchError).code;
      this.reportSourceError({ source: 'hsds', url, status: (error as { status?: number }).status, message: (error as Error).message });
    }
  }

  /** @internal */
  protected override stop(): void {
    this.#cancelWarm?.();
    this.#cancelScreen?.();
    clearTimeout(this.#announce);
    this.#jsonLd?.remove();
    this.#jsonLd = this.#jsonLdFor = undefined;
  }

  /** @internal */
  protected override get contentReady(): boolean {
    return this.hsdsStatus !== 'loading' || !!this.#finder?.groups.length;
  }

  /** Whether the search index is built (it is built after the first render). @internal */
  get indexReady(): boolean {
    return !this.#partial && !!this.#finder?.ready;
  }

  /** `index`: build the search index in the background (not for a first page that the whole list replaces). */
  #setGroups(groups: Group[], index = true): void {
    this.#cancelWarm?.();
    // The whole of a long list: its finder was built with its check, from these very groups (in any language: its
    // filters are ordered for this one when drawn).
    const built = this.#built;
    const same = built && built.groups.length === groups.length && built.groups.every((g, i) => g === groups[i]);
    if (same) this.#built = undefined;
    const finder = (this.#finder = same ? built : createFinder(groups, this.value?.synonyms, this.locale));
    // The first page needs no search index: build it after the first results are painted, in background tasks of
    // a few milliseconds each (before anyone types; a search before it is ready builds the rest at once). The
    // search code itself is a chunk, fetched now: the index is built once it has come.
    const warm = () => finder.warm(6) || (this.#cancelWarm = later(warm, 'background'));
    let stopped = false;
    this.#cancelWarm = () => (stopped = true);
    void this.#loadSearch().then((ok) => ok && index && !stopped && (this.#cancelWarm = later(warm, 'background')));
    this.#found.clear();
    this.#cards.clear();
  }

  /** Loads the search code; once it has come (or failed), the results are worked out again. */
  #loadSearch(): Promise<boolean> {
    return searchCode.load().then(
      () => (this.#found.clear(), this.requestUpdate(), true),
      (error: unknown) => {
        if (!this.#searchFailed) console.warn(`<${this.localName}> could not load its search; groups are listed unsearched:`, error);
        this.#searchFailed = true;
        this.requestUpdate();
        return false;
      },
    );
  }

  #results(): Found {
    // A new page language orders the filters' values with its collator: results counted in the old order go.
    if (this.#finder!.sortFor(this.locale)) this.#found.clear();
    const key = JSON.stringify([this.state, this.origin]);
    const value = this.#found.get(key) ?? find(this.#finder!, this.state, this.origin, features.near.value?.byDistance);
    // A query before the search code has come: not kept, asked again when the code is here.
    if (value.searching) {
      if (!this.#searchFailed) void this.#loadSearch();
      return value;
    }
    this.#found.delete(key);
    this.#found.set(key, value);
    if (this.#found.size > 8) this.#found.delete(this.#found.keys().next().value!);
    return value;
  }

  // ---- state changes ----

  /**
   * A change made here: a new history entry (`push`), or while typing one entry updated as the text settles. `land`:
   * where focus goes when the control pressed goes with the change (see `#land`).
   */
  #set(change: Partial<FinderState>, push: boolean, land?: string): void {
    this.#tell = true;
    this.#land = land;
    // A new query tries the search code again if it could not load before.
    if ('q' in change) this.#searchFailed = false;
    this.state = { ...this.state, ...change };
    this.shown = this.value!.pageSize;
    this.#url.write(push);
  }

  /** The configured place by name or postcode, as an origin for distances. */
  #origin(text: string): (Origin & { label: string }) | undefined {
    const t = text.trim().toLowerCase();
    const place = t ? this.value!.places.find((p) => p.postcode?.toLowerCase() === t || p.name.toLowerCase() === t) : undefined;
    return place && { lat: place.lat, lon: place.lon, label: place.name };
  }

  #toggle(facet: FacetKey, value: string, on: boolean, land?: string): void {
    const list = this.state.filters[facet].filter((v) => v !== value);
    if (on) list.push(value);
    this.#set({ filters: { ...this.state.filters, [facet]: list } }, true, land);
  }

  #clearAll(): void {
    this.#set({ q: '', filters: emptyState().filters }, true, '#count');
  }

  /** Loads the Near box's code; if it cannot, the box says so and asks again when the reader next uses the search form. */
  #loadNear(): void {
    this.#nearFailed = false;
    this.requestUpdate();
    features.near().then(
      // Results and cards drawn meanwhile have no distances.
      () => (this.#found.clear(), this.#cards.clear(), this.requestUpdate()),
      (error: unknown) => {
        console.warn(`<${this.localName}> could not load its Near box:`, error);
        this.#nearFailed = true;
        this.requestUpdate();
      },
    );
  }

  #more(total: number): void {
    this.#land = `.group:nth-child(${this.shown + 1}) .name > span`;
    this.shown = Math.min(total, this.shown + this.value!.pageSize);
  }

  // ---- labels ----

  /** A value's name, as it reads mid-sentence ("carers", "by phone"); `upper` to start a line ("Carers"). */
  #label(facet: FacetKey | 'facilitator', value: string, upper?: boolean): string {
    const key = `${facet}_${value}`;
    const known = facet === 'language' ? '' : this.t(key);
    const text = facet === 'language' ? languageName(value, this.locale) : known === key ? value : known;
    return upper ? upperFirst(text) : text;
  }

  /** "people with cancer and carers", "in person or by video call" (`or`: the reader picks one). */
  #list(facet: FacetKey, values: string[], or?: boolean): string {
    return listFormat(this.locale, { type: or ? 'disjunction' : 'conjunction' }).format(
      values.map((v) => this.#label(facet, v.toLowerCase())),
    );
  }

  #nextMeeting(g: Group): Occurrence | undefined {
    if (!g.meets) return undefined;
    const m = g.meets;
    const key = [m.start, m.timeZone, m.durationMinutes, m.rrule, m.exceptions].join('|');
    let next = this.#next.get(key);
    if (next === undefined || (next && next.end.getTime() < Date.now())) {
      next = nextOccurrence(m, new Date()) ?? null;
      this.#next.set(key, next);
    }
    return next ?? undefined;
  }

  /** The group's next meeting, and its date and time in the viewer's time zone (or the page's `time-zone`). */
  #when(g: Group): [Occurrence, string] | undefined {
    const next = this.#nextMeeting(g);
    return next && [next, formatWithZone(this.locale, { ...WHEN, timeZone: this.#viewerZone() }, next.start)];
  }

  #viewerZone(): string | undefined {
    const zone = closestAttribute(this, 'time-zone');
    return zone && isValidTimeZone(zone) ? zone : undefined;
  }

  // ---- rendering ----

  /** @internal */
  protected renderContent(config: ResolvedSupportGroupsConfig): TemplateResult {
    const found = this.#results();
    const { list, counts } = found;
    const total = list.length;
    // Only the first page is checked yet: the count and filters wait for the rest, and so does any other list (a
    // query, a place, the names ordered in another language).
    const partial = this.#partial;
    const page = list.slice(0, partial ? Math.min(this.shown, this.#screen) : this.shown);
    const n = (x: number) => countFormat(this.locale).format(x);
    // While a query waits for the search code, the count and the list say so instead (an unsearched count would mislead).
    const waiting = partial
      ? partial.locale !== this.locale || !!this.origin || narrowed(this.state)
      : found.searching && !this.#searchFailed;
    const count = waiting || partial ? this.t('loading') : this.t('count', { count: total, n: total });
    // On screen its numbers are isolated (`tb`); a button's message sits in one span, since a flex button would
    // make each isolated number a flex item of its own, and the label could no longer wrap (overflow at 200% text).
    // Announced once the whole list is here: the first count read out is the real one.
    if (!partial && this.#tell) this.#queueAnnounce(count);
    if (this.#pageOf[0] !== list || this.#pageOf[1] !== page.length) this.#pageOf = [list, page.length];
    this.#page = page;
    const chips = FACETS.flatMap((f) => this.state.filters[f].map((v) => [f, v] as const));
    const facets = this.#finder!.facets;
    const level = this.level;
    return html`<div class="finder" part="finder">
      ${this.hsdsStatus === 'failed' ? html`<div class="panel" role="alert"><p>${this.say('hsdsFailed')}${this.#failure ? [' ', this.say(`fetch_${this.#failure}`)] : ''}</p><slot></slot></div>` : nothing}
      <form class="search" part="search" role="search" @submit=${(e: Event) => e.preventDefault()} @focusin=${() => this.#nearFailed && this.#loadNear()}>
        <div class="field">
          <label for="q">${this.say('searchLabel')}</label>
          <span class="hint" id="q-hint">${this.say('searchHint')}</span>
          <input id="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="q-hint" .value=${this.state.q}
            @input=${(e: Event) => this.#set({ q: (e.target as HTMLInputElement).value }, false)} />
        </div>
        ${config.places.length || config.useGeolocation ? this.#nearField(config) : nothing}
      </form>
      <div class="layout">
        <details class="filters" part="filters" ?open=${this.#wide}>
          <summary>${this.say('filters')}${chips.length ? html` (<bdi>${n(chips.length)}</bdi>)` : ''}</summary>
          ${partial ? html`<p>${this.say('loading')}</p>` : this.#filters(facets, counts, n, total)}
        </details>
        <section class="results" part="results" aria-labelledby="count">
          ${
            chips.length
              ? html`<div class="chips">
                <ul aria-label=${this.t('activeFilters')}>
                  ${chips.map(
                    // Focus then goes to the chip in its place, else the one before it, else the count (the first match
                    // in document order: the chips come before the count).
                    ([f, v], k) =>
                      html`<li><button type="button" class="chip" @click=${() => this.#toggle(f, v, false, `:nth-child(${k + 1})>.chip,:last-child>.chip,#count`)}><span class="visually-hidden">${this.say('remove')} </span>${this.#label(f, v.toLowerCase(), true)}</button></li>`,
                  )}
                </ul>
                <button type="button" @click=${this.#clearAll}>${this.say('clearAll')}</button>
              </div>`
              : nothing
          }
          ${heading(level, html`<span id="count" tabindex="-1">${waiting || partial ? count : this.tb('count', { count: total, n: total })}</span>`, undefined, 'count')}
          ${!partial && found.searching && this.#searchFailed ? html`<p role="alert">${this.say('unavailable')}</p>` : nothing}
          <p class="visually-hidden" role="status" aria-live="polite">${this.announced}</p>
          ${this.hsdsStatus === 'loading' ? html`<p>${this.say('loadingMore')}</p>` : nothing}
          ${waiting ? nothing : total ? html`<ol class="list">${page.map((i) => this.#card(i, found.km(i), level + 1))}</ol>` : this.hsdsStatus === 'loading' ? nothing : this.#empty(config, chips)}
          ${
            !waiting && !partial && total > page.length
              ? html`<button type="button" class="more" @click=${() => this.#more(total)}><span>${this.tb('showMore', { count: Math.min(config.pageSize, total - page.length), shown: page.length, total })}</span></button>`
              : nothing
          }
        </section>
      </div>
    </div>`;
  }

  /** Each facet's values with their counts, and the button that closes the panel (on a phone) to show the results. */
  #filters(facets: FacetTable, counts: Int32Array[], n: (x: number) => string, total: number): unknown[] {
    return [
      FACETS.map((facet, f) =>
        facets.values[f]!.length < 1
          ? nothing
          : html`<fieldset>
              <legend>${this.say(`facet_${facet}`)}</legend>
              ${facets.values[f]!.map((value, v) => {
                const checked = this.state.filters[facet].some((x) => x.toLowerCase() === value);
                const none = !counts[f]![v];
                // An option that would show nothing cannot be ticked; a ticked one can always be unticked.
                return html`<label class="check"
                  ><input type="checkbox" .checked=${checked} ?disabled=${none && !checked}
                    @change=${(e: Event) => this.#toggle(facet, value, (e.target as HTMLInputElement).checked)} />
                  <span>${this.#label(facet, value, true)} <span class="n">(<bdi>${n(counts[f]![v]!)}</bdi>)</span></span></label
                >`;
              })}
            </fieldset>`,
      ),
      html`<button type="button" class="primary show" @click=${this.#showResults}><span>${this.tb('showGroups', { count: total, n: total })}</span></button>`,
    ];
  }

  #nearField(config: ResolvedSupportGroupsConfig): TemplateResult {
    const near = features.near.value;
    if (!near)
      return html`<div class="field near"><p class="hint" role="status">${this.say(this.#nearFailed ? 'unavailable' : 'loading')}</p></div>`;
    return near.nearField({
      t: this.t,
      tb: (key, params) => this.tb(key, params),
      places: config.places,
      geolocation: config.useGeolocation && 'geolocation' in navigator,
      origin: this.origin,
      status: this.geoStatus,
      signal: this.#signal!,
      place: (text) => this.#origin(text),
      sortFrom: (origin, near) => {
        this.origin = origin;
        this.#set({ near }, true);
      },
      say: (status) => (this.geoStatus = status),
    });
  }

  /** On a phone: close the filters and take the reader to the results they chose. */
  #showResults(e: Event): void {
    (e.target as HTMLElement).closest('details')!.open = false;
    this.renderRoot.querySelector<HTMLElement>('#count')?.focus();
  }

  #card(i: number, km: number | undefined, level: number): TemplateResult {
    const hit = this.#cards.get(i);
    if (hit && hit.t === this.t && hit.origin === this.origin && hit.level === level && hit.until > Date.now()) return hit.card;
    const g = this.#finder!.groups[i]!;
    const card = this.#group(g, km, level);
    this.#cards.set(i, { t: this.t, origin: this.origin, level, card, until: this.#nextMeeting(g)?.end.getTime() ?? Infinity });
    return card;
  }

  #group(g: Group, km: number | undefined, level: number): TemplateResult {
    const c = g.contact ?? {};
    const tel = c.phone ? telUrl(c.phone) : undefined;
    const mail = c.email ? mailtoUrl(c.email) : undefined;
    const web = safeUrl(c.url);
    const [next, when] = this.#when(g) ?? [];
    const loc = g.location;
    // Joined the locale's way; the postcode kept left-to-right in a right-to-left sentence (isolate marks: a <bdi>
    // would stop long lines wrapping on a phone).
    const address = [loc?.address, loc?.suburb, loc?.state, loc?.postcode && `\u2066${loc.postcode}\u2069`].filter((x): x is string => !!x);
    const where = address.length ? listFormat(this.locale, { type: 'unit', style: 'short' }).format(address) : '';
    const row = (key: string, value: unknown) => (value ? html`<dt>${this.say(key)}</dt><dd>${value}</dd>` : nothing);
    const item = (value: unknown) => (value ? html`<li>${value}</li>` : nothing);
    const cost = g.cost && this.#label('cost', g.cost.type, true);
    // From the Near box's chunk, which is loading whenever there can be an origin (the cards are drawn again once it is here).
    const distance = km !== undefined && features.near.value?.distanceText(this.locale, km, this.value!.distanceUnit);
    // One main action: call when there is a number, else the group's link (often where it meets online), else email.
    const platform = web && linkPlatform(web);
    const links = [
      tel && html`<a class="button primary" href=${tel}>${this.say('call')} <bdi dir="ltr">${c.phone}</bdi></a>`,
      mail &&
        html`<a class="button${tel || web ? '' : ' primary'}" href=${mail}><span class="visually-hidden">${this.say('email')} </span>${c.email}</a>`,
      web &&
        externalLink(
          web,
          html`${this.say(platform ? `link_${platform}` : 'website')}<span class="visually-hidden"> ${g.name} ${this.say('newTab')}</span>`,
          {
            cls: `button${tel ? '' : ' primary'}`,
            newTab: true,
          },
        ),
    ];
    if (!tel && web) links.unshift(links.pop());
    return html`<li class="group" part="group">
      ${heading(level, html`<span tabindex="-1" dir="auto">${g.name}</span>`, undefined, 'name')}
      ${g.organization ? html`<p class="org"><bdi>${g.organization}</bdi></p>` : nothing}
      ${
        distance
          ? html`<p class="distance">${loc?.suburb ? this.tb('awayIn', { distance, place: loc.suburb }) : this.tb('away', { distance })}</p>`
          : this.origin && anywhere(g)
            ? html`<p class="distance">${this.say('availableAnywhere')}</p>`
            : nothing
      }
      <ul class="summary">
        ${item(when ? html`${this.say('nextMeeting')} <time datetime=${next!.start.toISOString()}>${when}</time>` : g.schedule)}
        ${item(g.formats.length && upperFirst(this.#list('format', g.formats, true)))}
        ${item(g.audiences.length && this.say('forWhom', { list: this.#list('audience', g.audiences) }))}
        ${item(g.languages.length && this.say('spoken', { list: this.#list('language', g.languages) }))}
        ${item(cost && (g.cost!.note ? this.tb('costNote', { cost, note: g.cost!.note }) : cost))}
      </ul>
      <p class="contact">${links}</p>
      ${
        g.description || where || g.accessibility || g.facilitator || g.cancerTypes.length
          ? html`<details>
            <summary>${this.say('details')}<span class="visually-hidden"> ${g.name}</span></summary>
            ${g.description ? html`<p dir="auto">${g.description}</p>` : nothing}
            <dl>
              ${row('address', where)}
              ${row('facet_type', isGeneral(g.cancerTypes) ? this.#label('type', GENERAL, true) : upperFirst(this.#list('type', g.cancerTypes)))}
              ${row('accessibility', g.accessibility)}
              ${row('runBy', g.facilitator && this.#label('facilitator', g.facilitator.toLowerCase(), true))}
              ${row('meets', when && g.schedule)}
            </dl>
          </details>`
          : nothing
      }
      ${g.lastReviewed ? html`<p class="reviewed">${this.say('lastReviewed', { date: dateFormat(this.locale, REVIEWED).format(new Date(g.lastReviewed)) })}</p>` : nothing}
    </li>`;
  }

  #empty(config: ResolvedSupportGroupsConfig, chips: (readonly [FacetKey, string])[]): TemplateResult {
    const help = config.helpLine;
    const tel = help && telUrl(help.phone);
    const active = !!this.state.q || chips.length > 0;
    return html`<div class="panel empty">
      <p>${this.say(active ? 'noResults' : 'noGroups')}</p>
      ${
        active
          ? html`<ul>
            ${this.state.q ? html`<li><button type="button" @click=${() => this.#set({ q: '' }, true, '#count')}>${this.say('clearSearch')}</button></li>` : nothing}
            ${chips.map(([f, v]) => html`<li><button type="button" @click=${() => this.#toggle(f, v, false, '#count')}>${this.say('removeFilter', { name: this.#label(f, v.toLowerCase(), true) })}</button></li>`)}
          </ul>`
          : nothing
      }
      ${
        help
          ? html`<p>${this.tb('talk', { name: help.label })}</p>
            <p>${tel ? html`<a class="button primary" href=${tel}>${this.say('call')} <bdi dir="ltr">${help.phone}</bdi></a>` : html`<bdi dir="ltr">${help.phone}</bdi>`}</p>`
          : nothing
      }
    </div>`;
  }

  #queueAnnounce(text: string): void {
    if (text === this.announced) return clearTimeout(this.#announce);
    clearTimeout(this.#announce);
    this.#announce = setTimeout(() => (this.announced = text), 700);
  }

  /** @internal */
  protected override updated(): void {
    super.updated();
    // Not on every update (a keystroke, a status message): only when the page of groups or the config changes.
    const key = [this.#pageOf, this.value, this.configErrors, this.locale];
    if (!this.#jsonLdFor || key.some((k, i) => k !== this.#jsonLdFor![i])) {
      this.#jsonLdFor = key;
      const listed = this.value?.jsonLd && !this.configErrors.length ? this.#page.map((i) => this.#finder!.groups[i]!) : undefined;
      if (!listed) this.#jsonLd?.remove();
      else
        // Search engines read it later: no loading state, and if the writer cannot load the page simply has none.
        features.jsonLd().then(
          ({ writeJsonLd }) => {
            if (this.#jsonLdFor === key && this.isConnected)
              this.#jsonLd = writeJsonLd(this, this.#jsonLd, listed, (g) => this.#nextMeeting(g));
          },
          (error: unknown) => console.warn(`<${this.localName}> could not load its JSON-LD writer; the page has no JSON-LD:`, error),
        );
    }
    // Not lost to the page when the control pressed went away.
    if (this.#land) this.renderRoot.querySelector<HTMLElement>(this.#land)?.focus();
    this.#land = undefined;
  }
}
