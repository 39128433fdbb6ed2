import { html, nothing, type TemplateResult } from 'lit/html.js';
import { BaseElement, type PropertyValues } from '../../core/base-element.js';
import { css } from '../../core/css.js';
import { repeat } from 'lit/directives/repeat.js';
import { themeStyles } from '../../core/theme/styles.js';
import { cleanName } from '../../core/sanitize.js';
import { define } from '../../core/define.js';
import { CareHashtagFeed } from '../../widgets/hashtag-feed/hashtag-feed.js';
import type { Decision, PostRecord, PostVersion, PublishReport, ReviewState } from '../types.js';
import type { DeskFeed } from './api.js';
import { accountName, accountOf } from '../accounts.js';
import {
  DONE,
  STATE_LABELS,
  announcement,
  bulkDone,
  excerpt,
  hiddenOnPage,
  inState,
  missingAlt,
  nextIndex,
  previewConfig,
  published,
  undoOf,
  type StateFilter,
} from './desk-logic.js';

/** The store's counts, and its revision (which grows with every change, one that leaves the counts as they were too). */
type Counts = Record<ReviewState | 'pinned' | 'revision', number>;
/** How the publish report names a post. */
interface PostLine {
  name: string;
  handle: string;
  url: string;
  text: string;
}
interface Info {
  actor: string;
  feed: DeskFeed;
  sources: string[];
  accounts: string[];
  publish: boolean;
}
/** One undoable action: the records as they were, replaced by what the server answered. */
interface Step {
  label: string;
  pairs: { before: PostRecord; after?: PostRecord }[];
}
type Panel = 'none' | 'reason' | 'alt' | 'bulk-approve' | 'bulk-reject';

/** Where focus goes after each kind of change. */
const FOCUS = {
  option: '[role="option"][aria-selected="true"]',
  reason: '#reason',
  alt: '#alt-0',
  bulk: '.bulk-confirm button:not([disabled])',
  problem: '#problem button',
  report: '.report',
  empty: '.empty',
} as const;

/** How often the page asks whether the queue changed under it. */
const WATCH_MS = 20000;

const ORDER: StateFilter[] = ['pending', 'held', 'approved', 'rejected', 'removed', 'pinned', 'all'];
const HEADER = { 'x-carecircle-desk': '1' };

const whenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
/** A time as the reviewer reads it (their own zone and language). */
const when = (iso: string): string => (Number.isNaN(Date.parse(iso)) ? iso : whenFormat.format(new Date(iso)));

/** Keys that are typing, not commands. */
const typing = (el: Element | undefined): boolean =>
  !!el && (el.localName === 'input' || el.localName === 'textarea' || el.localName === 'select' || (el as HTMLElement).isContentEditable);

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string; message?: string; record?: PostRecord; counts?: Counts },
  ) {
    super(body.message ?? `The desk answered ${status}.`);
  }
}

/**
 * The review desk: the moderation queue of `carecircle review`. Each post is shown by a real
 * `<care-hashtag-feed>` with the page's settings, so what a reviewer approves is what patients will see. Every
 * action works from the keyboard (shortcuts listed on the page) and with a pointer; decisions are sent one
 * after another in the order made, so a fast reviewer never waits for the server.
 *
 * @summary The moderation queue served by `carecircle review`.
 */
export class CareReviewDesk extends BaseElement {
  static override styles = [
    themeStyles,
    css`
      /* A panel's heading (the widgets' theme has none: no widget panel holds one). */
      .panel h2,
      .panel h3 {
        font-size: 1.05em;
        margin: 0 0 0.35em;
      }
      :host {
        max-inline-size: 90rem;
        margin-inline: auto;
        padding: var(--_space);
      }
      .publish[aria-disabled='true'] {
        cursor: progress;
      }
      h1 {
        font-size: 1.6em;
        margin: 0;
      }
      h2 {
        font-size: 1.2em;
        margin-block: 0.5em;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: center;
        justify-content: space-between;
      }
      .who {
        margin: 0;
        color: var(--_muted);
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--_space) * 0.75);
        align-items: end;
        margin-block: var(--_space);
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.25em;
        font-weight: 600;
      }
      .filters label {
        flex: 1 1 12rem;
        min-inline-size: 0;
      }
      .filters :is(select, input) {
        inline-size: 100%;
      }
      input,
      select,
      textarea {
        font: inherit;
        font-weight: normal;
        min-block-size: var(--_target);
        padding: 0.35em 0.5em;
        border: 2px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
        background: var(--_bg);
        color: var(--_text);
        max-inline-size: 100%;
      }
      textarea {
        inline-size: 100%;
        min-block-size: 5em;
      }
      .counts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 1.25em;
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .layout {
        display: grid;
        gap: var(--_space);
        grid-template-columns: minmax(0, 1fr);
      }
      @media (min-width: 60em) {
        .layout {
          grid-template-columns: minmax(16rem, 28rem) minmax(0, 1fr);
          align-items: start;
        }
        .review {
          position: sticky;
          inset-block-start: var(--_space);
        }
      }
      [role='listbox'] {
        list-style: none;
        margin: 0;
        padding: 0;
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        max-block-size: 75vh;
        overflow: auto;
      }
      [role='option'] {
        padding: 0.5em 0.75em;
        border-block-end: 1px solid var(--_border);
        border-inline-start: 0.4rem solid transparent;
        cursor: pointer;
      }
      [role='option'][aria-selected='true'] {
        border-inline-start-color: var(--_accent);
        background: var(--_surface);
      }
      [role='option']:focus-visible {
        outline-offset: -4px;
      }
      .row-name {
        font-weight: 600;
      }
      .row-handle,
      .row-meta {
        color: var(--_muted);
      }
      .row-text {
        display: block;
      }
      .tag {
        display: inline-block;
        border: 1px solid currentColor;
        border-radius: 0.25em;
        padding-inline: 0.3em;
        margin-inline-end: 0.3em;
        font-size: 0.9em;
      }
      .actions,
      .bulk,
      .panel-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin-block: 0.75em;
      }
      kbd {
        font-family: ui-monospace, monospace;
        border: 1px solid var(--_border);
        border-radius: 0.25em;
        padding-inline: 0.3em;
      }
      .danger {
        border-color: var(--_danger);
        color: var(--_danger);
      }
      .alert {
        border-color: var(--_danger);
      }
      .meta {
        color: var(--_muted);
        margin-block: 0.25em;
      }
      .preview {
        border: 2px dashed var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
      }
      .empty:focus {
        outline: none;
      }
      .empty:focus-visible {
        outline: 3px solid var(--_focus);
      }
      dl.keys {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25em 1em;
        margin: 0;
      }
      dl.keys dd {
        margin: 0;
      }
      @media (forced-colors: active) {
        [role='option'][aria-selected='true'] {
          border-inline-start-color: Highlight;
        }
        .tag,
        [role='listbox'],
        .preview {
          border-color: CanvasText;
        }
      }
    `,
  ];

