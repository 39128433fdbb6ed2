import { css } from '../../core/css.js';

export const styles = css`
  .search {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
    margin-block-end: var(--_space);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    flex: 1 1 14em;
    min-inline-size: 0;
  }
  .near {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: end;
  }
  .near label {
    flex-basis: 100%;
  }
  label,
  legend,
  summary {
    font-weight: 600;
  }
  .hint,
  .n,
  .reviewed {
    color: var(--_muted);
    font-weight: 400;
  }
  .hint {
    margin: 0;
    flex-basis: 100%;
  }
  input[type='search'],
  select {
    font: inherit;
    min-block-size: var(--_target);
    padding-inline: 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    inline-size: 100%;
  }
  /* As wide as the search box; the location button goes below. */
  select {
    flex: 1 1 100%;
  }
  .layout {
    display: grid;
    gap: var(--_space);
  }
  @media (min-width: 52em) {
    .layout {
      grid-template-columns: minmax(13em, 18em) 1fr;
      align-items: start;
    }
  }
  fieldset {
    border: 0;
    border-block-start: 1px solid var(--_border);
    margin: 0 0 0.5em;
    padding: 0.5em 0 0;
  }
  legend {
    float: left;
    inline-size: 100%;
    font-size: 1.05em;
  }
  /* Phones: the filters open above the results, so this takes people back to them; wide screens need no step. */
  .show {
    position: sticky;
    inset-block-end: 0.5em;
    inline-size: 100%;
    margin-block: 0.5em;
    box-shadow: 0 0 0 0.5em var(--_bg, #fff);
  }
  @media (min-width: 52em) {
    .show {
      display: none;
    }
  }
  .check input:disabled + span {
    color: var(--_muted);
  }
  .check {
    clear: left;
    display: flex;
    align-items: center;
    gap: 0.6em;
    min-block-size: var(--_target);
    font-weight: 400;
    cursor: pointer;
  }
  .check input {
    inline-size: 1.3em;
    block-size: 1.3em;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .chips,
  .chips ul,
  .contact {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .chips ul,
  .list,
  .empty ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .chip {
    border-radius: 2em;
    background: var(--_surface);
  }
  /* The remove mark is drawn, not text: the same in every language, and silent (its label says "Remove filter"). */
  .chip::after {
    content: ' ✕' / '';
  }
  .count {
    font-size: 1.4em;
    margin-block: 0.5em;
  }
  /* Results as a list divided by rules (as NHS.UK's service finders), not a stack of boxes. */
  .group {
    background: var(--care-support-groups-card-background, transparent);
    border-block-start: 1px solid var(--_border);
    padding-block: var(--_space);
  }
  .group .name {
    font-size: 1.25em;
    line-height: 1.3;
    margin: 0;
  }
  .org,
  .distance,
  .reviewed {
    margin: 0.15em 0 0;
  }
  .distance {
    font-weight: 600;
  }
  .summary {
    margin: 0.5em 0;
    padding-inline-start: 1.2em;
  }
  .contact {
    margin-block: 0.75em 0.25em;
  }
  dl {
    margin: 0.5em 0;
  }
  dt,
  dd {
    display: inline;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dt::after {
    content: ': ';
  }
  dd::after {
    content: '';
    display: block;
    margin-block-end: 0.25em;
  }
  .empty li {
    margin-block: 0.5em;
  }
  .more {
    inline-size: 100%;
  }
  @media print {
    .search,
    .filters,
    .chips,
    .more,
    summary,
    [role='status'] {
      display: none !important;
    }
    .layout {
      display: block;
    }
    .group {
      border: 0;
      border-block-end: 1px solid #000;
      background: none;
      break-inside: avoid;
    }
    a.button,
    a.button.primary {
      border: 0;
      padding: 0;
      min-block-size: 0;
      color: #000;
      background: none;
    }
    a[href^='http']::after {
      content: ' (' attr(href) ')';
    }
  }
`;
