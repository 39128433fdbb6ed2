// Where the pipeline meets the sources (src/pipeline/sources/): the polite fetch every request goes through,
// the configured sources, and the by-address importer `add` and publish's recheck use.
import type { LoadedConfig } from './config.js';
import type { PipelineFetch, Source } from './types.js';
import type { Importer } from './add.js';
import { politeFetch, userAgent } from './http.js';
import { publicOnlyFetch } from './public-fetch.js';
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
}

export function pipelineWiring(loaded: LoadedConfig, env: Record<string, string | undefined>, log: (m: string) => void): Wiring {
  const fetch = politeFetch({ userAgent: userAgent(loaded.config.site.url), log });
  const importer: Importer = (url) => importPost(url, { fetch, env });
  const mediaFetch = loaded.config.publish.mirrorMedia.privateNetwork
    ? fetch
    : politeFetch({ userAgent: userAgent(loaded.config.site.url), log, fetch: publicOnlyFetch() });
  return {
    fetch,
    mediaFetch,
    sources: () => sourcesFrom(loaded.config.sources, { hashtag: loaded.tag, base: loaded.base, limit: loaded.config.limit }),
    importer,
    recheck: importer,
  };
}
