import type { Catalogues } from '../../core/i18n/messages.js';

/**
 * The feed's words in English (config `messages` may override any key), in plain words. What only its later code
 * shows (the consent gate, a removed post) comes with that code (later.ts); language files carry them all.
 */
export const messages: Catalogues = {
  en: {
    feed: 'Posts tagged #{tag}',
    disclaimer: 'These posts are from the public. They are not medical advice. Ask your care team about your own care.',
    more: 'Show more posts',
    fresh_one: 'Show {count} new post',
    fresh_other: 'Show {count} new posts',
    noPosts: 'No posts for #{tag} yet.',
    empty: 'No posts to show yet.',
    show: 'Show post',
    hide: 'Hide post',
    cw: 'Before you read: {text}',
    sensitive: 'This post may upset some people.',
    noAlt: 'A picture with no description',
    video: 'Video: {text}',
    audio: 'Sound recording: {text}',
    noDescription: 'No description',
    boost: 'Shared post',
    reply: 'Reply',
    postsFailed: 'We could not get posts from {name}. {reason}',
    // Why a source failed is the core's `fetch_<code>` sentence, after postsFailed; the feed words three its own
    // way (it names the hashtag, retries by itself, and shows the status).
    fetch_notPublic: 'It does not share #{tag} with the public.',
    fetch_busy: 'It is busy. We will try again later.',
    fetch_http: 'It had a problem (error {status}).',
    saved: 'These posts were saved {age}.',
    curated: 'our selected posts',
  },
};
