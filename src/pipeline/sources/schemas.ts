// The `sources` of carecircle.pipeline.json, one schema per `type`. The doc comment above each key is its
// description in the pipeline's JSON Schema and the README's reference.
import * as z from 'zod/mini';
import { between, matching } from '../../core/config/checks.js';
import { text } from '../../core/config/schema.js';

/**
 * A server's address: https, no path. Plain http only for this machine (127.0.0.1, localhost), which the
 * tests and the bundled example use; a public server is always reached over https.
 */
export const serverOrigin = () =>
  matching(
    /^(https:\/\/[^/\s?#@]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?)\/?$/,
    'Must be a server address like https://mastodon.social (https, nothing after the host name).',
    (v) => {
      try {
        return new URL(v).pathname === '/';
      } catch {
        return false;
      }
    },
  );

const hashtag = () =>
  z.string().check(z.regex(/^#?[\p{L}\p{N}_]+$/u, 'A hashtag is letters, digits or _ (the # is optional), like "bcsm".'));
const envName = () => matching(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Must be the name of an environment variable, like CARECIRCLE_BSKY_HANDLE.');
const limit = () => z.optional(between(1, 100000, true));

export const mastodonSourceSchema = z.strictObject({
  type: z.literal('mastodon'),
  /**
   * Mastodon servers whose public hashtag timeline is read (`GET /api/v1/timelines/tag/{hashtag}`), like
   * `["https://mastodon.social", "https://mastodon.online"]`. Each server is its own source: its own cursor
   * (the newest post seen), its own status line, and it fails alone.
   */
  instances: z.array(serverOrigin()).check(z.minLength(1)),
  /** The hashtag to read on these servers, when it is not the pipeline's own `hashtag` (the # is optional). */
  hashtag: z.optional(hashtag()),
  /** Most new posts read from each server in one run (default: the pipeline's limit). */
  limit: limit(),
});

export const blueskySearchSourceSchema = z.strictObject({
  type: z.literal('bluesky-search'),
  /** What to search for with `app.bsky.feed.searchPosts`, like `#bcsm` or `"breast cancer" #bcsm`; newest posts first. */
  query: text(),
  /** The environment variable that holds the Bluesky handle to log in with (a login is required for search since 2025). */
  handleEnv: z._default(envName(), 'CARECIRCLE_BSKY_HANDLE'),
  /**
   * The environment variable that holds an app password for that handle (Bluesky → Settings → Privacy and
   * security → App passwords). Never the account's main password; the pipeline never writes it anywhere.
   */
  passwordEnv: z._default(envName(), 'CARECIRCLE_BSKY_APP_PASSWORD'),
  /** The account's Bluesky server (PDS), which logs in and answers the search. */
  service: z._default(serverOrigin(), 'https://bsky.social'),
  /** Only posts in this language, like `en` or `es`. */
  lang: z.optional(matching(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Must be a language tag such as "en" or "pt-BR".')),
  /** Most new posts read in one run (default: the pipeline's limit). */
  limit: limit(),
});

export const blueskyFeedSourceSchema = z.strictObject({
  type: z.literal('bluesky-feed'),
  /** A Bluesky feed, `at://did:…/app.bsky.feed.generator/…`, read with `app.bsky.feed.getFeed` (no login). */
  feed: matching(
    /^at:\/\/[^/\s]+\/app\.bsky\.feed\.generator\/[^/\s]+$/,
    'Must be a feed generator address, like at://did:plc:…/app.bsky.feed.generator/….',
  ),
  /** The Bluesky AppView that serves the feed. */
  service: z._default(serverOrigin(), 'https://public.api.bsky.app'),
  /** Most posts read in one run (default: the pipeline's limit). */
  limit: limit(),
});

/** The CSV columns a post is read from, by the name of each column's header. */
export const csvColumnsSchema = z.strictObject({
  /** The post's id (default column `id`; when there is no such column, the post's address is its id). */
  id: z.optional(text()),
  /** The post's own page, https (default column `url`). */
  url: z.optional(text()),
  /** When it was posted, ISO 8601 like `2026-11-28T09:30:00Z` (default column `createdAt`). */
  createdAt: z.optional(text()),
  /** The author's name as shown (default column `authorName`). */
  authorName: z.optional(text()),
  /** The author's account, `@user@host` (default column `authorHandle`). */
  authorHandle: z.optional(text()),
  /** The author's profile page, https (default column `authorUrl`). */
  authorUrl: z.optional(text()),
  /** The author's picture, https (default column `authorAvatar`). */
  authorAvatar: z.optional(text()),
  /** The post as plain text (default column `text`). */
  text: z.optional(text()),
  /** The post's language tag, like `en` (default column `language`). */
  language: z.optional(text()),
  /** A content warning the post stays folded behind (default column `contentWarning`). */
  contentWarning: z.optional(text()),
  /** One picture's address, https (default column `imageUrl`). */
  imageUrl: z.optional(text()),
  /** That picture's description for people who cannot see it (default column `imageAlt`). */
  imageAlt: z.optional(text()),
});

export const fileSourceSchema = z.strictObject({
  type: z.literal('file'),
  /** A file a comms team exported, relative to the pipeline config: CSV with a header row, or JSON (a list of posts, or `{ "posts": […] }`). */
  path: text(),
  /** `csv` or `json`; read from the file name's extension when left out. */
  format: z.optional(z.enum(['csv', 'json'])),
  /** For CSV: which column holds what, when the headers are not CareCircle's own names (`{ "text": "Message", "url": "Link" }`). */
  columns: z.optional(csvColumnsSchema),
});

/** One entry of the pipeline config's `sources`, told apart by `type`. */
export const sourceConfigSchema = z.discriminatedUnion('type', [
  mastodonSourceSchema,
  blueskySearchSourceSchema,
  blueskyFeedSourceSchema,
  fileSourceSchema,
]);

export type MastodonSourceConfig = z.output<typeof mastodonSourceSchema>;
export type BlueskySearchSourceConfig = z.output<typeof blueskySearchSourceSchema>;
export type BlueskyFeedSourceConfig = z.output<typeof blueskyFeedSourceSchema>;
export type FileSourceConfig = z.output<typeof fileSourceSchema>;
export type CsvColumns = z.output<typeof csvColumnsSchema>;
export type SourceConfig = z.output<typeof sourceConfigSchema>;
export type SourceConfigInput = z.input<typeof sourceConfigSchema>;
