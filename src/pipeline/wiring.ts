// Where the pipeline meets the sources (src/pipeline/sources/): the polite fetch every request goes through,
// the configured sources, and the by-address importer `add` and publish's recheck use.
import type { LoadedConfig } from './config.js';
import type { PipelineFetch, Source } from './types.js';
import type { Importer } from './add.js';
import { followRedirects, politeFetch, userAgent } from './http.js';
import { publicOnlyFetch, type PublicOnlyOptions } from './public-fetch.js';
import { sourcesFrom, importPost } from './sources/index.js';

export interface Wiring {
  fetch: PipelineFetch;
  /**
   * The fetch `--mirror-media` copies pictures with: one that connects only to public addresses, checked on the
   * addresses it connects to, unless publish.mirrorMedia.privateNetwork allows inside ones.
   */
  mediaFetch: PipelineFetch;
  sources(): Source[];
  importer: Importer;
  recheck: Importer;
  /** What `publish` takes from the wiring (the CLI's command and the desk's "Publish now" alike). */
  publishing: { fetch: PipelineFetch; mediaFetch: PipelineFetch; recheck: Importer };
}

/** `network` replaces the public-only fetch's DNS and its idea of a public address (tests). */
export function pipelineWiring(
  loaded: LoadedConfig,
  env: Record<string, string | undefined>,
  log: (m: string) => void,
  network?: PublicOnlyOptions,
): Wiring {
  const agent = userAgent(loaded.config.site.url);
  const fetch = politeFetch({ userAgent: agent, log });
  const publicOnly = politeFetch({ userAgent: agent, log, fetch: publicOnlyFetch(network) });
  const mediaFetch = mirrorFetch(loaded, fetch, () => publicOnly);
  // A published post's address came from the server that sent it. Looking it up again may ask the servers this
  // config names (a team's own Mastodon may be inside its network), and otherwise only public addresses; so may
  // each redirect (a server that moved), or the first request's check would be worth nothing.
  const named = new Set(
    loaded.config.sources.flatMap((s) => [...('instances' in s ? s.instances : []), ...('service' in s ? [s.service] : [])].map(originOf)),
  );
  const recheckFetch = followRedirects((url) => (named.has(originOf(url)) ? fetch : publicOnly));
  const recheck: Importer = (url) => importPost(url, { fetch: recheckFetch, env });
  return {
    fetch,
    mediaFetch,
    sources: () => sourcesFrom(loaded.config.sources, { hashtag: loaded.tag, base: loaded.base, limit: loaded.config.limit }),
    // `add` is given an address by the person running it, who may name a server inside their own network.
    importer: (url) => importPost(url, { fetch, env }),
    recheck,
    publishing: { fetch, mediaFetch, recheck },
  };
}

/**
 * What `--mirror-media` copies pictures with: `fetch` where publish.mirrorMedia.privateNetwork allows inside
 * addresses, else one that connects only to public addresses (polite, unless the caller gives its own).
 */
export const mirrorFetch = (
  loaded: LoadedConfig,
  fetch: PipelineFetch,
  publicOnly = () => politeFetch({ userAgent: userAgent(loaded.config.site.url), fetch: publicOnlyFetch() }),
): PipelineFetch => (loaded.config.publish.mirrorMedia.privateNetwork ? fetch : publicOnly());

const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};