  static override properties = {
    info: { state: true },
    records: { state: true },
    total: { state: true },
    counts: { state: true },
    selected: { state: true },
    state: { state: true },
    source: { state: true },
    account: { state: true },
    word: { state: true },
    panel: { state: true },
    status: { state: true },
    problem: { state: true },
    report: { state: true },
    loaded: { state: true },
    bulkList: { state: true },
    changed: { state: true },
  };

  /** @internal */ declare info: Info | undefined;
  /** @internal */ declare records: PostRecord[];
  /** @internal */ declare total: number;
  /** @internal */ declare counts: Counts | undefined;
  /** The selected post's key. @internal */ declare selected: string | undefined;
  /** @internal */ declare state: StateFilter;
  /** @internal */ declare source: string;
  /** @internal */ declare account: string;
  /** @internal */ declare word: string;
  /** @internal */ declare panel: Panel;
  /** The live region's last announcement. @internal */ declare status: string;
  /** An error, or a conflict with the record as another reviewer left it, shown as an alert. @internal */
  declare problem: { message: string; record?: PostRecord } | undefined;
  /** @internal */ declare report: (PublishReport & { posts: Record<string, PostLine> }) | undefined;
  /** @internal */ declare loaded: boolean;
  /** What the open "approve all / block" confirmation counted: the account and its pending posts. @internal */
  declare bulkList: { account: string; posts: PostVersion[]; total: number } | undefined;
  /** The store's counts moved without this page (another reviewer, a collect): offer to show the latest. @internal */
  declare changed: boolean;

  /** @internal */ #chain: Promise<unknown> = Promise.resolve();
  /** @internal */ #undo: Step[] = [];
  /** @internal */ #previews = new Map<string, Record<string, unknown>>();
  /** @internal */ #excerpts = new Map<string, string>();
  /** What the preview feed said it left out, by the preview config it was given. @internal */
  #skipped = new WeakMap<object, string[]>();
  /** @internal */ #focusAfter: keyof typeof FOCUS | undefined;
  /** @internal */ #wordTimer?: ReturnType<typeof setTimeout>;
  /** @internal */ #listRequest = 0;
  /** Decisions sent and not yet answered. @internal */ #inFlight = 0;
  /**
   * A publish is on its way: decisions wait for it, since the list it reloads would undo what they show (a post
   * decided meanwhile would be listed as pending again, and a second key on it refused as a conflict). @internal
   */
  #publishing = false;
  /** How many times the reviewer has picked a post (keys, click, focus). @internal */ #picks = 0;
  /** @internal */ #watch?: ReturnType<typeof setInterval>;
  /** Versions this page's own answered decisions moved each post from → to (`key:from` → to). @internal */
  #bumped = new Map<string, number>();

