import { fetchJson } from '../core/fetch.js';
import { postHref, type SafeNode } from '../core/sanitize.js';
import { validPosts, type Post, type SkipWarning } from './posts.js';
import { isDateTime } from '../core/config/rules.js';

interface Label {
  val: string;
  /** Who applied it (a labeler's or the author's DID). */
  src?: string;
  /** A negation: it withdraws an earlier label of the same value from the same labeler. */
  neg?: boolean;
}
interface Author {
  did: string;
  handle: string;
  displayName?: string;
  avatar?: string;
  labels?: Label[];
}
interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: { $type: string; uri?: string; did?: string; tag?: string }[];
}
interface Image {
  thumb?: string;
  fullsize?: string;
  alt?: string;
}
interface Embed {
  $type: string;
  images?: Image[];
  media?: Embed;
  thumbnail?: string;
  alt?: string;
}
interface PostView {
  uri: string;
  author: Author;
  record: {
    text?: string;
    facets?: Facet[];
    createdAt: string;
    langs?: string[];
    reply?: { parent?: { uri: string } };
    labels?: { values?: Label[] };
  };
  /** When the AppView indexed the post (set by Bluesky, unlike `record.createdAt`). */
  indexedAt?: string;
  embed?: Embed;
  labels?: Label[];
}
interface FeedItem {
  post: PostView;
  reason?: { $type: string; by?: Author };
}

// Moderation labels (https://docs.bsky.app/docs/advanced-guides/moderation; the values of atproto's LABELS and of
// Bluesky's moderation service, which the public AppView applies), taken as a cautious page for logged-out readers
// would. HIDE drops the post: labels whose default setting is hide (a moderator's `!hide`, an author who opted out of
// logged-out viewing, spam, scams, threats…), and sexual content, which bsky.app hides from logged-out readers. WARN
// folds it behind a warning: labels whose default is warn or that blur, and nudity and graphic media, which bsky.app
// also hides from logged-out readers but which in patients' communities are often medical (a port's incision, a
// mastectomy scar). `gore` is graphic-media's former name. Other values (badges, unknown labelers') change nothing.
const HIDE =
  /^(!hide|!no-unauthenticated|porn|sexual|sexual-figurative|spam|impersonation|scam|security|threat|unsafe-link|illicit|rude|extremist|engagement-farming|inauthentic)$/;
const WARN = /^(!warn|nudity|graphic-media|gore|self-harm|sensitive|intolerant|misleading|misinformation|rumor)$/;

/** The values of a list of labels still in force: a negation withdraws the same labeler's earlier label. */
function activeLabels(list: unknown): string[] {
  const on = new Map<string, string>();
  if (Array.isArray(list))
    for (const l of list as (Label | null)[])
      if (typeof l?.val == 'string') {
        const key = `${l.src} ${l.val}`;
        if (l.neg) on.delete(key);
        else on.set(key, l.val);
      }
  return [...on.values()];
}

const isTime = (t: unknown): t is string => typeof t === 'string' && isDateTime(t);

/**
 * When Bluesky sorts a post: the earlier of when it says it was written and when it was indexed (a post may claim
 * any `createdAt`, even one decades ahead, which would keep it on top of the feed). Undefined when neither is a date.
 */
