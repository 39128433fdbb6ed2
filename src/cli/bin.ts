// The `carecircle` command (package.json `bin`), bundled by scripts/build.mjs into dist/cli/carecircle.mjs.
import { main } from './carecircle.js';

process.exitCode = await main(process.argv.slice(2));
