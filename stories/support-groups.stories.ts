// <care-support-groups> stories. States that live in the URL (filters, query, place) are set through the
// URL, exactly as a link from a nurse would, each story under a `urlPrefix` of its own: on the Docs page
// every preview shares one URL, so a story's query must not reach another's widget. Stories that set
// nothing through the URL turn `urlState` off. Tests render every story and run axe on it (and all of them
// side by side, as the Docs page does): no Storybook runtime imports.
import { html } from 'lit';
import { fromControls, onSurface } from './data/surface.js';
import '../src/define/care-support-groups.js';
import { generateGroups } from '../test/fixtures/support-groups/generate.js';
import { sydneyConfig, sydneyPlaces } from './data/support-groups.js';

interface Args {
  config: Record<string, unknown>;
  theme: 'light' | 'dark' | 'auto';
}

const base = () => ({ ...sydneyConfig(), urlState: false });

export default {
  title: 'Widgets/Support groups',
  component: 'care-support-groups',
  args: { config: base(), theme: 'light' },
  argTypes: {
    config: {
      control: 'object',
      description: 'The widget config (see the schema): groups, hsds, places, synonyms, helpLine, jsonLd, urlState …',
    },
  },
};

const render = (a: Args) =>
  onSurface(
    a.theme,
    html`<care-support-groups .config=${a.config} theme=${a.theme} style=${fromControls(a).style} src=${fromControls(a).src}>
      <p>Ask at the Cancer Centre reception for our printed list of support groups, or call (02) 9845 0000.</p>
    </care-support-groups>`,
  );

/**
 * Renders with these finder parameters in the page URL (as if a link was opened), under the story's own
 * `urlPrefix` (`sg-<prefix>-`), so that stories shown together each keep their own state.
 */
const withUrl = (prefix: string, params: Record<string, string | string[]>) => (a: Args) => {
  const urlPrefix = `sg-${prefix}-`;
  const search = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(params)) {
    search.delete(`${urlPrefix}${k}`);
    for (const x of [v].flat()) search.append(`${urlPrefix}${k}`, x);
  }
  history.replaceState(history.state, '', `${location.pathname}?${search}${location.hash}`);
  return render({ ...a, config: { ...a.config, urlState: true, urlPrefix } });
};

export const FullList = { name: 'Full list', render, parameters: { care: { shows: [sydneyConfig().groups[0]!.name] } } };

export const Filtered = {
  name: 'Filtered: online groups for carers',
  render: withUrl('filtered', { format: ['online', 'phone'], audience: 'carer' }),
  parameters: { care: { shows: ['Blood Cancer Carers Online'] } },
};

export const Search = {
  name: 'Search with a typo ("brest")',
  render: withUrl('search', { q: 'brest' }),
  parameters: { care: { shows: ['Breast Cancer Support — Westmead'] } },
};

export const NoResults = {
  name: 'No results: next steps',
  render: withUrl('none', { q: 'Wollongong', format: 'phone' }),
  parameters: { care: { shows: ['No groups match'] } },
};

export const NearPostcode = {
  name: 'Near a postcode (Parramatta 2150)',
  render: withUrl('near', { near: sydneyPlaces[0]!.name }),
  parameters: { care: { shows: [sydneyPlaces[0]!.name] } },
};

export const TenThousand = {
  name: '10,000 groups',
  args: { config: { groups: generateGroups(10000), places: sydneyPlaces, useGeolocation: true, urlState: false } },
  render,
  parameters: { care: { shows: ['10,000'] } },
};

export const Dark = {
  name: 'Dark theme',
  args: { theme: 'dark' },
  render,
  parameters: { care: { shows: [sydneyConfig().groups[0]!.name] } },
};

export const InvalidGroups = {
  name: 'Invalid groups skipped (editor panel)',
  args: {
    config: {
      ...base(),
      groups: [
        ...sydneyConfig().groups,
        { id: 'bad-audience', name: 'Typo in audiences', audiences: ['carers'] },
        { id: 'no-name', name: '' },
      ],
    },
  },
  render,
  parameters: { care: { expect: 'error', shows: ['bad-audience', 'no-name', sydneyConfig().groups[0]!.name] } },
};

export const HsdsFailing = {
  name: 'HSDS feed unreachable (source error, fallback shown)',
  args: { config: { ...base(), hsds: { url: '/__missing__/services.json' } } },
  render,
  parameters: { care: { shows: [sydneyConfig().groups[0]!.name] } },
};
