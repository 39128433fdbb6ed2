import { css } from 'lit';

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
  .org,
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
  select {
    inline-size: auto;
    max-inline-size: 100%;
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
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 0.75em;
    padding: 0.25em 0.75em 0.5em;
  }
  .check {
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
  h2 {
    font-size: 1.2em;
    margin-block: 0.75em 0.5em;
  }
  .group {
    background: var(--care-support-groups-card-background, var(--_surface));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em var(--_space);
    margin-block-end: var(--_space);
  }
  .group h3 {
    font-size: 1.15em;
    margin: 0;
  }
  .org,
  .reviewed {
    margin: 0.1em 0 0.5em;
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
      border-radius: 0;
      background: none;
      break-inside: avoid;
      padding-inline: 0;
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
