// The pipeline as a library (bundled by scripts/build.mjs into dist/cli/pipeline.mjs): what the CLI, the review
// desk, the tests and the benchmark use.
export { nodeGlobals } from './node-globals.js';
export * from './types.js';
export * from './config.js';
export * from './rules.js';
export * from './collect.js';
export * from './publish.js';
export * from './add.js';
export * from './media.js';
export * from './progress.js';
export * from './text.js';
export * from './accounts.js';
export * from './state/store.js';
export * from './state/lock.js';
export * from './state/files.js';
export { politeFetch, userAgent } from './http.js';
export { publicOnlyFetch } from './public-fetch.js';
// The sources (src/pipeline/sources/, written beside this): configs to Sources, `add` by address, deletion checks,
// file readers and the mock-tested helpers the node tests call (test/node/pipeline/sources.test.mjs).
export {
  sourcesFrom,
  importPost,
  importUrl,
  importUrls,
  exists,
  parsePostUrl,
  GoneError,
  parseCsv,
  postsFromCsv,
  postsFromJson,
  reduceToHtml,
  serializeNodes,
  mastodonSource,
  mastodonSourceId,
  compareIds,
  blueskySearchSource,
  blueskyFeedSource,
  BlueskySession,
  sourceConfigSchema,
} from './sources/index.js';
export { PipelineFetchError } from './http.js';
export * from './sources/index.js';
export { pipelineWiring } from './wiring.js';
