// Languages from the built files (issue 12): a page in Arabic, under the strict CSP with Trusted Types, fetches
// only the Arabic file from beside the bundle (dist/locales/ar.js; for the npm build dist/lib/ that is three
// folders up, `../../../locales/`) and renders in Arabic, right to left; a page in English fetches no language
// file at all. Requests are counted by path, so a second language or the all-languages file would show.
import { describe, test, assert, assertClean, env, DIST } from '../lib/harness.mjs';
import { element } from '../lib/widgets.mjs';
import { pageHtml, STRICT_CSP } from '../lib/server.mjs';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Texts of the Arabic catalogue (src/i18n/locales/ar.ts) the support-groups finder shows. */
const ARABIC = ['ابحث عن مجموعة دعم'];
const ENGLISH = 'Search for a support group';

/** Every script a test's pages asked for, by path (the generated pages themselves left out). */
const scripts = (t) =>
  t.requests
    .map((r) => new URL(r.url).pathname)
    .filter((p) => /\.(m?js)$/.test(p) && !p.startsWith('/__gen/') && !p.startsWith('/node_modules/'));
const languageFiles = (t) => scripts(t).filter((p) => /\/locales\/|carecircle\.locales\.js$/.test(p));
/** The chunk with the code that adds a language file (only a page in another language loads it). */
const localeCode = (t) => scripts(t).filter((p) => /\/chunks\/[\w-]+-locale-script-[\w-]+\.js$/.test(p));

/** The npm build needs its dependencies resolved: an import map (inline, so allowed by a nonce, as a site would). */
const NONCE = 'e2e-languages';
const IMPORT_MAP = {
  imports: {
    lit: '/node_modules/lit/index.js',
    'lit/': '/node_modules/lit/',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    'lit-html/': '/node_modules/lit-html/',
    'lit-element/': '/node_modules/lit-element/',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/node_modules/@lit/reactive-element/',
    'zod/mini': '/node_modules/zod/mini/index.js',
  },
};
const libPage = (lang) =>
  pageHtml({ lang, body: element('groups') }).replace(
    '</head>',
    `<script type="importmap" nonce="${NONCE}">${JSON.stringify(IMPORT_MAP)}</script>\n<script type="module" src="/dist/lib/define/care-support-groups.js"></script>\n</head>`,
  );
const LIB_CSP = STRICT_CSP.replace("script-src 'self'", `script-src 'self' 'nonce-${NONCE}'`);

/** Waits until the finder shows `text`, then returns its shadow text and direction. */
async function finder(page, text) {
  await page
    .waitForFunction((s) => document.querySelector('#groups')?.shadowRoot?.textContent.includes(s), text, { timeout: 8000, polling: 50 })
    .catch(async () => {
      const shown = await page.evaluate(() => document.querySelector('#groups')?.shadowRoot?.textContent.slice(0, 300));
      assert.fail(`#groups never showed "${text}"; it shows: ${shown}`);
    });
  return page.evaluate(() => {
    const el = document.querySelector('#groups');
    return { text: el.shadowRoot.textContent, dir: getComputedStyle(el).direction };
  });
}

/** Each bundle with the Arabic file it fetches: a single-widget bundle, the one with just its widget's messages. */
const bundles = {
  'single-widget bundle': { modules: [DIST.groups], file: '/dist/locales/care-support-groups/ar.js' },
  'all-in-one bundle': { modules: [DIST.all], file: '/dist/locales/ar.js' },
  'classic script (IIFE)': { scripts: [DIST.iife], file: '/dist/locales/ar.js' },
};

