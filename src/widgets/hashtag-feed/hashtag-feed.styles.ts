import { css } from '../../core/css.js';

export const feedStyles = css`
  :host {
    --_gap: var(--care-hashtag-feed-gap, 0.75rem);
    --_avatar: var(--care-hashtag-feed-avatar-size, 3rem);
    --_badge: var(--care-hashtag-feed-badge-color, var(--_accent));
    /* A short post's height (avatar row and two lines), for the loading cards and posts not yet laid out. */
    --_post: calc(var(--_avatar) + 5.5rem);
  }
  [role='feed'],
  .media,
  .skeleton {
    display: grid;
    gap: var(--_gap);
    padding: 0;
    margin: 0;
  }
  article,
  .skeleton > * {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
  }
  /* Posts off screen are in the DOM but laid out and painted only as they come near it; until then each holds
     the height it last had, or an estimate of one post's. */
  article {
    content-visibility: auto;
    contain-intrinsic-block-size: auto var(--_post);
    min-inline-size: 0;
    scroll-margin-block-start: calc(var(--_target) + var(--_gap));
  }
  /* Loading: cards the size of a short post, where the posts will be. */
  .skeleton > * {
    block-size: var(--_post);
    margin: 0;
  }
  header,
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.6rem;
  }
  .who {
    flex: 1 1 12rem;
    align-items: baseline;
  }
  .avatar {
    flex: none;
    object-fit: cover;
    inline-size: var(--_avatar);
    block-size: var(--_avatar);
    border-radius: 50%;
  }
  .name {
    font-weight: 700;
  }
  .author,
  .when {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 0.6rem;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
  }
  .author .handle {
    text-decoration: underline;
  }
  .handle,
  .when,
  .kind,
  .disclaimer,
  .notice,
  figcaption {
    color: var(--_muted);
    /* Secondary text is smaller only where the body text is large: never below 16px. */
    font-size: max(0.9em, 1rem);
  }
  .badge {
    background: var(--_badge);
    color: var(--_on-accent);
    border-radius: 1em;
    padding-inline: 0.6em;
    font-size: max(0.85em, 1rem);
    font-weight: 600;
  }
  p {
    margin-block: 0.4em;
  }
  .ellipsis::after {
    content: '…';
  }
  .media {
    list-style: none;
    margin-block-start: 0.5em;
    grid-template-columns: repeat(auto-fill, minmax(min(9rem, 100%), 1fr));
  }
  figure {
    margin: 0;
  }
  /* Sources rarely give an image's size: its box is 4:3 before it loads, and the picture fits inside it
     whole (not cropped: it may matter), so nothing moves when it arrives. */
  figure img {
    display: block;
    inline-size: 100%;
    aspect-ratio: 4 / 3;
    max-block-size: 20rem;
    object-fit: contain;
    border-radius: calc(var(--_radius) / 2);
  }
  .notice {
    border-inline-start: 0.25rem solid var(--_border);
    padding-inline-start: 0.5rem;
  }
  /* "N new posts" floats over the top of the list (no height of its own), so its arrival moves no post (its button's
     own styles come with it: later.ts). */
  .fresh {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    block-size: 0;
    text-align: center;
  }
  .disclaimer {
    margin-block-end: var(--_gap);
  }
  .more {
    margin-block-start: var(--_gap);
    inline-size: 100%;
  }
  @media (forced-colors: active) {
    .badge {
      border: 1px solid;
    }
  }
`;
