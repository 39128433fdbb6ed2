import { html, nothing, type TemplateResult } from 'lit/html.js';
import { CareElement } from '../../core/care-element.js';
import { BIDI, linkHosts, nodesText, postHref, reduceHtml, textNodes, type SafeNode } from '../../core/sanitize.js';
import { heading } from '../../core/heading.js';
import { dateFormat, relativeFormat, relativeTime } from '../../core/i18n/format.js';
import { later } from '../../core/tasks.js';
import { everyMinute } from '../../core/time/clock.js';
import type { HashtagFeedConfig, ResolvedHashtagFeedConfig } from './hashtag-feed.schema.js';
import { hashtagFeedValidator } from '../../generated/hashtag-feed.validate.js';
import { allowed, mergePosts, roleOf } from './moderation.js';
import { pull, readers, runner, type Runner } from './feed-sources.js';
import { contentNodes } from './post-content.js';
import type { Focus, Words } from './later.js';
import { UGC } from '../../core/links.js';
import type { Post } from '../../sources/posts.js';
import { feedStyles } from './hashtag-feed.styles.js';
import { messages } from './messages.js';

/** A post ready to moderate and render: without bidi controls, its reduced content computed once. @internal */
interface Item {
  p: Post;
  nodes: SafeNode[];
}

const prepared = new WeakMap<Post, Item>();
/**
 * Every post passes here, whatever its source (a server, a file, the config, the saved posts): every string of it,
 * its safe nodes' too, loses the bidi controls that could draw a blocked word into place ("\u202emaps" as "spam").
 */
const prepare = (post: Post): Item => {
  let item = prepared.get(post);
  if (!item) {
    const p = JSON.parse(JSON.stringify(post).replace(BIDI, '')) as Post;
    item = { p, nodes: p.nodes ?? (p.html != null ? reduceHtml(p.html) : textNodes(p.text ?? '')) };
    prepared.set(post, item).set(p, item);
  }
  return item;
};

const LANG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;
/** A post's full date, in its time's tooltip. */
const FULL_DATE = { dateStyle: 'medium', timeStyle: 'short' } as const;
/** Cards in the loading skeleton (about a screenful): the posts arrive in their place, so nothing below them moves. */
const SKELETON = 6;

/**
 * A moderated, safe, accessible hashtag feed: Mastodon hashtag timelines, curated posts, snapshot files
 * and Bluesky feed generators, merged newest first, with a WAI-ARIA feed, content warnings, trust badges
 * and no third-party request before consent when the config asks for it.
 *
 * @summary A moderated hashtag feed from Mastodon, Bluesky feeds, snapshots and curated posts.
 * @fires care-ready - the first time posts (or the empty state) render
 * @fires care-config-error - the config is invalid; `detail.issues` names each path
 * @fires care-source-error - a source failed; the others keep working
 * @csspart post - each post (`article`)
 * @csspart badge - a trusted author's role badge
 * @csspart disclaimer - the notice above the posts
 * @csspart notice - a note about a missing source or saved posts
 * @csspart heading - the optional heading
 * @csspart error - the config problems panel
 * @cssprop --care-hashtag-feed-gap - space between posts
 * @cssprop --care-hashtag-feed-avatar-size - avatar size (default 3rem)
 * @cssprop --care-hashtag-feed-badge-color - role badge background
 * @slot - fallback content shown until the widget renders, and again when its sources fail and no post can be shown
 */
export class CareHashtagFeed extends CareElement<ResolvedHashtagFeedConfig> {
  /** The config object as in the JSON Schema (or a JSON string). Takes precedence over `src` and the child JSON script. */
  declare config: HashtagFeedConfig | string | undefined;

  static override styles = [...CareElement.styles, feedStyles];

  static override properties = {
    ...CareElement.properties,
    items: { state: true },
    shown: { state: true },
    fresh: { state: true },
    loading: { state: true },
    consented: { state: true },
    savedAt: { state: true },
    opened: { state: true },
  };

