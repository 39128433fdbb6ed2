import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { findBrowser, chromiumArgs } from './scripts/find-browser.mjs';
import { defaultReporter } from '@web/test-runner';
import { countReporter } from './scripts/count-reporter.mjs';
import { screenshotContext, screenshotPlugins } from './test/screenshots/plugin.mjs';

const executablePath = findBrowser();

/** One launcher per time zone: tests under test/zones/ run in each of these. */
const zones = ['UTC', 'Australia/Sydney', 'America/New_York', 'Europe/London', 'Pacific/Apia'];

const launcher = (timezoneId) =>
  playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath, headless: true, args: chromiumArgs },
    createBrowserContext: ({ browser }) => browser.newContext({ timezoneId, locale: 'en-US' }),
  });

/** The screenshot set (test/screenshots/): Sydney time like the main group, no network, scale 1, reduced motion. */
const screenshotLauncher = playwrightLauncher({
  product: 'chromium',
  launchOptions: { executablePath, headless: true, args: chromiumArgs },
  createBrowserContext: ({ browser }) => screenshotContext(browser, 'Australia/Sydney'),
});

// CARE_FILES="test/widgets/chat-schedule/**/*.test.ts" [CARE_TZ=Europe/London] runs just those files in one zone.
const only = process.env.CARE_FILES;

export default {
  nodeResolve: true,
  reporters: [defaultReporter(), countReporter()],
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    ...screenshotPlugins(),
    // The locale files present (test/i18n/ renders every story in each): GET /__care/locales.json.
    {
      name: 'care-locales',
      serve: (ctx) =>
        ctx.path === '/__care/locales.json'
          ? {
              type: 'json',
              body: JSON.stringify(
                readdirSync('src/i18n/locales')
                  .filter((f) => f.endsWith('.ts'))
                  .map((f) => f.slice(0, -3)),
              ),
            }
          : undefined,
    },
  ],
  // Screenshot files given in CARE_FILES are taken in the screenshot set's own browser context, so they match the
  // baselines (only files asked for, not an exclusion such as `!test/screenshots/**`: that context answers every
  // outside image with a placeholder, which other tests must not get).
  ...(only
    ? {
        files: only.split(','),
        browsers: [
          only.split(',').some((f) => f.startsWith('test/screenshots'))
            ? screenshotLauncher
            : launcher(process.env.CARE_TZ ?? 'Australia/Sydney'),
        ],
      }
    : {
        groups: [
          {
            name: 'main',
            files: ['test/**/*.test.ts', '!test/zones/**', '!test/e2e/**', '!test/screenshots/**', '!test/consumers/**', '!test/node/**'],
            browsers: [launcher('Australia/Sydney')],
          },
          { name: 'screenshots', files: 'test/screenshots/**/*.test.ts', browsers: [screenshotLauncher] },
          ...zones.map((z) => ({ name: `zone-${z.replace('/', '-')}`, files: 'test/zones/**/*.test.ts', browsers: [launcher(z)] })),
        ],
      }),
};
