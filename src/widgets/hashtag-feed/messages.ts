import type { Catalogues } from '../../core/i18n/messages.js';

/**
 * The feed's words in English (config `messages` may override any key), in plain words. What only its later code
 * shows (the consent gate, a removed post, the "N new posts" button) comes with that code (later.ts), the saved posts'
 * note with theirs (cache.ts), and why a source failed with its own (failed.ts); language files carry them all.
 */
export const messages: Catalogues = {
  en: {
    feed: 'Posts tagged #{tag}',
    disclaimer: 'These posts are from the public. They are not medical advice. Ask your care team about your own care.',
    more: 'Show more posts',
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
  },
};