  /** @internal */ declare items: Item[];
  /** @internal */ declare shown: number;
  /** Posts found by a refresh, waiting behind the "N new posts" button. @internal */ declare fresh: Item[];
  /** @internal */ declare loading: boolean;
  /** @internal */ declare consented: boolean;
  /** When the cached posts on screen were saved. @internal */ declare savedAt: number | undefined;
  /** Posts whose content warning was opened. @internal */ declare opened: Set<string>;

  protected readonly validator = hashtagFeedValidator;
  protected override readonly skippable = ['sources.*.posts'];
  protected override readonly catalogue = messages;

  protected override readonly messagePart = 'hashtag-feed';
  /** @internal */ #runners: Runner[] = [];
  /** @internal */ #known = new Set<string>();
  /** @internal */ #timer?: ReturnType<typeof setTimeout>;
  /** @internal */ #due = false;
  /** @internal */ #signal?: AbortSignal;
  /** @internal */ #unclock?: () => void;
  /** Cancels the formatters' warm-up. @internal */ #unwarm?: () => void;
  /** @internal */ #onVisible = () => !document.hidden && this.#due && this.#tick();
  /** The addresses of the posts on screen. @internal */ #urls: string[] = [];
  /** Before a refresh: where focus was among the posts. @internal */
  #focus?: Focus;
  /** The consent gate's code could not load: the feed says it is not available. @internal */
  #noGate = false;

  constructor() {
    super();
    this.items = [];
    this.fresh = [];
    this.shown = 0;
    this.loading = true;
    this.consented = false;
    this.opened = new Set();
  }

