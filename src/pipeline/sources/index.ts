// The pipeline's sources, made from the `sources` of carecircle.pipeline.json.
import type { Source } from '../types.js';
import type { SourceConfig } from './schemas.js';
import { mastodonSources } from './mastodon.js';
import { blueskyFeedSource, blueskySearchSource } from './bluesky.js';
import { fileSource } from './file.js';

export interface SourcesOptions {
  /** The pipeline's hashtag (a Mastodon source without its own `hashtag` reads this one). */
  hashtag: string;
  /** Where a file source's relative `path` starts: the pipeline config's folder (default: the working folder). */
  base?: string;
  /** Most posts a source reads in one run when its own config sets no `limit` (default: the collect run's limit). */
  limit?: number;
}

/** One Source per Mastodon server, Bluesky search or feed, and exported file. */
export function sourcesFrom(configs: readonly SourceConfig[], { hashtag, base, limit }: SourcesOptions): Source[] {
  return configs.flatMap((c): Source[] => {
    const config = { ...c, limit: ('limit' in c ? c.limit : undefined) ?? limit };
    switch (config.type) {
      case 'mastodon':
        return mastodonSources(config, hashtag);
      case 'bluesky-search':
        return [blueskySearchSource(config)];
      case 'bluesky-feed':
        return [blueskyFeedSource(config)];
      case 'file':
        return [fileSource(config, base)];
    }
  });
}

export {
  confirmsAuthor,
  exists,
  importPost,
  importUrl,
  importUrls,
  parsePostUrl,
  recordedUrl,
  GoneError,
  type Endpoints,
  type Existence,
  type FetchContext,
  type ImportResult,
} from './by-url.js';
export { reduceToHtml, serializeNodes, storedPost } from './html.js';
export { parseCsv, postsFromCsv, postsFromJson } from './file.js';
export { mastodonSource, mastodonSourceId, compareIds } from './mastodon.js';
export { BlueskySession, blueskyFeedSource, blueskySearchSource } from './bluesky.js';
export * from './schemas.js';
