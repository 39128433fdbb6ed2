import { postHref } from '../core/sanitize.js';
import { fetchJson, FetchError } from '../core/fetch.js';
import { validPosts, type Post, type SkipWarning } from './posts.js';

/** The parts of a Mastodon `Status` we read (the rest of its ~40 fields are ignored). */
interface Status {
  id: string;
  created_at: string;
  url?: string | null;
  uri?: string;
  in_reply_to_id?: string | null;
  sensitive?: boolean;
  spoiler_text?: string;
  language?: string | null;
  content?: string;
  reblog?: Status | null;
  account?: { acct: string; username?: string; display_name?: string; url?: string; avatar_static?: string };
  media_attachments?: { type: string; url?: string | null; preview_url?: string | null; description?: string | null }[];
}

const host = (url: string): string => new URL(url).host;

/** `drsmith` (a local user) → `@drsmith@instance.host`; `ann@other.example` → `@ann@other.example`. */
export function mastodonHandle(acct: string, instance: string): string {
  const bare = acct.replace(/^@/, '');
  return `@${bare.includes('@') ? bare : `${bare}@${host(instance)}`}`.toLowerCase();
}

function mapStatus(s: Status, instance: string): unknown {
  const original = s.reblog ?? s;
  const a = original.account;
  const avatar = postHref(a?.avatar_static);
  return {
    id: s.id,
    url: original.url ?? original.uri,
    createdAt: original.created_at,
    author: a && {
      name: a.display_name || a.username || a.acct,
      handle: mastodonHandle(a.acct, instance),
      url: a.url,
      ...(avatar ? { avatar } : {}),
    },
    html: original.content ?? '',
    media: (original.media_attachments ?? [])
      .map((m) => ({
        url: postHref(m.type === 'image' ? (m.preview_url ?? m.url) : (m.url ?? m.preview_url)),
        alt: m.description ?? undefined,
        type: m.type,
      }))
      .filter((m) => m.url && m.type !== 'unknown'),
    sensitive: !!original.sensitive,
    ...(original.spoiler_text ? { contentWarning: original.spoiler_text } : {}),
    ...(original.language ? { language: original.language } : {}),
    ...(original.in_reply_to_id ? { replyTo: original.in_reply_to_id } : {}),
    ...(s.reblog ? { boostOf: s.reblog.id } : {}),
  };
}

/**
 * Maps a `GET /api/v1/timelines/tag/:hashtag` body to Posts; bad statuses are skipped with a warning. A status
 * whose fields are not what the API says (`media_attachments: [null]`, a number for `acct`) goes to validPosts as it
 * came, to be named and skipped: one bad status never costs the others.
 */
export function mapMastodon(statuses: unknown, instance: string, warn?: SkipWarning): Post[] {
  if (!Array.isArray(statuses)) throw new Error('The answer has no list of posts.');
  return validPosts(
    statuses.map((s) => {
      try {
        return mapStatus(s as Status, instance);
      } catch {
        return s;
      }
    }),
    `mastodon ${host(instance)}`,
    warn,
  );
}

/** The `rel="next"` address of a `Link` header, only when it stays on the same server. */
export function nextLink(link: string | null, instance: string): string | undefined {
  const match = link?.match(/<([^>]+)>\s*;\s*rel="?next"?/);
  if (!match) return undefined;
  try {
    const url = new URL(match[1]!, instance);
    return url.origin === new URL(instance).origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export const mastodonUrl = (instance: string, hashtag: string): string =>
  new URL(`/api/v1/timelines/tag/${encodeURIComponent(hashtag)}?limit=40`, instance).href;

/**
 * One page of a hashtag timeline. 401, 403 and 422 mean the server does not share its timelines without a
 * login (`notPublic`); an empty list just means no posts yet.
 */
export async function fetchMastodon(
  instance: string,
  hashtag: string,
  { page, signal }: { page?: string; signal?: AbortSignal } = {},
): Promise<{ posts: Post[]; next?: string }> {
  let response;
  try {
    response = await fetchJson(page ?? mastodonUrl(instance, hashtag), { signal });
  } catch (error) {
    if (error instanceof FetchError && (error.status === 401 || error.status === 403 || error.status === 422)) {
      throw new FetchError('notPublic', `${host(instance)} does not share its hashtag timelines publicly.`, error.status);
    }
    throw error;
  }
  return { posts: mapMastodon(response.data, instance), next: nextLink(response.headers.get('link'), instance) };
}