  /** @internal */
  get #config(): ResolvedHashtagFeedConfig {
    return this.value!;
  }

  /** @internal */
  get #tag(): string {
    return this.#config.hashtag.replace(/^#/, '');
  }

  /** @internal */
  get #interval(): number {
    return Math.max(60, this.#config.refreshSeconds) * 1000;
  }

  protected override configure(config: ResolvedHashtagFeedConfig, signal: AbortSignal): void | Promise<void> {
    this.#runners = config.sources.map(runner);
    this.#known = new Set();
    this.#signal = signal;
    this.items = [];
    this.fresh = [];
    this.shown = config.limit;
    this.savedAt = undefined;
    this.opened = new Set();
    this.loading = true;
    // A gate to press first: its code (later.ts) is what the feed shows first.
    if (config.consent === 'required' && !this.consented) return this.#gate(signal);
    return this.#start();
  }

  /**
   * Loads the consent gate's code, then shows the gate. Where it cannot load, the fallback or "not available" shows,
   * and it is asked for again at the refresh interval (at least a minute), as a failed source is: a passing network
   * problem does not leave the feed shut for the rest of the visit. @internal
   */
  #gate(signal: AbortSignal): void {
    readers.later().then(
      () => this.requestUpdate(),
      () => {
        this.#noGate = true;
        this.requestUpdate();
        if (!signal.aborted) this.#timer = setTimeout(() => this.#gate(signal), this.#interval);
      },
    );
  }

  protected override stop(): void {
    clearTimeout(this.#timer);
    this.#unclock?.();
    this.#unclock = undefined;
    this.#unwarm?.();
    document.removeEventListener('visibilitychange', this.#onVisible);
  }

  protected override get contentReady(): boolean {
    return !this.loading;
  }

  /** @internal */
  async #start(): Promise<void> {
    const signal = this.#signal!;
    document.addEventListener('visibilitychange', this.#onVisible);
    // "5 minutes ago" stays true: the page's one shared minute clock re-renders the times.
    this.#unclock ??= everyMinute(() => this.requestUpdate());
    // The first date formatters of a page cost tens of milliseconds (the browser loads its locale data): build
    // them while the posts are on their way, not after they have arrived.
    // Not after the feed has left the page: cancelled by stop().
    this.#unwarm = later(() => (dateFormat(this.locale, FULL_DATE), relativeFormat(this.locale)));
    await this.#refresh(true);
    if (!signal.aborted) this.#schedule();
  }

  /** @internal */
  #schedule(): void {
    clearTimeout(this.#timer);
    if (!this.#config.refreshSeconds) return;
    this.#timer = setTimeout(() => this.#tick(), this.#interval);
    // What a refresh needs (later.ts), fetched after the first posts are drawn: a refresh then never waits for it, nor
    // fails on it (a site updated since this page loaded has other chunk names), and focus follows the reader's post
    // whatever brought the change (saved posts giving way to the server's).
    later(() => void readers.later().catch(() => {}), 'background');
  }

  /** Refresh waits while the tab is hidden and runs as soon as it is visible again. @internal */
  #tick(): void {
    this.#due = document.hidden;
    if (this.#due) return;
    const signal = this.#signal!;
    this.guard(() => this.#refresh(false).then(() => signal.aborted || this.#schedule()));
  }

  /** @internal */
  async #refresh(first: boolean, more = false): Promise<void> {
    const signal = this.#signal!;
    const config = this.#config;
    const before = this.#runners.map((r) => r.error);
    // The saved posts' code loads beside the requests; where it cannot (a missing chunk, the page's CSP), the feed
    // goes on without them.
    const [cache] = await Promise.all([
      config.cache && this.#runners.some((r) => r.url) && readers.cache().catch(() => {}),
      ...this.#runners.map((r) => pull(r, this.#tag, this.#interval, more, signal)),
    ]);
    // A source failed: the words that say why come in a chunk (failed.ts). Where it cannot load, the notice is the
    // core's "not available", and the console and event have the error's own (English) message.
    if (this.#runners.some((r) => r.error)) await readers.failed().catch(() => {});
    if (signal.aborted) return;
    const failed = readers.failed.value;
    this.#runners.forEach((r, i) => {
      if (r.error && r.error !== before[i])
        this.reportSourceError({
          source: r.src.type,
          url: r.url,
          status: r.error.status,
          message: failed ? failed.reason(this.t, r, this.#tag) : r.error.message,
        });
    });
    let posts = mergePosts(...this.#runners.map((r) => r.posts));
    // Saved when a server answered; when none did, the posts saved last time (cache.ts).
    [posts, this.savedAt] = cache ? cache.savedOr(this.#tag, this.#runners, posts) : [posts];
    const list = posts.map(prepare).filter((i) => allowed(i.p, nodesText(i.nodes) + linkHosts(i.nodes), config.moderation));
    // Posts may go (or move) under the reader: where focus is, for updated() to follow.
    this.#focus = readers.later.value?.focusIn(this.renderRoot, this.#urls);
    // The first answer's posts come with the end of loading, in one update (not a second render of every post).
    if (first) this.loading = false;
    // Posts a "more" page brings join the list; new posts waiting for the reader's "show" button keep waiting.
    const waiting = new Set(this.fresh.map((i) => i.p.url));
    // Where later.ts could not load (it draws their button), new posts join the list at once.
    const all = first || !this.#known.size || !readers.later.value;
    list.forEach((i) => (all || (more && !waiting.has(i.p.url))) && this.#known.add(i.p.url));
    this.items = list.filter((i) => this.#known.has(i.p.url));
    this.fresh = list.filter((i) => !this.#known.has(i.p.url));
  }

  /** @internal */
  #consent(): void {
    this.consented = true;
    // The pressed button goes away: put the reader on the heading (else "Loading…") at once, then on the first post
    // once there is one.
    void this.updateComplete.then(() => this.#land(undefined));
    this.guard(() =>
      this.#start()
        .then(() => this.updateComplete)
        .then(() => this.#land(this.#articles()[0])),
    );
  }

  /**
   * Focus on `post`; where there is none, on the heading, else what the feed says instead of posts (that a source
   * failed, that there are none, that they are loading), not lost to the page. @internal
   */
  #land(post: HTMLElement | undefined): void {
    let target = post;
    if (!target && (target = this.renderRoot.querySelector<HTMLElement>('[part=heading],.notice,.empty,.skeleton p')!))
      target.tabIndex = -1;
    target?.focus();
  }

  /** @internal */
  async #more(): Promise<void> {
    const at = this.shown;
    if (this.loading) return;
    const seen = new Set(this.#urls);
    if (at >= this.items.length) {
      this.loading = true;
      await this.#refresh(false, true);
      this.loading = false;
    }
    this.shown = at + this.#config.limit;
    await this.updateComplete;
    // The first post the reader has not seen (a gap's posts come above the older ones), else the last one.
    const articles = this.#articles();
    this.#land(articles[this.#urls.findIndex((u) => !seen.has(u))] ?? articles.at(-1));
  }

  /**
   * Focus stays with its post when posts come and go (it moves with it, to the same control); when the post itself
   * went, focus goes to the post in its place (else the heading or the empty state) and a polite message says why.
   * @internal
   */
  protected override updated(): void {
    super.updated();
    const was = this.#focus;
    this.#focus = undefined;
    // Set only once later.ts has come (#refresh asks it where focus is).
    if (was) readers.later.value!.follow(this, was, this.#urls, (to) => this.#land(to), this.t);
  }

  /** @internal */
  #articles(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('article')];
  }

  /** Page Down / Page Up move between posts (the WAI-ARIA feed pattern). @internal */
  #keys(e: KeyboardEvent): void {
    const step = e.key === 'PageDown' ? 1 : e.key === 'PageUp' ? -1 : 0;
    const articles = this.#articles();
    const current = (e.target as Element).closest('article');
    if (!step || !current) return;
    e.preventDefault();
    articles[articles.indexOf(current as HTMLElement) + step]?.focus();
  }

  /** @internal */
  #toggle(id: string): void {
    const opened = new Set(this.opened);
    if (!opened.delete(id)) opened.add(id);
    this.opened = opened;
  }

  protected renderContent(config: ResolvedHashtagFeedConfig): TemplateResult {
    const t = this.say;
    const disclaimer = config.disclaimer === undefined ? t('disclaimer') : config.disclaimer;
    const title = config.heading ? heading(this.level, config.heading, 'heading') : nothing;
    const later = readers.later.value;
    // The element is its own Words (its translate, tb and list), for what the chunks draw.
    const words = this as unknown as Words;
    if (config.consent === 'required' && !this.consented) {
      // Until the gate's code has come, the author's fallback; where it cannot come, that fallback or "not available".
      return later
        ? html`${title}${later.gate(
            words,
            this.#runners.map((r) => r.url),
            () => this.#consent(),
          )}`
        : this.#noGate && !this.hasFallback
          ? html`${title}<p class="unavailable">${t('unavailable')}</p>`
          : html`<slot></slot>`;
    }
    const visible = this.items.slice(0, this.shown);
    this.#urls = visible.map((i) => i.p.url);
    const more = this.shown < this.items.length || this.#runners.some((r) => (r.gap || r.next) && !r.error);
    const failed = this.#runners.filter((r) => r.error);
    return html`${title}${disclaimer ? html`<p class="disclaimer" part="disclaimer" dir="auto">${disclaimer}</p>` : nothing}
      <div role="status">
        ${
          readers.failed.value
            ? failed.map((r) => readers.failed.value!.notice(words, r, this.#tag))
            : failed.length
              ? html`<p class="notice" part="notice">${t('unavailable')}</p>`
              : nothing
        }
        ${this.savedAt ? readers.cache.value!.savedNote(t, this.locale, this.savedAt) : nothing}
      </div>
      <div role="status" class="fresh">${this.fresh.length ? later!.freshButton(words, this, this.#known, prepare) : nothing}</div>
      <div role="status" class="visually-hidden said"></div>
      ${
        this.loading && !visible.length
          ? html`<div class="skeleton">
              <p role="status">${t('loading')}</p>
              ${Array.from({ length: Math.min(config.limit, SKELETON) - 1 }, () => html`<div></div>`)}
            </div>`
          : nothing
      }
      ${
        visible.length
          ? html`<div role="feed" aria-label=${this.t('feed', { tag: this.#tag })} aria-busy=${String(this.loading)} @keydown=${this.#keys}>
            ${visible.map((item, i) => this.#post(item, i, more ? -1 : visible.length))}
          </div>`
          : this.loading
            ? nothing
            : // Nothing to show because sources failed: the author's fallback again (a link to the tag elsewhere, say).
              failed.length && this.hasFallback
              ? html`<div class="fallback"><slot></slot></div>`
              : html`<p class="empty">${failed.length ? t('empty') : this.tb('noPosts', { tag: this.#tag })}</p>`
      }
      ${more ? html`<button class="more" @click=${this.#more}>${t('more')}</button>` : nothing}`;
  }

  /** Each post's content as DOM nodes, built once: a template per paragraph, link and mention cost more than the rest of the post. @internal */
  #content = new WeakMap<Item, (Node | string)[]>();

  /**
   * One template per post, its links written out with the external-link policy's `rel` rather than nested
   * templates: most of the time from a feed's posts arriving to their being in the page was lit setting up
   * nested templates and their bindings. @internal
   */
  #post(item: Item, i: number, size: number): TemplateResult {
    const { p } = item;
    const t = this.say;
    const id = `p${i}`;
    const role = roleOf(p.author.handle, this.#config.roles);
    // Addresses from posts must be absolute: a relative one would point into the hospital's own site.
    const avatar = postHref(p.author.avatar, { httpsOnly: true });
    const date = new Date(p.createdAt);
    const warned = !!(p.contentWarning || p.sensitive);
    const open = !warned || this.opened.has(p.url);
    // The post's own words (its content and its warning) in its language, where the post names a valid one.
    const lang = (LANG.test(p.language ?? '') && p.language) || nothing;
    let content = this.#content.get(item);
    if (open && !content) this.#content.set(item, (content = contentNodes(item.nodes)));
    return html`<article part="post" tabindex="0" aria-posinset=${i + 1} aria-setsize=${size} aria-labelledby="${id}a">
      <header>
        ${avatar ? html`<img class="avatar" alt="" width="48" height="48" loading="lazy" decoding="async" referrerpolicy="no-referrer" src=${avatar} />` : nothing}
        <span class="who">
          <a class="author" href=${postHref(p.author.url) ?? nothing} rel=${UGC} referrerpolicy="no-referrer"
            ><bdi class="name" id="${id}a">${p.author.name.trim() || p.author.handle}</bdi>
            <span class="handle"><bdi>${p.author.handle}</bdi></span></a
          >
          ${role ? html`<span class="badge" part="badge" dir="auto">${role}</span>` : nothing}
        </span>
        <a class="when" href=${postHref(p.url) ?? nothing} rel=${UGC} referrerpolicy="no-referrer"
          ><time datetime=${date.toISOString()} title=${dateFormat(this.locale, FULL_DATE).format(date)}>${relativeTime(this.locale, date)}</time></a
        >
      </header>
      ${p.boostOf || p.replyTo ? html`<p class="kind">${t(p.boostOf ? 'boost' : 'reply')}</p>` : nothing}
      ${
        warned
          ? html`<div class="cw">
            <p id="${id}w" dir="auto">${p.contentWarning ? this.tb('cw', {}, { text: html`<span lang=${lang}>${p.contentWarning}</span>` }) : t('sensitive')}</p>
            <button aria-expanded=${String(open)} aria-controls="${id}c" aria-describedby="${id}w" @click=${() => this.#toggle(p.url)}>${t(open ? 'hide' : 'show')}</button>
          </div>`
          : nothing
      }
      <div class="content" id="${id}c" dir="auto" lang=${lang} ?hidden=${!open}>
        ${open ? content : nothing} ${open && p.media?.length ? html`<ul class="media">${p.media.map((m) => this.#media(m))}</ul>` : nothing}
      </div>
    </article>`;
  }

  /** Images load lazily, only over https, and never send a referrer; alt text is always shown. @internal */
  #media(m: NonNullable<Post['media']>[number]): TemplateResult {
    const src = m.type === 'image' ? postHref(m.url, { httpsOnly: true }) : undefined;
    const image = m.type === 'image';
    const alt = m.alt?.trim();
    return html`<li><figure>
      ${src ? html`<img alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" src=${src} />` : nothing}
      <figcaption dir="auto">${image ? alt || this.say('noAlt') : html`<a href=${postHref(m.url) ?? nothing} rel=${UGC} referrerpolicy="no-referrer">${this.say(m.type === 'audio' ? 'audio' : 'video', { text: alt || this.t('noDescription') })}</a>`}</figcaption>
    </figure></li>`;
  }
}
