// The built pipeline (dist/cli/pipeline.mjs, made by `node scripts/build.mjs`), as every node test uses the
// built package. CARECIRCLE_PIPELINE may name another build of the same module (a bundle made while working).
import { pathToFileURL } from 'node:url';

export const pipeline = () =>
  import(
    process.env.CARECIRCLE_PIPELINE
      ? pathToFileURL(process.env.CARECIRCLE_PIPELINE).href
      : new URL('../../../dist/cli/pipeline.mjs', import.meta.url).href
  );
