// <care-support-groups> stories. States that live in the URL (filters, query, place) are set through the
// URL, exactly as a link from a nurse would; the `sg-` prefix keeps them apart from Storybook's own
// parameters. Tests render every story and run axe on it: no Storybook runtime imports.
import { html } from 'lit';
import { onSurface } from './data/surface.js';
import '../src/define/care-support-groups.js';
import { generateGroups } from '../test/fixtures/support-groups/generate.js';
import { sydneyConfig, sydneyPlaces } from './data/support-groups.js';

interface Args {
  config: Record<string, unknown>;
  theme: 'light' | 'dark' | 'auto';
}

const base = () => ({ ...sydneyConfig(), urlPrefix: 'sg-' });

export default {
  title: 'Widgets/Support groups',
  component: 'care-support-groups',
  args: { config: base(), theme: 'light' },
  argTypes: {
    config: { control: 'object', description: 'The widget config (see the schema): groups, hsds, places, synonyms, helpLine, jsonLd, urlState …' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
};

const render = (a: Args) =>
  onSurface(
    a.theme,
    html`<care-support-groups .config=${a.config} theme=${a.theme}>
    <p>Ask at the Cancer Centre reception for our printed list of support groups, or call (02) 9845 0000.</p>
  </care-support-groups>`,
  );

/** Renders with these finder parameters in the page URL (as if a link was opened). */
const withUrl = (params: Record<string, string | string[]>) => (a: Args) => {
  const search = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(params)) {
    search.delete(`sg-${k}`);
    for (const x of [v].flat()) search.append(`sg-${k}`, x);
  }
  history.replaceState(history.state, '', `${location.pathname}?${search}${location.hash}`);
  return render(a);
};

export const FullList = { name: 'Full list', render, parameters: { care: { shows: [sydneyConfig().groups[0]!.name] } } };

export const Filtered = {
  name: 'Filtered: online groups for carers', render: withUrl({ format: ['online', 'phone'], audience: 'carer' }),
  parameters: { care: { shows: ['Blood Cancer Carers Online'] } },
};

export const Search = {
  name: 'Search with a typo ("brest")', render: withUrl({ q: 'brest' }),
  parameters: { care: { shows: ['Breast Cancer Support — Westmead'] } },
};

export const NoResults = {
  name: 'No results: next steps', render: withUrl({ q: 'Wollongong', format: 'phone' }),
  parameters: { care: { shows: ['No groups match'] } },
};

export const NearPostcode = {
  name: 'Near a postcode (Parramatta 2150)', render: withUrl({ near: sydneyPlaces[0]!.name }),
  parameters: { care: { shows: [sydneyPlaces[0]!.name] } },
};

export const TenThousand = {
  name: '10,000 groups',
  args: { config: { groups: generateGroups(10000), places: sydneyPlaces, urlPrefix: 'sg-' } },
  render,  parameters: { care: { shows: ['10,000'] } },
};

export const Dark = { name: 'Dark theme', args: { theme: 'dark' }, render, parameters: { care: { shows: [sydneyConfig().groups[0]!.name] } } };

export const InvalidGroups = {
  name: 'Invalid groups skipped (editor panel)',
  args: { config: { ...base(), groups: [...sydneyConfig().groups, { id: 'bad-audience', name: 'Typo in audiences', audiences: ['carers'] }, { id: 'no-name', name: '' }] } },
  render,  parameters: { care: { expect: 'error', shows: ['bad-audience', 'no-name', sydneyConfig().groups[0]!.name] } },
};

export const HsdsFailing = {
  name: 'HSDS feed unreachable (source error, fallback shown)',
  args: { config: { ...base(), hsds: { url: '/__missing__/services.json' } } },
  render,  parameters: { care: { shows: [sydneyConfig().groups[0]!.name] } },
};
