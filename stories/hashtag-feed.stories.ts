// <care-hashtag-feed> stories. Data is curated (config `posts`) or served from the project, and failing
// sources point at `/__missing__/…`, which fails fast, so no story needs the network except "Consent gate"
// once its button is pressed. Tests render every story and run axe on it: no Storybook runtime imports.
import { html } from 'lit';
import { fromControls, onSurface } from './data/surface.js';
import '../src/define/care-hashtag-feed.js';
import { cacheKey, save } from '../src/widgets/hashtag-feed/cache.js';
import { postSchema } from '../src/sources/post.schema.js';
import { bcsmConfig, curatedPosts, disclaimer, holdPendingRequests, manyPosts, roles, unwantedPosts } from './data/hashtag-feed.js';

interface Args {
  config: unknown;
  theme: 'light' | 'dark' | 'auto';
}

export default {
  title: 'Widgets/Hashtag feed',
  component: 'care-hashtag-feed',
  args: { config: bcsmConfig(), theme: 'light' },
  argTypes: {
    config: { control: 'object', description: 'The widget config (see the schema): hashtag, sources, limit, moderation, roles …' },
  },
};

const render = (a: Args) =>
  onSurface(
    a.theme,
    html`<care-hashtag-feed .config=${a.config} theme=${a.theme} style=${fromControls(a).style} src=${fromControls(a).src}
      ><p>Read our <a href="#">patient stories</a>.</p></care-hashtag-feed
    >`,
  );

export const Loaded = {
  name: 'Loaded',
  render,
  parameters: { care: { shows: ['#bcsm', 'fatigue after radiotherapy', roles['@helen_bcn@aus.social']] } },
};

export const Empty = {
  name: 'Empty',
  args: { config: { hashtag: 'bcsm', sources: [{ type: 'posts', posts: [] }] } },
  render,
  parameters: { care: { shows: ['No posts for #bcsm yet.'] } },
};

export const Loading = {
  name: 'Loading',
  args: { config: { hashtag: 'bcsm', sources: [{ type: 'snapshot', url: '/__pending__/bcsm.json' }] } },
  render: (a: Args) => (holdPendingRequests(), render(a)),
  parameters: { care: { expect: 'waiting', shows: ['Loading…'], waitsAt: '.skeleton' } },
};

const failingWithCache = { hashtag: 'bcsm', cache: true, roles, sources: [{ type: 'snapshot', url: '/__missing__/bcsm.json' }] };
export const SourceFailingWithCache = {
  name: 'One source failing, with cache',
  args: { config: failingWithCache },
  render: (a: Args) => {
    // What an earlier visit would have saved, three hours ago.
    const posts = curatedPosts(Date.now() - 3 * 3600000)
      .slice(0, 4)
      .map((p) => postSchema.parse(p));
    save(cacheKey('bcsm', ['/__missing__/bcsm.json']), posts, Date.now() - 3 * 3600000);
    return render(a);
  },
  parameters: { care: { shows: ['fatigue after radiotherapy'] } },
};

export const SourceFailing = {
  name: 'One source failing, others shown',
  args: {
    config: {
      ...bcsmConfig(),
      sources: [
        { type: 'snapshot', url: '/__missing__/bcsm.json' },
        { type: 'posts', posts: curatedPosts().slice(0, 3) },
      ],
    },
  },
  render,
  parameters: { care: { shows: ['fatigue after radiotherapy'] } },
};

export const ContentWarning = {
  name: 'Content warning',
  args: {
    config: {
      hashtag: 'bcsm',
      roles,
      sources: [
        {
          type: 'posts',
          posts: curatedPosts()
            .filter((p) => p.contentWarning || p.media)
            .concat({
              ...curatedPosts()[6]!,
              id: 'sensitive-1',
              url: 'https://mastodon.ie/@siobhan/2',
              sensitive: true,
              contentWarning: undefined,
            }),
        },
      ],
    },
  },
  render,
  parameters: { care: { shows: ['#bcsm'] } },
};

export const HeavilyModerated = {
  name: 'Heavily moderated',
  args: {
    config: {
      hashtag: 'bcsm',
      roles,
      disclaimer,
      sources: [{ type: 'posts', posts: [...unwantedPosts(), ...curatedPosts()] }],
      moderation: {
        blockAccounts: ['curesecrets@spam.example'],
        blockWords: ['miracle cure', 'skip chemo', 'alkaline diet'],
        allowAccounts: Object.keys(roles),
        hideReplies: true,
        hideBoosts: true,
        languages: ['en'],
      },
    },
  },
  render,
  parameters: { care: { shows: ['#bcsm', 'fatigue after radiotherapy'] } },
};

export const ConsentGate = {
  name: 'Consent gate',
  args: {
    config: {
      hashtag: 'bcsm',
      consent: 'required',
      roles,
      sources: [
        { type: 'mastodon', instance: 'https://mastodon.social' },
        { type: 'posts', posts: curatedPosts().slice(0, 3) },
      ],
    },
  },
  render,
  parameters: { care: { expect: 'waiting', shows: ['Show posts from'], waitsAt: 'button.primary' } },
};

export const Dark = {
  name: 'Dark theme',
  args: { theme: 'dark' },
  render,
  parameters: { care: { shows: ['fatigue after radiotherapy'] } },
};

export const HundredPosts = {
  name: '100 posts',
  args: { config: { hashtag: 'bcsm', limit: 100, roles, refreshSeconds: 0, sources: [{ type: 'posts', posts: manyPosts(100) }] } },
  render,
  parameters: { care: { shows: ['#bcsm'] } },
};
