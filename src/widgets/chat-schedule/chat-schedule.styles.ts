import { css } from 'lit';

export const chatScheduleStyles = css`
  :host {
    --_live: var(--care-chat-schedule-live-color, var(--_success));
    --_gap: var(--care-chat-schedule-gap, calc(var(--_space) * 0.75));
  }
  h2 {
    font-size: 1.3em;
    margin: 0;
  }
  h3 {
    font-size: 1.1em;
    margin: 0;
  }
  h3 a {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_target);
  }
  p {
    margin: 0.25em 0;
  }
  ol,
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ol {
    display: grid;
    gap: var(--_gap);
  }
  [part='chat'] {
    border: 1px solid var(--_border);
    border-inline-start: 0.4rem solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
    background: var(--_surface);
  }
  .live {
    border-color: var(--_live);
  }
  .cancelled :is(h3, time) {
    text-decoration: line-through;
  }
  .badge {
    display: inline-block;
    font-weight: 700;
    border: 1px solid;
    border-radius: 1em;
    padding-inline: 0.5em;
    margin-inline-start: 0.25em;
  }
  .live .badge,
  .status strong {
    color: var(--_live);
  }
  .own,
  .meta,
  .zone {
    color: var(--_muted);
  }
  .bar,
  details ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: end;
    justify-content: space-between;
    margin-block: 0.5em;
  }
  details ul,
  [part='filters'] {
    justify-content: start;
  }
  label {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    min-inline-size: 0;
  }
  select {
    font: inherit;
    min-block-size: var(--_target);
    padding-inline: 0.5em;
    color: inherit;
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  summary {
    color: var(--_accent);
  }
  .compact {
    font-size: 0.95em;
  }
  .compact [part='chat'] {
    padding: 0.5em;
  }
`;
