import * as z from 'zod/mini';
import { text, webUrl } from '../core/config/schema.js';
import { matching } from '../core/config/checks.js';
import { isDateTime } from '../core/config/rules.js';

const optionalText = () => z.optional(z.string());

/**
 * CareCircle's own Post: what every source maps to, what curated `posts` and snapshot files contain.
 * `text` is plain text; `html` is reduced to a small allowlist before it renders.
 */
export const postSchema = z.strictObject({
  /** The post's id, unique within its source (a moderation `approvedIds` entry can name it). */
  id: text(),
  /** The post's own page (http or https), which its time links to. */
  url: webUrl(),
  /** When it was posted: an ISO 8601 date and time, like `2026-11-28T09:30:00Z`. */
  createdAt: matching(/^\d{4}-\d\d-\d\dT/, { key: 'dateTime' }, isDateTime),
  /** Who wrote it. */
  author: z.strictObject({
    /** The name shown (may be empty: the handle is shown then). */
    name: z.string(),
    /** The account, `@user@host` (shown, and matched by moderation and roles). */
    handle: text(),
    /** The author's profile page (https). */
    url: webUrl(),
    /** Address of the author's picture (https, or in a snapshot file relative to it; loaded lazily, without a referrer). */
    avatar: z.optional(webUrl()),
  }),
  /** The post as plain text (used when there is no `html`). */
  text: optionalText(),
  /** The post as HTML; only paragraphs, line breaks, links and mention spans are kept. */
  html: optionalText(),
  /** Pictures, videos or audio attached to the post. */
  media: z.optional(
    z.array(
      z.strictObject({
        /** Address of the media file (https, or in a snapshot file relative to it, as the pipeline's mirrored copies are). */
        url: webUrl(),
        /** Its description for people who cannot see it (alt text). */
        alt: optionalText(),
        /** What it is: `image`, `video`, `gifv` (a short looping video) or `audio`. */
        type: z._default(z.literal(['image', 'video', 'gifv', 'audio']), 'image'),
      }),
    ),
  ),
  /** The post may upset people: it stays folded behind a warning and a "Show" button until pressed. */
  sensitive: z.optional(z.boolean()),
  /** A content warning: the post stays folded behind it until opened. */
  contentWarning: optionalText(),
  /** The post's language tag, like `en` or `es-MX` (moderation `languages` filters by it). */
  language: optionalText(),
  /** The id or address of the post this one replies to (moderation `hideReplies` hides it). */
  replyTo: optionalText(),
  /** The id or address of the post this one boosts or reposts (moderation `hideBoosts` hides it). */
  boostOf: optionalText(),
});

/** The keys a post may have (a curated or snapshot post with any other is skipped). */
export const POST_KEYS: readonly string[] = Object.keys(postSchema.shape);