describe('languages', () => {
  for (const [name, { file, ...spec }] of Object.entries(bundles)) {
    test(`an Arabic page under strict CSP + Trusted Types loads only its Arabic file (${file}) and renders Arabic, right to left (${name})`, async (t) => {
      const page = await t.page();
      await t.open(page, { ...spec, lang: 'ar', body: element('groups') }, { csp: true });
      const { text, dir } = await finder(page, ARABIC[0]);
      assert.equal(dir, 'rtl');
      assert.ok(!text.includes(ENGLISH), 'no English search label');
      assert.deepEqual(languageFiles(t), [file], `language files fetched: ${scripts(t)}`);
      // The ES bundles load the code that adds it from beside themselves; the classic script carries it.
      assert.equal(localeCode(t).length, spec.modules ? 1 : 0, `scripts fetched: ${scripts(t)}`);
      assert.ok(localeCode(t).every((p) => p.startsWith('/dist/chunks/')));
      await assertClean(page);
    });

    test(`an English page downloads no language file (${name})`, async (t) => {
      const page = await t.page();
      await t.open(page, { ...spec, body: element('groups') }, { csp: true });
      await finder(page, ENGLISH);
      assert.deepEqual(languageFiles(t), [], `language files fetched: ${scripts(t)}`);
      assert.deepEqual(localeCode(t), [], 'nor the code that adds one');
      await assertClean(page);
    });
  }

  test('the npm build (dist/lib) in an Arabic page finds dist/locales/ar.js three folders up, under strict CSP + Trusted Types', async (t) => {
    const page = await t.page();
    await page.goto(env.server.add(libPage('ar'), { headers: { 'content-security-policy': LIB_CSP } }));
    page.csp = true;
    const { dir } = await finder(page, ARABIC[0]);
    assert.equal(dir, 'rtl');
    assert.deepEqual(languageFiles(t), ['/dist/locales/ar.js'], `language files fetched: ${scripts(t)}`);
    assert.ok(
      scripts(t).some((p) => p.startsWith('/dist/lib/')),
      'the widget came from dist/lib',
    );
    await assertClean(page);
  });

  test('an Arabic page whose config has a problem also fetches the Arabic wording of config problems, and shows it (single-widget bundle)', async (t) => {
    const page = await t.page();
    await t.open(
      page,
      { modules: [DIST.groups], lang: 'ar', body: element('groups', { config: { groups: [], colour: 'pink' } }) },
      { csp: true },
    );
    await page.waitForFunction(() => document.querySelector('#groups')?.shadowRoot?.textContent.includes('إعداد غير معروف'), null, {
      timeout: 8000,
      polling: 50,
    });
    assert.deepEqual(
      languageFiles(t).sort(),
      ['/dist/locales/care-support-groups/ar.js', '/dist/locales/errors/ar.js'],
      `language files fetched: ${scripts(t)}`,
    );
    await assertClean(page);
  });

  test('a language file arrives intact on a page in another encoding, served with a wrong charset (its byte order mark wins)', async (t) => {
    const dist = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(env.root, 'dist');
    const file = readFileSync(join(dist, 'locales', 'ar.js'));
    assert.deepEqual([...file.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'dist/locales/ar.js starts with a UTF-8 byte order mark');
    const script = env.server.add(file, { type: 'text/javascript; charset=windows-1252', ext: '.js', name: 'ar-locale' });
    const html = pageHtml({ lang: 'ar', scripts: [script] }).replace('<meta charset="utf-8">', '<meta charset="windows-1252">');
    const page = await t.page();
    await page.goto(env.server.add(Buffer.from(html, 'latin1'), { type: 'text/html; charset=windows-1252' }));
    const text = await page.evaluate(() => globalThis[Symbol.for('carecircle.locales')]?.bundles.ar?.core.unavailable);
    assert.equal(text, 'هذه المعلومات غير متاحة الآن.');
  });

  test('the npm build (dist/lib) in an English page downloads no language file', async (t) => {
    const page = await t.page();
    await page.goto(env.server.add(libPage('en'), { headers: { 'content-security-policy': LIB_CSP } }));
    page.csp = true;
    await finder(page, ENGLISH);
    assert.deepEqual(languageFiles(t), [], `language files fetched: ${scripts(t)}`);
    await assertClean(page);
  });

  test('a Chinese page from the all-in-one bundle with dist/carecircle.locales.js already on it fetches nothing more', async (t) => {
    const page = await t.page();
    await t.open(
      page,
      { scripts: ['/dist/carecircle.locales.js'], modules: [DIST.all], lang: 'zh-Hans', body: element('groups') },
      { csp: true },
    );
    await finder(page, '搜索');
    assert.deepEqual(languageFiles(t), ['/dist/carecircle.locales.js'], `language files fetched: ${scripts(t)}`);
    await assertClean(page);
  });
});
