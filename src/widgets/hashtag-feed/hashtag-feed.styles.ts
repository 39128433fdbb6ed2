import { css } from 'lit';

export const feedStyles = css`
  :host {
    --_gap: var(--care-hashtag-feed-gap, 0.75rem);
    --_avatar: var(--care-hashtag-feed-avatar-size, 3rem);
    --_badge: var(--care-hashtag-feed-badge-color, var(--_accent));
  }
  [role='feed'],
  .media {
    display: grid;
    gap: var(--_gap);
    padding: 0;
    margin: 0;
  }
  article {
    min-inline-size: 0;
    scroll-margin-block-start: calc(var(--_target) + var(--_gap));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
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
  .invisible {
    display: none;
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
  figure img {
    display: block;
    inline-size: 100%;
    max-block-size: 20rem;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
  }
  .notice {
    border-inline-start: 0.25rem solid var(--_border);
    padding-inline-start: 0.5rem;
  }
  .fresh:not(:empty) {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    text-align: center;
  }
  .fresh:not(:empty),
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
