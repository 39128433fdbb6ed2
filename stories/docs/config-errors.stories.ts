// Docs/Config errors: what an editor sees when a config is wrong. Each widget keeps its fallback content
// visible for patients, lists every problem by its dotted path under "Details for the website editor", logs the
// list once and fires care-config-error; other widgets on the page keep working.
import { html } from 'lit';

export default {
  title: 'Docs/Config errors',
  tags: ['!autodocs'],
  parameters: { layout: 'padded' },
};

export const TypoInAKey = {
  name: 'Error: a typo in a key (did you mean …)',
  parameters: { care: { expect: 'error', shows: ['shwo', 'Did you mean "show"'] } },
  render: () =>
    html`<care-chat-schedule
      .config=${{ chats: [{ id: 'bcsm', title: '#bcsm weekly chat', timeZone: 'America/New_York', start: '2026-01-05T21:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' }], shwo: 4 }}
      ><a href="#">See our community chats</a></care-chat-schedule
    >`,
};

export const WrongValues = {
  name: 'Error: wrong values, each by its path',
  parameters: { care: { expect: 'error', shows: ['groups.0.audiences.0', 'useGeolocation'] } },
  render: () =>
    html`<care-support-groups
      .config=${{ groups: [{ id: 'g-1', name: 'Carers group', audiences: ['carers'], formats: ['in person'] }], useGeolocation: 'yes' }}
      ><a href="#">See all our support groups</a></care-support-groups
    >`,
};

// The trailing comma is the error this story shows (the formatter leaves template contents alone).
export const BadJson = {
  name: 'Error: the inline JSON cannot be read',
  parameters: { care: { expect: 'error', shows: ['not valid JSON'] } },
  render: () =>
    html`<care-hashtag-feed
      ><script type="application/json">
        { "hashtag": "bcsm", "sources": [ { "type": "posts", "posts": [] } ], }
      </script>
      <a href="#">Read our patient stories</a></care-hashtag-feed
    >`,
};

export const MissingFile = {
  name: 'Error: the src file is missing',
  parameters: { care: { expect: 'error', shows: ['missing.json'] } },
  render: () =>
    html`<care-chat-schedule src="/demo/data/chat-schedule/missing.json"><a href="#">See our community chats</a></care-chat-schedule>`,
};
