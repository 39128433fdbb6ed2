// `carecircle add <url…>`: posts imported by their address (a comms team saw one worth sharing). They go through
// the same rules as collected posts, so a blocked account or a duplicate is caught here too. Auto-approval, a rule
// by author, applies only where the server that answered can vouch for the author (sources/by-url.ts
// `confirmsAuthor`): a Mastodon server in an address is believed about its own accounts only.
import type { Post } from '../sources/posts.js';
import type { LoadedConfig } from './config.js';
import { keyOf, type FileStore } from './state/store.js';
import { judge, misinformationPhrases, type Rules } from './rules.js';
import { indexStored, newRecord } from './collect.js';
import { storedPost } from './sources/html.js';
import { confirmsAuthor, recordedUrl } from './sources/by-url.js';
import { byAuthor } from '../core/moderation.js';

/** Fetches one post by its address: the post, `gone` when its server says it does not exist; throws on other failures. */
export type Importer = (url: string) => Promise<Post | 'gone'>;

export interface AddResult {
  url: string;
  key?: string;
  message?: string;
  error?: string;
}

/** The source id posts added by hand are recorded under. */
export const ADDED = 'add';

export async function addPosts(o: {
  loaded: LoadedConfig;
  store: FileStore;
  actor: string;
  urls: string[];
  importer: Importer;
}): Promise<AddResult[]> {
  const fetched: { url: string; post?: Post; confirmed?: boolean; error?: string }[] = [];
  for (const url of o.urls) {
    try {
      const post = await o.importer(url);
      fetched.push(
        post === 'gone'
          ? { url, error: 'its server says this post does not exist (deleted, or not public)' }
          : { url, post: { ...storedPost(post), url: recordedUrl(url, post) }, confirmed: confirmsAuthor(url, post) },
      );
    } catch (e) {
      fetched.push({ url, error: (e as Error).message });
    }
  }
  const rules = o.loaded.config.rules as Rules;
  const phrases = misinformationPhrases(rules);
  // For a post whose author the answering server cannot vouch for: every rule but auto-approval.
  const unconfirmed: Rules = { ...rules, autoApprove: [] };
  return o.store.transaction('add', (tx) => {
    const duplicates = indexStored(tx.all().values());
    return fetched.map(({ url, post, confirmed, error }): AddResult => {
      if (!post) return { url, error };
      const key = keyOf(post.url);
      const existing = tx.get(key);
      if (existing) return { url, key, message: `already collected (${existing.state}${existing.pinned ? ', pinned' : ''})` };
      const verdict = judge(post, confirmed ? rules : unconfirmed, phrases, duplicates.claim(post, key));
      if (!confirmed && verdict.state === 'pending' && byAuthor(rules.autoApprove, post))
        verdict.reason = `auto-approve needs the post's address on its author's own server, ${post.author.handle.split('@').pop()}`;
      tx.put(newRecord(post, ADDED, verdict, o.actor, tx.now()));
      tx.audit({ actor: o.actor, action: 'add', key, url: post.url, to: verdict.state, ...(verdict.reason && { reason: verdict.reason }) });
      return {
        url,
        key,
        message:
          verdict.state === 'pending'
            ? `added; waiting for review${verdict.reason ? ` (${verdict.reason})` : ''}`
            : `added; ${verdict.state} (${verdict.reason})`,
      };
    });
  });
}
