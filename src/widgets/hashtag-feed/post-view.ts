import { cleanName, postHref, reduceHtml, textNodes, type SafeNode } from '../../core/sanitize.js';
import { el } from '../../core/dom.js';
import { ugcLink } from '../../core/links.js';
import { dateFormat, relativeTime } from '../../core/i18n/format.js';
import type { Translate } from '../../core/i18n/messages.js';
import type { Post } from '../../sources/posts.js';
import { roleOf } from './moderation.js';
import { contentNodes } from './post-content.js';

/** A post ready to render: its reduced content is computed once. */
export interface Item {
  p: Post;
  nodes: SafeNode[];
}

const prepared = new WeakMap<Post, Item>();
export const prepare = (p: Post): Item => {
  let item = prepared.get(p);
  if (!item) prepared.set(p, (item = { p, nodes: p.nodes ?? (p.html != null ? reduceHtml(p.html) : textNodes(p.text ?? '')) }));
  return item;
};

const LANG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;
/** A post's full date, in its time's tooltip. */
export const FULL_DATE = { dateStyle: 'medium', timeStyle: 'short' } as const;

/** What a post's DOM is built from besides the post itself: when one of these changes, the post is built again. */
export interface PostContext {
  t: Translate;
  locale: string;
  /** The words `t` gives a post (`postWords`): a new `t` with the same words keeps the posts' DOM. */
  words: string;
  roles: Record<string, string>;
  /** Opens or closes the post's content warning. */
  toggle: (url: string) => void;
}

/** One post's DOM, built once and kept while the post is shown. */
export interface PostView {
  item: Item;
  ctx: PostContext;
  el: HTMLElement;
  /** Brings the post's place in the feed, its relative time and its content warning up to date, touching only what changed. */
  update(i: number, size: number, opened: ReadonlySet<string>, now?: number): void;
}

/**
 * Every message a post is built with, as one string. A widget gets a new `t` whenever its `lang` or `dir` is touched
 * or any language file registers (another widget's part, the config problems' wording), mostly with the same words:
 * building every post again then would take the focus from under the reader (a "Show post" being pressed).
 */
export const postWords = (t: Translate): string =>
  ['boost', 'reply', 'sensitive', 'noAlt', 'show', 'hide', 'cw', 'video'].map((key) => t(key, { text: '\u0000' })).join('\u0001');

// Ids need only be unique within a shadow root, and must not move with a post's place in the feed.
let ids = 0;
// Pictures load lazily and never send a referrer: these come before `src`, so they hold for its first request.
const LAZY = { loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer' };

/**
 * Builds a post's article with plain DOM calls, once: a lit template per post (and per link, paragraph and
 * picture in it) cost most of the time from a feed's posts arriving to their being in the page. Every text
 * from the post is set as text; addresses only through `postHref` and the external-link policy. The content
 * of a post behind a content warning is not in the DOM until the reader opens it.
 */
export function postView(item: Item, ctx: PostContext): PostView {
  const { p } = item;
  const { t, locale } = ctx;
  const id = `p${++ids}`;
  // Addresses from posts must be absolute: a relative one would point into the hospital's own site.
  const avatar = postHref(p.author.avatar, { httpsOnly: true });
  const role = roleOf(p.author.handle, ctx.roles);
  const date = new Date(p.createdAt);
  const warned = !!(p.contentWarning || p.sensitive);
  const time = el('time', { datetime: date.toISOString(), title: dateFormat(locale, FULL_DATE).format(date) });
  const content = el('div', { class: 'content', id: `${id}c`, dir: 'auto', lang: LANG.test(p.language ?? '') && p.language });
  const button = warned && el('button', { 'aria-controls': `${id}c`, 'aria-describedby': `${id}w` });
  if (button) button.onclick = () => ctx.toggle(p.url);
  // Alt text is always shown, as a caption.
  const media =
    !!p.media?.length &&
    el(
      'ul',
      { class: 'media' },
      ...p.media.map((m) => {
        const src = m.type == 'image' && postHref(m.url, { httpsOnly: true });
        const alt = m.alt?.trim() || t('noAlt');
        return el(
          'li',
          {},
          el(
            'figure',
            {},
            src && el('img', { alt: '', ...LAZY, src }),
            el('figcaption', { dir: 'auto' }, m.type == 'image' ? alt : ugcLink(postHref(m.url), undefined, t('video', { text: alt }))),
          ),
        );
      }),
    );
  const article = el(
    'article',
    { part: 'post', tabindex: '0', 'aria-labelledby': `${id}a` },
    el(
      'header',
      {},
      avatar && el('img', { class: 'avatar', alt: '', width: '48', height: '48', ...LAZY, src: avatar }),
      el(
        'span',
        { class: 'who' },
        // Name and handle are one link: one large target, with no gap after a short name.
        ugcLink(
          postHref(p.author.url),
          'author',
          el('bdi', { class: 'name', id: `${id}a` }, cleanName(p.author.name) || cleanName(p.author.handle)),
          el('span', { class: 'handle' }, el('bdi', {}, cleanName(p.author.handle))),
        ),
        role && el('span', { class: 'badge', part: 'badge', dir: 'auto' }, role),
      ),
      ugcLink(postHref(p.url), 'when', time),
    ),
    (p.boostOf || p.replyTo) && el('p', { class: 'kind' }, t(p.boostOf ? 'boost' : 'reply')),
    button &&
      el(
        'div',
        { class: 'cw' },
        el('p', { id: `${id}w`, dir: 'auto' }, p.contentWarning ? t('cw', { text: p.contentWarning }) : t('sensitive')),
        button,
      ),
    content,
  );
  let at: number, size: number, open: boolean, when: string, kids: (Node | string)[] | undefined;
  return {
    item,
    ctx,
    el: article,
    update(i, n, opened, now = Date.now()) {
      if (at !== (at = i)) article.setAttribute('aria-posinset', String(i + 1));
      if (size !== (size = n)) article.setAttribute('aria-setsize', String(n));
      if (when !== (when = relativeTime(locale, date, now))) time.textContent = when;
      if (open === (open = !warned || opened.has(p.url))) return;
      content.hidden = !open;
      content.replaceChildren(...(open ? (kids ??= [...contentNodes(item.nodes), ...(media ? [media] : [])]) : []));
      if (button) {
        button.setAttribute('aria-expanded', String(open));
        button.textContent = t(open ? 'hide' : 'show');
      }
    },
  };
}
