// Mastodon hashtag timelines for the pipeline: one Source per server, each with its own cursor. The mapping
// from a Status to a Post and the Link parsing are the widget's (src/sources/mastodon.ts).
import { mapMastodon, mastodonUrl, nextLink } from '../../sources/mastodon.js';
import type { Post } from '../../sources/posts.js';
import type { Source, SourceContext, SourceResult } from '../types.js';
import type { MastodonSourceConfig } from './schemas.js';
import { ensureDom, storedPost } from './html.js';
import { pageFailed, readJson, stoppedAtLimit } from './xrpc.js';

/** Mastodon ids are numeric strings (snowflakes) longer than a double can hold: compared by length, then text. */
export const compareIds = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

const bareTag = (tag: string) => tag.replace(/^#/, '');

/** `mastodon:mastodon.social#bcsm`. */
export const mastodonSourceId = (instance: string, tag: string): string =>
  `mastodon:${new URL(instance).host}#${bareTag(tag).toLowerCase()}`;

/** One Source per configured server. */
export function mastodonSources(config: MastodonSourceConfig, hashtag: string): Source[] {
  return config.instances.map((instance) => mastodonSource(instance, config.hashtag ?? hashtag, config.limit));
}

/**
 * The hashtag timeline of one server, newest first. The cursor is the newest status id seen: the next run asks
 * only for newer posts (`since_id`, added to every page, as Mastodon's own `Link` pages carry only `max_id`)
 * and pages back through `Link` rel="next" until it reaches the cursor or the limit. Reaching the limit with
 * a cursor leaves a gap (older new posts are not read): that is said in the warnings. `since_id`, not `min_id`:
 * min_id answers with the posts just after the cursor (the oldest new ones) and pages forward, so a run cut
 * short by the limit would publish hours-old posts and miss the newest; since_id answers newest first.
 */
export function mastodonSource(instance: string, hashtag: string, sourceLimit?: number): Source {
  const tag = bareTag(hashtag);
  const origin = new URL(instance).origin;
  const host = new URL(instance).host;
  return {
    id: mastodonSourceId(instance, tag),
    async collect(context: SourceContext): Promise<SourceResult> {
      ensureDom();
      const limit = sourceLimit ?? context.limit;
      const since = context.cursor && /^\d+$/.test(context.cursor) ? context.cursor : undefined;
      const warnings: string[] = [];
      const posts: Post[] = [];
      let newest = since;
      let url: string | undefined = withSince(mastodonUrl(origin, tag), since);
      let page = 0;
      let reachedCursor = !since;
      while (url && posts.length < limit) {
        page++;
        let statuses: unknown[];
        let link: string | null;
        try {
          const answer = await readJson(context, url, {
            what: `${host}'s #${tag} timeline`,
            notPublic: `${host} does not share its hashtag timelines publicly`,
          });
          if (!Array.isArray(answer.data)) throw new Error(`${host}: the answer is not a list of posts (is this a Mastodon server?).`);
          statuses = answer.data;
          link = answer.headers.get('link');
        } catch (error) {
          // The first page failing fails the source; a later one keeps what was read, but not the cursor it
          // reached: the posts on the pages not read are older than it, and a run from it would never ask for them.
          if (page === 1) throw error;
          newest = since;
          warnings.push(pageFailed(error, page, posts.length));
          break;
        }
        if (!statuses.length) {
          reachedCursor = true;
          break;
        }
        const fresh = statuses.filter((s) => {
          const id = (s as { id?: unknown } | null)?.id;
          return typeof id === 'string' && (!since || compareIds(id, since) > 0);
        });
        for (const s of fresh) {
          const id = (s as { id: string }).id;
          if (!newest || compareIds(id, newest) > 0) newest = id;
        }
        const room = limit - posts.length;
        const mapped = mapMastodon(fresh.slice(0, room), origin, (m) => warnings.push(m));
        posts.push(...mapped.map(storedPost));
        context.progress(`${host}: page ${page}, ${posts.length} posts`);
        // The limit cut this page short: its older new posts are not read (whether or not the page reaches the cursor).
        if (fresh.length > room) break;
        if (fresh.length < statuses.length) {
          reachedCursor = true;
          break;
        }
        url = withSince(nextLink(link, origin), since);
        if (!url) reachedCursor = true;
      }
      if (since && !reachedCursor) warnings.push(stoppedAtLimit(host, limit));
      return { posts, ...(newest ? { cursor: newest } : {}), warnings };
    },
  };
}

function withSince(url: string | undefined, since: string | undefined): string | undefined {
  if (!url || !since) return url;
  const u = new URL(url);
  u.searchParams.set('since_id', since);
  return u.href;
}