  constructor() {
    super();
    this.records = [];
    this.total = 0;
    this.state = 'pending';
    this.source = '';
    this.account = '';
    this.word = '';
    this.panel = 'none';
    this.status = '';
    this.changed = false;
    this.loaded = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // On the document: the desk is the whole page, and a key pressed with nothing focused must work too.
    document.addEventListener('keydown', this.#keys);
    this.#watch = setInterval(() => void this.#check(), WATCH_MS);
    void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#keys);
    clearTimeout(this.#wordTimer);
    clearInterval(this.#watch);
  }

  /** @internal */
  async #api<T>(path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? HEADER : { ...HEADER, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new HttpError(0, {
        message: 'The review desk is not answering: is `carecircle review` still running? Start it again and open its new address.',
      });
    }
    const data = await response.json().catch(() => ({ message: `The desk answered ${response.status} without JSON.` }));
    if (!response.ok) throw new HttpError(response.status, data);
    return data as T;
  }

  /** @internal */
  async #start(): Promise<void> {
    try {
      this.info = await this.#api<Info>('/api/desk');
      await this.#load();
    } catch (e) {
      this.#fail(e);
    }
  }

  /** Fetches the list for the current filters; keeps the selection when the post is still listed. @internal */
  async #load(select?: string): Promise<void> {
    const ask = ++this.#listRequest;
    const q = new URLSearchParams({ state: this.state });
    if (this.source) q.set('source', this.source);
    if (this.account.trim()) q.set('account', this.account.trim());
    if (this.word.trim()) q.set('word', this.word.trim());
    const data = await this.#api<{ posts: PostRecord[]; total: number; counts: Counts }>(`/api/posts?${q}`);
    if (ask !== this.#listRequest) return;
    this.records = data.posts;
    this.total = data.total;
    this.counts = data.counts;
    this.changed = false;
    const keep = select ?? this.selected;
    this.selected = data.posts.some((r) => r.key === keep) ? keep : data.posts[0]?.key;
    this.loaded = true;
    // A reviewer in the list stays there: focus follows the selection into the new list.
    if (this.#focusAfter !== 'problem' && (this.renderRoot as ShadowRoot).activeElement?.closest('[role="listbox"]'))
      this.#focusAfter = this.records.length ? 'option' : 'empty';
  }

  /**
   * Another reviewer or a scheduled collect may change the queue while this page is open. The list is not swapped
   * under the reviewer's keys: a notice offers the latest instead. The counts and the store's revision are the
   * cheap signal (the revision catches a change that leaves every count as it was).
   * @internal
   */
  async #check(): Promise<void> {
    if (document.hidden || this.#inFlight || !this.counts || this.changed) return;
    try {
      const { counts } = await this.#api<{ counts: Counts }>('/api/counts');
      if (!this.#inFlight && JSON.stringify(counts) !== JSON.stringify(this.counts)) this.changed = true;
    } catch {
      // A stopped desk says so at the next action; a failed check is not worth an alert.
    }
  }

  /** @internal */
  #fail(e: unknown): void {
    const err = e as HttpError;
    const record = err.status === 409 ? err.body.record : undefined;
    this.problem = { message: err.message || String(e), record };
    this.#focusAfter = 'problem';
  }

  /** @internal */
  get #index(): number {
    return this.records.findIndex((r) => r.key === this.selected);
  }

  /** @internal */
  get #current(): PostRecord | undefined {
    return this.records[this.#index];
  }

  /** @internal */
  #select(index: number, focus = true): void {
    const record = this.records[Math.max(0, Math.min(index, this.records.length - 1))];
    if (!record) return;
    this.#picks++;
    this.selected = record.key;
    this.panel = 'none';
    if (focus) this.#focusAfter = 'option';
  }

  /**
   * Sends a decision after every earlier one (so a burst of keys is applied in order), updating the list at
   * once: the post leaves a list it no longer belongs to and the next one is selected.
   * @internal
   */
  #decide(record: PostRecord, decision: Omit<Decision, 'key' | 'version'>, label: string): void {
    if (this.#waitForPublish()) return;
    const index = this.records.indexOf(record);
    const step: Step = { label, pairs: [{ before: record }] };
    const guess: PostRecord = { ...record, ...this.#expected(record, decision) };
    this.#replace(record, guess, index);
    this.#undo.push(step);
    this.#announce(label);
    this.#enqueue(async () => {
      const data = await this.#send({ ...decision, key: record.key, version: record.version });
      step.pairs[0]!.after = data.record;
      this.#settle(guess, data.record);
    }, step);
  }

  /**
   * Sends one decision. A decision made on the list's guess (before an earlier decision of this page on the same
   * post was answered) names the version that earlier one produced: only this page's own changes are skipped
   * over, so another reviewer's change in between is still refused.
   * @internal
   */
  async #send(decision: Decision): Promise<{ record: PostRecord; counts: Counts }> {
    let version = decision.version;
    for (
      let next = this.#bumped.get(`${decision.key}:${version}`);
      next !== undefined;
      next = this.#bumped.get(`${decision.key}:${version}`)
    )
      version = next;
    const data = await this.#api<{ record: PostRecord; counts: Counts; own?: number }>('/api/decide', { ...decision, version });
    this.#bumped.set(`${decision.key}:${version}`, data.record.version);
    // The answer's counts are the store's now: if its revision moved by more than this decision's own write, another
    // reviewer (or a collect) changed the queue in between, which the watch would then never see: say so now.
    if (this.counts && data.counts.revision - this.counts.revision > (data.own ?? 0)) this.changed = true;
    this.counts = data.counts;
    return data;
  }

  /** What a decision will make of a record, for the list until the server answers. @internal */
  #expected(r: PostRecord, d: Omit<Decision, 'key' | 'version'>): Partial<PostRecord> {
    switch (d.action) {
      case 'approve':
        return { state: 'approved' };
      case 'reject':
        return { state: 'rejected', pinned: false };
      case 'hold':
        return { state: 'held', pinned: false };
      case 'remove':
        return { state: 'removed', pinned: false };
      case 'pin':
        // The store approves what it pins: a pinned post is shown.
        return { state: 'approved', pinned: true };
      case 'unpin':
        return { pinned: false };
      case 'restore':
        return { ...d.restore! };
      case 'edit-alt':
        return { altOverrides: { ...r.altOverrides, [d.alt!.index]: d.alt!.text } };
    }
  }

  /** Puts `next` where `old` was, or takes it out of a list it no longer belongs to. @internal */
  #replace(old: PostRecord, next: PostRecord, index = this.records.indexOf(old)): void {
    if (index < 0) return;
    const wasSelected = this.selected === old.key;
    const records = [...this.records];
    if (inState(next, this.state)) {
      records[index] = next;
      this.records = records;
      return;
    }
    records.splice(index, 1);
    this.records = records;
    this.total = Math.max(0, this.total - 1);
    if (wasSelected) {
      const at = nextIndex(index, records.length);
      this.selected = records[at]?.key;
      this.panel = 'none';
      this.#focusAfter = at < 0 ? 'empty' : 'option';
    }
  }

  /** The server's record replaces the guess (its version is what the next decision names). @internal */
  #settle(guess: PostRecord, actual: PostRecord): void {
    const index = this.records.indexOf(guess);
    if (index >= 0) this.#replace(guess, actual, index);
  }

  /** @internal */
  #enqueue(work: () => Promise<void>, step?: Step): void {
    this.#inFlight++;
    this.#chain = this.#chain
      .then(work)
      .catch(async (e) => {
        if (step) this.#undo = this.#undo.filter((s) => s !== step);
        this.#fail(e);
        // The list is stale after a refusal: show the store's truth.
        await this.#load().catch(() => {});
      })
      .finally(() => this.#inFlight--);
  }

  /** While a publish is on its way, says so and returns true: the decision is not made. @internal */
  #waitForPublish(): boolean {
    if (this.#publishing) this.status = 'Publishing… Decide again when the report shows.';
    return this.#publishing;
  }

  /** @internal */
  #announce(done: string): void {
    this.status = announcement(done, this.total, this.state);
  }

  /** @internal */
  #undoLast(): void {
    const step = this.#undo.pop();
    if (!step) {
      this.status = 'Nothing to undo.';
      return;
    }
    const picks = this.#picks;
    this.#enqueue(async () => {
      let last: PostRecord | undefined;
      for (const { before, after } of step.pairs) {
        if (!after) continue;
        last = (await this.#send(undoOf(before, after))).record;
      }
      await this.#load();
      // Back to the undone post, unless the reviewer picked another one while the undo was on its way.
      if (picks === this.#picks && last && this.records.some((r) => r.key === last.key)) this.selected = last.key;
      this.#focusAfter = this.records.length ? 'option' : 'empty';
      this.status = `Undone: ${step.label.toLowerCase()}. ${this.total} left.`;
    });
  }

  /** @internal */
  #act(action: 'approve' | 'hold' | 'remove' | 'pin'): void {
    const r = this.#current;
    if (!r) return;
    if (action === 'remove' && r.state !== 'approved') {
      this.status = 'Only an approved post can be removed from the site.';
      return;
    }
    const pin = action === 'pin' ? (r.pinned ? 'unpin' : 'pin') : action;
    this.#decide(r, { action: pin }, DONE[pin]);
  }

  /** @internal */
  #reject(reason: string): void {
    const r = this.#current;
    if (!r) return;
    this.panel = 'none';
    this.#focusAfter = 'option';
    this.#decide(r, { action: 'reject', ...(reason.trim() ? { reason: reason.trim() } : {}) }, DONE.reject);
  }

  /** Saves each changed description as its own decision, in order. @internal */
  #saveAlt(form: HTMLFormElement): void {
    const r = this.#current;
    if (!r) return;
    const current = published(r).media ?? [];
    const fields = [...form.querySelectorAll('textarea')];
    const edits = fields.map((f, i) => ({ index: i, text: f.value.trim() })).filter((e, i) => e.text !== (current[i]?.alt ?? '').trim());
    this.panel = 'none';
    this.#focusAfter = 'option';
    if (!edits.length) {
      this.status = 'No description changed.';
      return;
    }
    const step: Step = { label: DONE['edit-alt'], pairs: [] };
    this.#undo.push(step);
    const guess: PostRecord = { ...r, altOverrides: { ...r.altOverrides, ...Object.fromEntries(edits.map((e) => [e.index, e.text])) } };
    this.#replace(r, guess);
    this.#enqueue(async () => {
      let record = r;
      for (const e of edits) {
        const data = await this.#send({ key: r.key, version: record.version, action: 'edit-alt', alt: e });
        step.pairs.push({ before: record, after: data.record });
        record = data.record;
      }
      step.pairs.reverse();
      this.#settle(guess, record);
    }, step);
    this.status = `${DONE['edit-alt']}.`;
  }

  /** @internal */
  async #openBulk(kind: 'bulk-approve' | 'bulk-reject'): Promise<void> {
    const r = this.#current;
    if (!r) return;
    this.bulkList = undefined;
    this.panel = kind;
    this.#focusAfter = 'bulk';
    try {
      // By DID for a Bluesky post: the posts the action will take, whatever handle they came under. The click sends
      // back exactly these (keys and versions), so it never acts on a post collected or edited after this count.
      const q = new URLSearchParams({ account: accountOf(r.post) });
      const data = await this.#api<{ account: string; posts: PostVersion[]; total: number }>(`/api/pending?${q}`);
      this.bulkList = data;
      this.#focusAfter = 'bulk';
    } catch (e) {
      this.#fail(e);
    }
  }

  /** The open confirmation's count, when it is for the selected post's account. @internal */
  get #bulkCounted(): { account: string; posts: PostVersion[]; total: number } | undefined {
    const r = this.#current;
    return r && this.bulkList?.account === accountOf(r.post) ? this.bulkList : undefined;
  }

  /** @internal */
  #bulk(action: 'approve' | 'reject'): void {
    const r = this.#current;
    const counted = this.#bulkCounted;
    if (!r || !counted || this.#waitForPublish()) return;
    const handle = r.post.author.handle;
    // A Bluesky account by its DID, which stays when it changes its handle; a Mastodon one by its handle.
    const { account, posts } = counted;
    this.panel = 'none';
    this.bulkList = undefined;
    const label = action === 'approve' ? `${DONE['approve-all']} from ${handle}` : `${DONE.block} ${handle}`;
    const step: Step = { label, pairs: [] };
    this.#undo.push(step);
    this.#enqueue(async () => {
      const before = new Map(this.records.map((x) => [x.key, x]));
      const data = await this.#api<{ records: PostRecord[]; skipped: string[]; counts: Counts }>('/api/bulk', {
        account,
        action,
        posts,
        ...(action === 'reject' ? { reason: `blocked account ${account === handle ? handle : accountName(account, r.post)}` } : {}),
      });
      for (const after of data.records) {
        const was = before.get(after.key) ?? { ...after, state: 'pending' as const, pinned: after.pinned };
        step.pairs.push({ before: was, after });
      }
      this.counts = data.counts;
      const index = Math.max(0, this.#index);
      await this.#load();
      this.#select(nextIndex(index, this.records.length));
      this.#focusAfter = this.records.length ? 'option' : 'empty';
      this.status = bulkDone(label, data.records.length, data.skipped.length, this.total);
    }, step);
  }

  /** @internal */
  #publish(): void {
    this.status = 'Publishing…';
    // A second press while one is on its way publishes nothing more.
    if (this.#publishing) return;
    this.#publishing = true;
    this.#enqueue(async () => {
      try {
        const data = await this.#api<{ report: PublishReport; posts: Record<string, PostLine>; counts: Counts }>('/api/publish', {});
        this.report = { ...data.report, posts: data.posts };
        this.counts = data.counts;
        const { added, removed, requeued } = data.report;
        this.status = `Published: ${added.length} added, ${removed.length} removed, ${requeued.length} sent back to review.`;
        await this.#load();
        // Focus, and with it the reviewer's keys, moves to the report once the list is the published one.
        this.#focusAfter = 'report';
      } finally {
        this.#publishing = false;
        this.requestUpdate();
      }
    });
  }

  /** @internal */
  #keys = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.composedPath()[0] as Element | undefined;
    if (e.key === 'Escape' && this.panel !== 'none') {
      e.preventDefault();
      this.panel = 'none';
      this.#focusAfter = 'option';
      return;
    }
    if (typing(target)) return;
    const inList = !!target?.closest?.('[role="listbox"]');
    const index = this.#index;
    const go = (i: number) => (e.preventDefault(), this.#select(i));
    switch (e.key) {
      case 'j':
        return go(index + 1);
      case 'k':
        return go(index - 1);
      case 'ArrowDown':
        return inList ? go(index + 1) : undefined;
      case 'ArrowUp':
        return inList ? go(index - 1) : undefined;
      case 'Home':
        return inList ? go(0) : undefined;
      case 'End':
        return inList ? go(this.records.length - 1) : undefined;
      case 'a':
        e.preventDefault();
        return this.#act('approve');
      case 'r':
        e.preventDefault();
        if (this.#current) {
          this.panel = 'reason';
          this.#focusAfter = 'reason';
        }
        return;
      case 'p':
        e.preventDefault();
        return this.#act('pin');
      case 'c':
        e.preventDefault();
        return this.#act('hold');
      case 'x':
        e.preventDefault();
        return this.#act('remove');
      case 'e':
        e.preventDefault();
        if (this.#current?.post.media?.length) {
          this.panel = 'alt';
          this.#focusAfter = 'alt';
        } else this.status = 'This post has no pictures to describe.';
        return;
      case 'u':
        e.preventDefault();
        return this.#undoLast();
      case '/':
        e.preventDefault();
        this.renderRoot.querySelector<HTMLInputElement>('#word')?.focus();
        return;
    }
  };

  /** @internal */
  #filter(name: 'state' | 'source' | 'account' | 'word', value: string): void {
    (this as unknown as Record<string, string>)[name] = value;
    clearTimeout(this.#wordTimer);
    const run = () => this.#load().catch((e) => this.#fail(e));
    // Typing waits for a pause; a choice in a list applies at once.
    if (name === 'word' || name === 'account') this.#wordTimer = setTimeout(run, 250);
    else run();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const focus = this.#focusAfter;
    if (!focus) return;
    this.#focusAfter = undefined;
    const root = this.renderRoot;
    const el = root.querySelector<HTMLElement>(FOCUS[focus]);
    (el ?? root.querySelector<HTMLElement>('.empty'))?.focus();
    if (focus === 'option') el?.scrollIntoView({ block: 'nearest' });
  }

  /** @internal */
  #preview(r: PostRecord): Record<string, unknown> {
    const id = `${r.key}@${r.version}:${JSON.stringify(r.altOverrides ?? {})}`;
    let config = this.#previews.get(id);
    if (!config) {
      if (this.#previews.size > 50) this.#previews.clear();
      this.#previews.set(id, (config = previewConfig(this.info!.feed, r)));
    }
    return config;
  }

  /** The feed validates the post as it will on the page: a post it skips is one patients would never see. @internal */
  #onSkip = (e: Event): void => {
    const feed = e.target as HTMLElement & { config?: object };
    const { issues } = (e as Event & { detail: { issues: { path: string; message: string }[] } }).detail;
    if (!feed.config) return;
    this.#skipped.set(
      feed.config,
      issues.map((i) => `${i.path.replace(/^sources\.0\.posts\.0\.?/, '') || 'the post'}: ${i.message}`),
    );
    this.requestUpdate();
  };

  /** @internal */
  #excerpt(r: PostRecord): string {
    let text = this.#excerpts.get(r.key);
    if (text === undefined) this.#excerpts.set(r.key, (text = excerpt(r)));
    return text;
  }

  protected override render(): TemplateResult {
    const info = this.info;
    const current = this.#current;
    const label = this.state === 'all' ? 'All posts' : `${STATE_LABELS[this.state]} posts`;
    return html`
      <div class="top">
        <div>
          <h1>Review desk</h1>
          <p class="who">${info ? html`#${info.feed.hashtag.replace(/^#/, '')} · reviewing as <b>${info.actor}</b>` : 'Loading…'}</p>
        </div>
        ${
          info?.publish
            ? // While a publish is on its way the button says so, and stays focusable (aria-disabled, not disabled:
              // focus is not dropped to the page), so a reviewer who pressed it sees that it is working.
              html`<button class="primary publish" aria-disabled=${this.#publishing ? 'true' : 'false'} @click=${this.#publish}>
                ${this.#publishing ? 'Publishing…' : 'Publish now'}
              </button>`
            : nothing
        }
      </div>
      <div role="status" class="visually-hidden" aria-live="polite">${this.status}</div>
      <div id="problem" role="alert">
        ${
          this.problem
            ? html`<div class="panel alert">
              <p>
                ${
                  this.problem.record
                    ? html`Changed by ${this.problem.record.changedBy} at
                      <time datetime=${this.problem.record.changedAt}>${when(this.problem.record.changedAt)}</time>, reload.`
                    : this.problem.message
                }
              </p>
              <button
                @click=${() => {
                  this.problem = undefined;
                  this.#load()
                    .then(() => (this.#focusAfter = this.records.length ? 'option' : 'empty'))
                    .catch((e) => this.#fail(e));
                }}
              >
                Reload
              </button>
            </div>`
            : nothing
        }
      </div>
      <div role="status" class="changed">
        ${
          this.changed
            ? html`<p class="panel">
              The queue has changed since it was loaded (another reviewer, or new posts collected).
              <button
                @click=${() =>
                  this.#load()
                    .then(() => (this.#focusAfter = this.records.length ? 'option' : 'empty'))
                    .catch((e) => this.#fail(e))}
              >
                Show the latest
              </button>
            </p>`
            : nothing
        }
      </div>
      ${this.report ? this.#report(this.report) : nothing}
      <div class="filters" role="search" aria-label="Filter posts">
        <label
          >State
          <select id="state" @change=${(e: Event) => this.#filter('state', (e.target as HTMLSelectElement).value)}>
            ${ORDER.map(
              (s) =>
                html`<option value=${s} ?selected=${s === this.state}>
                  ${s === 'all' ? 'All' : STATE_LABELS[s]}${this.counts && s !== 'all' ? ` (${this.counts[s]})` : ''}
                </option>`,
            )}
          </select></label
        >
        <label
          >Source
          <select id="source" @change=${(e: Event) => this.#filter('source', (e.target as HTMLSelectElement).value)}>
            <option value="">All sources</option>
            ${(info?.sources ?? []).map((s) => html`<option value=${s} ?selected=${s === this.source}>${s}</option>`)}
          </select></label
        >
        <label
          >Account
          <input
            id="account"
            type="text"
            list="accounts"
            autocomplete="off"
            spellcheck="false"
            .value=${this.account}
            @input=${(e: Event) => this.#filter('account', (e.target as HTMLInputElement).value)}
          />
          <datalist id="accounts">${(info?.accounts ?? []).map((a) => html`<option value=${a}></option>`)}</datalist></label
        >
        <label
          >Words
          <input id="word" type="search" .value=${this.word} @input=${(e: Event) => this.#filter('word', (e.target as HTMLInputElement).value)}
        /></label>
      </div>
      ${
        this.counts
          ? html`<h2 class="visually-hidden">Counts</h2>
            <ul class="counts">
              ${ORDER.filter((s) => s !== 'all').map((s) => html`<li>${STATE_LABELS[s as ReviewState]}: <b>${this.counts![s as ReviewState]}</b></li>`)}
            </ul>`
          : nothing
      }
      <details class="shortcuts">
        <summary>Keyboard shortcuts</summary>
        ${this.#shortcuts()}
      </details>
      <div class="layout">
        <section class="queue" aria-labelledby="queue-h">
          <h2 id="queue-h">${label} (${this.total})</h2>
          ${
            this.total > this.records.length
              ? html`<p class="meta">Showing the first ${this.records.length} of ${this.total}: filter to see the rest.</p>`
              : nothing
          }
          ${
            this.records.length
              ? html`<ul role="listbox" aria-labelledby="queue-h">
                ${repeat(
                  this.records,
                  (r) => r.key,
                  (r, i) => this.#row(r, i),
                )}
              </ul>`
              : this.loaded
                ? html`<p class="empty" tabindex="-1">No ${this.state === 'all' ? '' : STATE_LABELS[this.state].toLowerCase() + ' '}posts${this.word || this.account || this.source ? ' match these filters' : ''}.</p>`
                : html`<p>Loading posts…</p>`
          }
        </section>
        ${current && info ? this.#review(current, info) : nothing}
      </div>
    `;
  }

  /** @internal */
  #row(r: PostRecord, i: number): TemplateResult {
    const selected = r.key === this.selected;
    const missing = missingAlt(r);
    const name = cleanName(r.post.author.name) || cleanName(r.post.author.handle);
    return html`<li
      role="option"
      id="o${i}"
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${selected ? '0' : '-1'}
      @click=${() => this.#select(i)}
      @focus=${() => r.key !== this.selected && this.#select(i, false)}
    >
      <span class="row-name"><bdi>${name}</bdi></span> <span class="row-handle"><bdi>${cleanName(r.post.author.handle)}</bdi></span>
      <span class="row-text" dir="auto"
        >${r.post.contentWarning ? html`<span class="tag">Warning: <bdi>${r.post.contentWarning}</bdi></span>` : nothing}${this.#excerpt(r)}</span
      >
      <span class="row-meta">
        ${this.state === 'all' || this.state === 'pinned' ? html`<span class="tag">${STATE_LABELS[r.state]}</span>` : nothing}
        ${r.pinned ? html`<span class="tag">Pinned</span>` : nothing}
        ${missing ? html`<span class="tag">${missing} picture${missing === 1 ? '' : 's'} without a description</span>` : nothing}
        ${r.goneAtSource ? html`<span class="tag">Deleted at its source</span>` : nothing}
      </span>
    </li>`;
  }

  /** @internal */
  #review(r: PostRecord, info: Info): TemplateResult {
    const handle = cleanName(r.post.author.handle);
    const media = published(r).media ?? [];
    const config = this.#preview(r);
    const skipped = this.#skipped.get(config);
    return html`<section class="review" aria-labelledby="review-h">
      <h2 id="review-h">As patients will see it</h2>
      <div class="preview" lang=${info.feed.lang ?? 'en'}>
        <care-hashtag-feed .config=${config} heading-level="3" @care-config-error=${this.#onSkip}></care-hashtag-feed>
      </div>
      ${
        skipped
          ? html`<div class="panel alert">
            <p>Patients would not see this post: the feed leaves it out because</p>
            <ul>
              ${skipped.map((m) => html`<li>${m}</li>`)}
            </ul>
          </div>`
          : nothing
      }
      ${hiddenOnPage(info.feed, r) ? html`<p class="panel">Your page's feed settings hide this post (a reply, a shared post, its language or a blocked word), even when approved.</p>` : nothing}
      <p class="meta">
        ${STATE_LABELS[r.state]}${r.pinned ? ', pinned' : ''} · from ${r.sources.join(', ')} · last changed by ${r.changedBy} at
        <time datetime=${r.changedAt}>${when(r.changedAt)}</time>${r.reason ? html` · <span dir="auto">${r.reason}</span>` : nothing}
      </p>
      <div class="actions" aria-label="Decide on this post" role="group">
        <button class="primary" @click=${() => this.#act('approve')}>Approve <kbd aria-hidden="true">a</kbd></button>
        <button
          @click=${() => {
            this.panel = 'reason';
            this.#focusAfter = 'reason';
          }}
        >
          Reject… <kbd aria-hidden="true">r</kbd>
        </button>
        <button @click=${() => this.#act('pin')}>
          ${r.pinned ? 'Unpin' : r.state === 'approved' ? 'Pin to the top' : 'Approve and pin'} <kbd aria-hidden="true">p</kbd>
        </button>
        <button @click=${() => this.#act('hold')} ?hidden=${r.state === 'held'}>Needs clinical review <kbd aria-hidden="true">c</kbd></button>
        ${
          media.length
            ? html`<button
              @click=${() => {
                this.panel = 'alt';
                this.#focusAfter = 'alt';
              }}
            >
              Edit image descriptions <kbd aria-hidden="true">e</kbd>
            </button>`
            : nothing
        }
        ${r.state === 'approved' ? html`<button class="danger" @click=${() => this.#act('remove')}>Remove from the site <kbd aria-hidden="true">x</kbd></button>` : nothing}
        <button @click=${() => this.#undoLast()} ?disabled=${!this.#undo.length}>Undo <kbd aria-hidden="true">u</kbd></button>
      </div>
      ${this.panel === 'reason' ? this.#reasonPanel() : nothing} ${this.panel === 'alt' ? this.#altPanel(media) : nothing}
      <div class="bulk" role="group" aria-label="Every pending post from ${handle}">
        <button @click=${() => this.#openBulk('bulk-approve')}><span>Approve all pending from <bdi>${handle}</bdi>…</span></button>
        <button class="danger" @click=${() => this.#openBulk('bulk-reject')}><span>Block <bdi>${handle}</bdi>…</span></button>
      </div>
      ${this.panel === 'bulk-approve' || this.panel === 'bulk-reject' ? this.#bulkPanel(handle) : nothing}
    </section>`;
  }

  /** @internal */
  #reasonPanel(): TemplateResult {
    return html`<form
      class="panel"
      @submit=${(e: Event) => {
        e.preventDefault();
        this.#reject((e.target as HTMLFormElement).querySelector('input')!.value);
      }}
    >
      <label>Why reject it? (optional, kept in the audit log) <input id="reason" type="text" maxlength="500" autocomplete="off" /></label>
      <div class="panel-actions">
        <button class="primary" type="submit">Reject</button>
        <button type="button" @click=${() => ((this.panel = 'none'), (this.#focusAfter = 'option'))}>Cancel</button>
      </div>
    </form>`;
  }

  /** @internal */
  #altPanel(media: NonNullable<PostRecord['post']['media']>): TemplateResult {
    return html`<form
      class="panel"
      @submit=${(e: Event) => {
        e.preventDefault();
        this.#saveAlt(e.target as HTMLFormElement);
      }}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          this.#saveAlt(e.currentTarget as HTMLFormElement);
        }
      }}
    >
      <h3>Image descriptions</h3>
      <p class="meta">Describe what matters in each picture for someone who cannot see it. Ctrl+Enter saves.</p>
      ${media.map(
        (m, i) =>
          html`<label
            >Picture ${i + 1} of ${media.length}${m.type === 'image' ? '' : ` (${m.type})`}
            <textarea id="alt-${i}" maxlength="2000" .value=${m.alt ?? ''}></textarea
          ></label>`,
      )}
      <div class="panel-actions">
        <button class="primary" type="submit">Save descriptions</button>
        <button type="button" @click=${() => ((this.panel = 'none'), (this.#focusAfter = 'option'))}>Cancel</button>
      </div>
    </form>`;
  }

  /** @internal */
  /** For a Bluesky account, named by its DID: the count covers its posts under every handle it has had. */
  get #anyHandle(): string {
    const r = this.#current;
    return r && accountOf(r.post) !== r.post.author.handle ? ' (under any of its handles)' : '';
  }

  #bulkPanel(handle: string): TemplateResult {
    const approve = this.panel === 'bulk-approve';
    const counted = this.#bulkCounted;
    const n = counted?.posts.length;
    // More than one confirmation takes (BULK_MAX): these are the oldest, and the rest wait for the next one.
    const of = counted && counted.total > counted.posts.length ? ` (the oldest ${n} of ${counted.total})` : '';
    return html`<div class="panel bulk-confirm">
      <p>
        ${
          n === undefined
            ? 'Counting…'
            : approve
              ? html`Approve ${n} pending post${n === 1 ? '' : 's'}${of} from <bdi>${handle}</bdi>${this.#anyHandle}?`
              : html`Reject ${n} pending post${n === 1 ? '' : 's'}${of} from <bdi>${handle}</bdi>${this.#anyHandle} (blocked account)?`
        }
      </p>
      <div class="panel-actions">
        <button class=${approve ? 'primary' : 'danger'} ?disabled=${!n} @click=${() => this.#bulk(approve ? 'approve' : 'reject')}>
          ${approve ? `Approve ${n ?? ''}` : `Reject ${n ?? ''}`}
        </button>
        <button @click=${() => ((this.panel = 'none'), (this.#focusAfter = 'option'))}>Cancel</button>
      </div>
    </div>`;
  }

  /** @internal */
  #report(report: PublishReport & { posts: Record<string, PostLine> }): TemplateResult {
    const line = (key: string) => {
      const p = report.posts[key];
      return p
        ? html`<li><bdi>${cleanName(p.name) || cleanName(p.handle)}</bdi> (<bdi>${cleanName(p.handle)}</bdi>): <span dir="auto">${p.text}</span></li>`
        : html`<li>${key}</li>`;
    };
    const part = (title: string, list: string[]) =>
      html`<li>
        ${title}: ${list.length}${
          list.length
            ? html`<ul>
              ${list.slice(0, 50).map(line)}
            </ul>`
            : nothing
        }
      </li>`;
    return html`<section class="panel report" aria-labelledby="report-h" tabindex="-1">
      <h2 id="report-h">Published</h2>
      <ul>
        ${part('Added', report.added)} ${part('Removed', report.removed)} ${part('Sent back to review (edited at their source)', report.requeued)}
      </ul>
      ${report.files.length ? html`<p class="meta">Files written: ${report.files.join(', ')}</p>` : nothing}
      <button @click=${() => (this.report = undefined)}>Close</button>
    </section>`;
  }

  /** @internal */
  #shortcuts(): TemplateResult {
    const keys: [string, string][] = [
      ['j or ↓', 'next post'],
      ['k or ↑', 'previous post'],
      ['a', 'approve'],
      ['r', 'reject (asks for an optional reason; Enter rejects, Escape cancels)'],
      ['p', 'pin to the top of the feed (approves the post), or unpin'],
      ['c', 'needs clinical review: held until someone decides again'],
      ['e', 'edit image descriptions'],
      ['x', 'remove an approved post from the site'],
      ['u', 'undo the last action'],
      ['/', 'search words'],
    ];
    return html`<dl class="keys">
      ${keys.map(([k, what]) => html`<dt><kbd>${k}</kbd></dt><dd>${what}</dd>`)}
    </dl>
    <p class="meta">Shortcuts do nothing while you type in a field. With a pointer, use the buttons beside the post.</p>`;
  }
}

// The feed is registered here, not by importing its define module: the package marks only dist/ as having side
// effects, so a bare import would be dropped from the bundle.
define('care-hashtag-feed', CareHashtagFeed);
define('care-review-desk', CareReviewDesk);

declare global {
  interface HTMLElementTagNameMap {
    'care-review-desk': CareReviewDesk;
  }
}
