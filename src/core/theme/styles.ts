import { css } from '../css.js';

/**
 * Global tokens (public, documented): `--care-color-*`, `--care-font-*`, `--care-radius`, `--care-space`.
 * Each widget maps them to private `--_*` locals, so a page can theme all widgets at once or one at a time.
 * Light values are the defaults; `theme="dark"` and `theme="auto"` (dark when the OS prefers it) swap them.
 * The widget itself is transparent unless `--care-color-background` is set: `--_bg` fills fields and
 * buttons only, so a widget on a dark card shows the card, not a box of another dark.
 */
const dark = css`
  --_bg: var(--care-color-background, #12161b);
  --_surface: var(--care-color-surface, #1f262e);
  --_text: var(--care-color-text, #eef1f4);
  --_muted: var(--care-color-muted, #b8c2cc);
  --_border: var(--care-color-border, #76838f);
  --_accent: var(--care-color-accent, #8cc4ff);
  --_on-accent: var(--care-color-on-accent, #0b1d30);
  --_danger: var(--care-color-danger, #ffb4ab);
  --_success: var(--care-color-success, #8fd9a8);
  color-scheme: dark;
`;

export const themeStyles = css`
  :host {
    --_bg: var(--care-color-background, #ffffff);
    --_surface: var(--care-color-surface, #f4f6f8);
    --_text: var(--care-color-text, #1d2329);
    --_muted: var(--care-color-muted, #4c5866);
    --_border: var(--care-color-border, #8a96a3);
    --_accent: var(--care-color-accent, #005eb8);
    --_on-accent: var(--care-color-on-accent, #ffffff);
    --_danger: var(--care-color-danger, #b3261e);
    --_success: var(--care-color-success, #1e6b34);
    --_focus: var(--care-color-focus, #ffbf47);
    --_radius: var(--care-radius, 0.5rem);
    --_space: var(--care-space, 1rem);
    --_font: var(--care-font-family, inherit);
    --_size: var(--care-font-size, 1rem);
    --_target: var(--care-target-size, 2.75rem);
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.5;
    color: var(--_text);
    /* The host page's own background shows through (a dark card stays its own colour); the token still paints. */
    background: var(--care-color-background, transparent);
    color-scheme: light;
    overflow-wrap: anywhere;
    text-align: start;
  }
  /* NHS.UK's type scale: 19px body text on wider screens, 16px on phones (the token overrides both). */
  @media (min-width: 40.0625em) {
    :host {
      --_size: var(--care-font-size, 1.1875rem);
    }
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--_text);
  }
  button,
  .button {
    font: inherit;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding-block: 0.5em;
    padding-inline: 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_accent);
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    text-decoration: none;
    line-height: 1.2;
  }
  summary {
    display: list-item;
    min-block-size: var(--_target);
    padding-block: 0.6em;
    line-height: 1.4;
    cursor: pointer;
  }
  button.primary,
  .button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button:hover,
  .button:hover {
    text-decoration: underline;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .panel {
    border: 2px solid var(--_border);
    border-inline-start-width: 0.4rem;
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
    margin-block: calc(var(--_space) * 0.5);
    background: var(--_surface);
  }
  .panel.error {
    border-color: var(--_danger);
  }
  .panel ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    button,
    .button,
    .panel {
      border-color: ButtonText;
    }
    button.primary,
    .button.primary {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
  @media print {
    :host {
      color: #000;
      background: #fff;
    }
    button {
      display: none;
    }
  }
`;
