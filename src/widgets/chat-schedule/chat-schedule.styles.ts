import { css } from '../../core/css.js';

// NHS.UK / GOV.UK direction: chats divided by a rule rather than boxed, the next date the biggest thing in a
// chat, one prominent action (join when live, else add to calendar), body-coloured text rather than small grey.
export const chatScheduleStyles = css`
  :host {
    --_live: var(--care-chat-schedule-live-color, var(--_success));
    --_gap: var(--care-chat-schedule-gap, calc(var(--_space) * 0.75));
  }
  :is(h2, h3, h4, h5, h6) {
    margin: 0;
    line-height: 1.25;
    font-size: 1.2em;
  }
  [part='heading'] {
    font-size: 1.4em;
  }
  :is(.title, .calendar) a {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_target);
  }
  p {
    margin: 0.25em 0;
  }
  [part='list'],
  .calendar ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .dates {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  [part='chat'],
  .skeleton > div {
    padding-block: var(--_gap);
    border-block-start: 1px solid var(--_border);
  }
  /* Chats off screen are in the DOM (find in page and screen readers reach them) but styled, laid out and painted
     only as they come near it (50 at once are a long task on a phone); until then each holds the height it last
     had, or a chat's usual one. The clip is kept clear of focus rings. */
  [part='chat'] {
    content-visibility: auto;
    contain-intrinsic-block-size: auto 22rem;
    overflow-clip-margin: 0.75rem;
  }
  /* While the dates are worked out: cards about the height of a chat's, where the chats will be. */
  .skeleton > div {
    block-size: 10rem;
  }
  .live {
    border-inline-start: 0.4rem solid var(--_live);
    padding-inline-start: var(--_gap);
  }
  .when,
  .later,
  .main > summary {
    font-weight: 700;
  }
  .when {
    font-size: 1.15em;
  }
  .tag,
  .badge {
    display: inline-block;
    font-weight: 700;
    border: 2px solid;
    padding-inline: 0.4em;
  }
  .badge {
    border-width: 1px;
    border-radius: 1em;
  }
  .live .tag {
    color: var(--_live);
  }
  /* Cancelled is not "go": the text colour, a bordered word and a struck-through date (also in forced colours). */
  .cancelled time {
    text-decoration: line-through;
  }
  .bar,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: end;
    justify-content: space-between;
    margin-block: 0.5em;
  }
  /* A calendar control's live region, empty until it has something to say: out of the flex row (no gap, no line of
     its own when the row wraps), still in the accessibility tree, so the words put in it are announced. */
  .actions > [role='status']:empty {
    position: absolute;
  }
  .actions,
  [part='filters'] {
    justify-content: start;
    align-items: start;
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
    text-decoration: underline;
  }
  .compact {
    font-size: 0.95em;
  }
`;
