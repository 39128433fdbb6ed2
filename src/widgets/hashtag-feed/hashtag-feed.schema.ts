import * as z from 'zod/mini';
import { rule } from '../../core/config/checks.js';
import { offOrAtLeast } from '../../core/config/rules.js';
import { commonFields, localText, serverUrl, webUrl, headingLevel } from '../../core/config/schema.js';
import { postSchema } from '../../sources/post.schema.js';

const strings = () => z._default(z.array(z.string()), []);
const yes = () => z._default(z.boolean(), true);

// The doc comment above each key is its description in the README's config reference.
export const hashtagFeedSchema = z.strictObject({
  ...commonFields,
  /** The hashtag, with or without its `#`: letters, digits and `_`, like "bcsm". */
  hashtag: z.string().check(z.regex(/^#?[\p{L}\p{N}_]+$/u, 'hashtag')),
  /** Where posts come from, merged newest first: `mastodon`, `posts` (curated, works offline), `snapshot`, `bluesky-feed`. Each fails alone. */
  sources: z
    .array(
      z.union([
        z.strictObject({
          type: z.literal('mastodon'),
          /** Mastodon server whose public hashtag timeline is read (`GET /api/v1/timelines/tag/{hashtag}`): its full address, like https://mastodon.social, or a path on this site (a proxy). */
          instance: serverUrl(),
        }),
        z.strictObject({
          type: z.literal('posts'),
          /** Curated posts in the config itself (`id`, `url`, `createdAt`, `author` {`name`, `handle`, `url`, `avatar`}, `text` or `html`, `media`, `sensitive`, `contentWarning`, `language`, `replyTo`, `boostOf`). A bad post is skipped. */
          posts: z.array(postSchema),
        }),
        z.strictObject({
          type: z.literal('snapshot'),
          /** Address of a snapshot file `{ "generatedAt", "posts": [Post] }`, fetched without cookies. */
          url: webUrl(),
        }),
        z.strictObject({
          type: z.literal('bluesky-feed'),
          /** A Bluesky feed generator, `at://did:…/app.bsky.feed.generator/…`, read with `app.bsky.feed.getFeed` (no login). */
          feed: z.string().check(
            // The message is a key of the config problems (core/config/issues.ts), worded and translated there.
            z.regex(/^at:\/\/[^/\s]+\/app\.bsky\.feed\.generator\/[^/\s]+$/, 'feedAddress'),
          ),
          /** The Bluesky AppView that serves the feed. */
          service: z._default(serverUrl(), 'https://public.api.bsky.app'),
        }),
      ]),
    )
    .check(z.minLength(1)),
  /** Posts shown at first, and added by each "Load more". */
  limit: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
  /** Seconds between refreshes (0 turns refresh off, otherwise at least 60). Paused while the tab is hidden; new posts wait behind an "N new posts" button. */
  refreshSeconds: z._default(
    rule(
      z.number().check(z.int()),
      offOrAtLeast,
      [60],
      { key: 'refreshSeconds', params: { minimum: 60 } },
      {
        anyOf: [{ const: 0 }, { minimum: 60 }],
      },
    ),
    120,
  ),
  /** Rules applied to every source before anything renders. */
  moderation: z.prefault(
    z.strictObject({
      /** Handles never shown (`@user@host` or `user@host`, any case), or a Bluesky account's DID (`did:plc:…`), which stays when its handle changes. */
      blockAccounts: strings(),
      /** Words or phrases that hide a post wherever they appear (text, content warning, name, alt text); whole words, ignoring case and accents. */
      blockWords: strings(),
      /** When not empty, only these handles (or Bluesky DIDs) are shown (a strict allowlist). */
      allowAccounts: strings(),
      /** When not empty, only posts with these ids or urls are shown (pre-moderation). */
      approvedIds: strings(),
      /** Hide replies. */
      hideReplies: yes(),
      /** Hide boosts and reposts. */
      hideBoosts: yes(),
      /** When not empty, only posts in these languages (`en` also matches `en-GB`); posts without a language are kept. */
      languages: strings(),
    }),
    {},
  ),
  /** Badges by handle (`@user@host`, the `@` optional), like "Breast surgeon" or "Moderator", so trusted accounts stand out. */
  roles: z._default(z.record(z.string(), localText()), {}),
  /** Optional heading above the posts (h2, or the level `headingLevel` gives). */
  heading: z.optional(localText()),
  /** The level of that heading, 2 to 6 (default: the `heading-level` attribute, else 2). */
  headingLevel: headingLevel(),
  /** The notice above the posts (a default "not medical advice" text shows when absent); `false` or "" hides it. */
  disclaimer: z.optional(z.union([localText(), z.literal(false)])),
  /** `required`: show a "Show posts from …" button and ask nothing of other servers until it is pressed. */
  consent: z._default(z.literal(['none', 'required']), 'none'),
  /** Keep the last good posts in localStorage and show them, with their age, when every source fails. */
  cache: z._default(z.boolean(), false),
});

/** A hashtag feed config as people write it (keys with defaults may be left out). */
export type HashtagFeedConfig = z.input<typeof hashtagFeedSchema>;
/** A hashtag feed config after validation, with every default filled in. */
export type ResolvedHashtagFeedConfig = z.output<typeof hashtagFeedSchema>;
export type FeedSource = ResolvedHashtagFeedConfig['sources'][number];