export function sortAt(view: unknown): string | undefined {
  const v = view as { indexedAt?: unknown; record?: { createdAt?: unknown } } | null;
  return [v?.record?.createdAt, v?.indexedAt].filter(isTime).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

const web = 'https://bsky.app';

/**
 * Bluesky text with its facets as safe nodes, built directly (no markup is written or parsed). Facet ranges
 * count UTF-8 bytes, not UTF-16 code units, so the text is sliced as bytes; overlapping or out-of-range
 * facets, and links that are not absolute http(s), stay plain text.
 */
export function facetsToNodes(text: string, facets?: unknown): SafeNode[] {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const kids: SafeNode[] = [];
  const push = (a: number, b: number) =>
    decoder
      .decode(bytes.subarray(a, b))
      .split('\n')
      .forEach((line, i) => kids.push(...(i ? [{ tag: 'br' as const, kids: [] }] : []), ...(line ? [line] : [])));
  let at = 0;
  // Facets come as the author's client wrote them: a list that is not one, or an entry without a range or a list
  // of features, is left out (its text stays plain) rather than failing the page.
  const usable = (Array.isArray(facets) ? (facets as (Facet | null)[]) : []).filter(
    (f): f is Facet => typeof f?.index?.byteStart == 'number' && typeof f.index.byteEnd == 'number' && Array.isArray(f.features),
  );
  for (const f of usable.sort((a, b) => a.index.byteStart - b.index.byteStart)) {
    const { byteStart: s, byteEnd: e } = f.index;
    if (!(s >= at && e > s && e <= bytes.length)) continue;
    const feature = f.features[0];
    const target =
      feature?.$type === 'app.bsky.richtext.facet#link'
        ? feature.uri
        : feature?.$type === 'app.bsky.richtext.facet#mention'
          ? `${web}/profile/${feature.did}`
          : feature?.$type === 'app.bsky.richtext.facet#tag'
            ? `${web}/hashtag/${encodeURIComponent(feature.tag ?? '')}`
            : undefined;
    if (!target) continue;
    // A facet we know claims its range even when its address is unsafe: that text stays whole, as plain text.
    const href = postHref(target);
    push(at, s);
    if (href) kids.push({ tag: 'a', href, kids: [decoder.decode(bytes.subarray(s, e))] });
    else push(s, e);
    at = e;
  }
  push(at, bytes.length);
  return [{ tag: 'p', kids }];
}

const media = (embed?: Embed): { url?: string; alt?: string; type: string }[] => {
  if (!embed) return [];
  if (embed.images) return embed.images.map((i) => ({ url: i.thumb ?? i.fullsize, alt: i.alt || undefined, type: 'image' }));
  if (embed.thumbnail) return [{ url: embed.thumbnail, alt: embed.alt || undefined, type: 'video' }];
  return media(embed.media);
};

function mapItem({ post, reason }: FeedItem): unknown {
  // The author's account labels, the post's, and the record's self-labels.
  const labels = [post.author?.labels, post.labels, post.record?.labels?.values].flatMap(activeLabels);
  if (labels.some((l) => HIDE.test(l))) return undefined;
  const a = post.author;
  const rkey = post.uri?.split('/').pop();
  const handle = a?.handle && a.handle !== 'handle.invalid' ? a.handle : a?.did;
  return {
    id: post.uri,
    url: `${web}/profile/${handle}/post/${rkey}`,
    // A `createdAt` that is no date is passed on as it is, for validPosts to name in its warning.
    createdAt: isTime(post.record?.createdAt) ? sortAt(post) : post.record?.createdAt,
    author: a && {
      name: a.displayName || a.handle,
      handle: `@${a.handle}`.toLowerCase(),
      url: `${web}/profile/${handle}`,
      ...(postHref(a.avatar) ? { avatar: postHref(a.avatar) } : {}),
    },
    text: post.record?.text ?? '',
    media: media(post.embed).flatMap((m) => (postHref(m.url) ? [{ ...m, url: postHref(m.url) }] : [])),
    sensitive: labels.some((l) => WARN.test(l)),
    ...(post.record?.langs?.[0] ? { language: post.record.langs[0] } : {}),
    ...(post.record?.reply?.parent?.uri ? { replyTo: post.record.reply.parent.uri } : {}),
    ...(reason?.$type === 'app.bsky.feed.defs#reasonRepost' ? { boostOf: post.uri } : {}),
  };
}

/**
 * Maps an `app.bsky.feed.getFeed` body to Posts, skipping posts whose labels hide them from logged-out readers. Each
 * post keeps its plain `text` (what the cache stores) and gets its links as safe `nodes`.
 */
export function mapGetFeed(body: unknown, warn?: SkipWarning): { posts: Post[]; cursor?: string } {
  const { feed, cursor } = (body ?? {}) as { feed?: unknown; cursor?: unknown };
  if (!Array.isArray(feed)) throw new Error('The answer has no list of posts.');
  const nodes = new Map<string, SafeNode[]>();
  const items = feed.flatMap((item) => {
    const view = item && typeof item === 'object' ? (item as FeedItem).post : undefined;
    if (!view) return [item]; // validPosts names it in its warning
    let post;
    try {
      post = mapItem(item as FeedItem);
      nodes.set(view.uri, facetsToNodes(view.record?.text ?? '', view.record?.facets));
    } catch {
      // A field that is not what the lexicon says (`embed.images` not a list, a tag no address can hold…): this post
      // is skipped, not the page.
      return [item];
    }
    return post === undefined ? [] : [post];
  });
  const posts = validPosts(items, 'bluesky-feed', warn).map((p) => ({ ...p, nodes: nodes.get(p.id) }));
  return { posts, ...(typeof cursor === 'string' && cursor ? { cursor } : {}) };
}

export const getFeedUrl = (service: string, feed: string, cursor?: string): string =>
  new URL(
    `/xrpc/app.bsky.feed.getFeed?feed=${encodeURIComponent(feed)}&limit=30${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    service,
  ).href;

/** One page of a feed generator's posts, without a login. */
export async function fetchBlueskyFeed(
  service: string,
  feed: string,
  { cursor, signal }: { cursor?: string; signal?: AbortSignal } = {},
): Promise<{ posts: Post[]; next?: string }> {
  const { data } = await fetchJson(getFeedUrl(service, feed, cursor), { signal });
  const { posts, cursor: next } = mapGetFeed(data);
  return { posts, ...(next ? { next } : {}) };
}
