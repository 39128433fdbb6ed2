import * as z from 'zod/mini';
import { commonFields, webUrl } from '../../core/config/schema.js';
import { postSchema } from '../../sources/posts.js';

const strings = () => z._default(z.array(z.string()), []);
const yes = () => z._default(z.boolean(), true);

export const hashtagFeedSchema = z.strictObject({
  ...commonFields,
  /** The hashtag, without or with its `#`: letters, digits and `_`. */
  hashtag: z.string().check(z.regex(/^#?[\p{L}\p{N}_]+$/u, 'A hashtag is letters, digits or _ (the # is optional), like "bcsm".')),
  sources: z.array(
    z.union([
      z.strictObject({ type: z.literal('mastodon'), instance: webUrl() }),
      z.strictObject({ type: z.literal('posts'), posts: z.array(postSchema) }),
      z.strictObject({ type: z.literal('snapshot'), url: webUrl() }),
      z.strictObject({
        type: z.literal('bluesky-feed'),
        feed: z.string().check(z.regex(/^at:\/\/[^/\s]+\/app\.bsky\.feed\.generator\/[^/\s]+$/, 'Must be a feed generator address, like at://did:plc:…/app.bsky.feed.generator/….')),
        service: z._default(webUrl(), 'https://public.api.bsky.app'),
      }),
    ]),
  ).check(z.minLength(1)),
  /** Posts shown at first and added by each "Load more". */
  limit: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
  /** Seconds between refreshes: 0 turns refresh off, otherwise at least 60. */
  refreshSeconds: z._default(z.number().check(z.int(), z.refine((v) => v === 0 || v >= 60, { message: 'Use 0 to turn refresh off, or at least 60 seconds.' })), 120),
  moderation: z.prefault(
    z.strictObject({
      blockAccounts: strings(),
      blockWords: strings(),
      allowAccounts: strings(),
      approvedIds: strings(),
      hideReplies: yes(),
      hideBoosts: yes(),
      languages: strings(),
    }),
    {},
  ),
  /** Badges by handle (`@user@host`, the `@` optional): "Breast surgeon", "Moderator". */
  roles: z._default(z.record(z.string(), z.string()), {}),
  /** The notice above the posts; `false` or "" hides it. */
  disclaimer: z.optional(z.union([z.string(), z.literal(false)])),
  /** `required`: show nothing and ask nothing of other servers until the reader agrees. */
  consent: z._default(z.literal(['none', 'required']), 'none'),
  /** Keep the last good posts in localStorage and show them, with their age, when every source fails. */
  cache: z._default(z.boolean(), false),
});

export type HashtagFeedConfig = z.output<typeof hashtagFeedSchema>;
export type FeedSource = HashtagFeedConfig['sources'][number];
