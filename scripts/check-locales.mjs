#!/usr/bin/env node
// Checks every locale catalogue (src/i18n/locales/<tag>.ts) against the English ones (the widgets' messages and the
// editors' config errors, `errorMessages` of src/core/config/issues.ts): the same keys, exactly the
// plural categories the language's Intl.PluralRules uses, and the same {placeholders}. Prints what is wrong per
// locale and exits 1 if anything is. `node scripts/check-locales.mjs [tag …]` checks only those locales.
// The .ts files are bundled with esbuild (Lit's Node build lets the widget classes load) and imported once.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOCALES = join(ROOT, 'src/i18n/locales');
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const PLURAL = new RegExp(`^(.+)_(${CATEGORIES.join('|')})$`);

// Where the English catalogues live until they move to src/i18n/locales/en.ts (which wins when it exists).
const ENGLISH_SOURCES = `
import { coreMessages } from './src/core/i18n/messages.ts';
import { fetchText } from './src/core/i18n/fetch-text.ts';
import { panelText } from './src/core/config/issue-panel.ts';
import { messages as supportGroups } from './src/widgets/support-groups/messages.ts';
import { nearText } from './src/widgets/support-groups/near.ts';
import { CareHashtagFeed } from './src/widgets/hashtag-feed/hashtag-feed.ts';
import { laterText } from './src/widgets/hashtag-feed/later.ts';
import { failedText } from './src/widgets/hashtag-feed/failed.ts';
import { cacheText } from './src/widgets/hashtag-feed/cache.ts';
import { CareChatSchedule } from './src/widgets/chat-schedule/chat-schedule.ts';
import { calendarText } from './src/widgets/chat-schedule/calendar.ts';
import { errorMessages } from './src/core/config/issues.ts';
export const en = {
  core: { ...coreMessages.en, ...panelText, ...fetchText },
  'hashtag-feed': { ...new CareHashtagFeed().catalogue.en, ...laterText, ...failedText, ...cacheText },
  'support-groups': { ...supportGroups.en, ...nearText },
  'chat-schedule': { ...new CareChatSchedule().catalogue.en, ...calendarText },
  errors: errorMessages,
};`;

/** The locale files' tags (every `<tag>.ts` in src/i18n/locales but English). */
export function localeTags(dir = LOCALES) {
  return readdirSync(dir)
    .map((f) => /^([a-z]{2,3}(?:-[A-Za-z\d]{2,8})*)\.ts$/.exec(f)?.[1])
    .filter((t) => t && t !== 'en' && Intl.getCanonicalLocales(t).length);
}

/** Loads the English bundle and the given locales' bundles (by tag) in one esbuild pass. */
export async function loadBundles(tags = localeTags()) {
  const enFile = join(LOCALES, 'en.ts');
  const english = existsSync(enFile) ? `export { default as en } from './src/i18n/locales/en.ts';` : ENGLISH_SOURCES;
  const contents = [english, ...tags.map((t, i) => `export { default as l${i} } from './src/i18n/locales/${t}.ts';`)].join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'check-locales-'));
  const outfile = join(dir, 'bundles.mjs');
  try {
    // Only the English fallback constructs widgets (to read their `catalogue`): the little DOM they touch is stubbed.
    const banner = 'globalThis.MutationObserver ??= class { observe() {} disconnect() {} takeRecords() { return []; } };';
    await build({
      stdin: { contents, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      banner: { js: banner },
      logLevel: 'error',
    });
    const m = await import(pathToFileURL(outfile).href);
    return { en: m.en, locales: Object.fromEntries(tags.map((t, i) => [t, m[`l${i}`]])) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const placeholders = (s) => new Set([...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

/**
 * What is wrong with one locale's bundle against English, as lines of text (none when all is well): missing and
 * extra parts and keys, plural categories missing or not used by the language, placeholder mismatches, empty values.
 * `categories` are the language's plural categories (by default from this runtime's Intl.PluralRules).
 */
export function checkLocale(tag, bundle, en, categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories) {
  const problems = [];
  if (!bundle || typeof bundle !== 'object') return ['no default export'];
  for (const part of Object.keys(bundle)) if (!(part in en)) problems.push(`extra part: ${part}`);
  for (const [part, english] of Object.entries(en)) {
    const own = bundle[part];
    if (!own) {
      problems.push(`missing part: ${part}`);
      continue;
    }
    // A key is plural when English has `<base>_other`; the locale needs `<base>_<category>` for its categories.
    const plural = new Set(
      Object.keys(english).flatMap((k) => (PLURAL.test(k) && `${PLURAL.exec(k)[1]}_other` in english ? [PLURAL.exec(k)[1]] : [])),
    );
    const expected = new Map(); // key → the English text its placeholders must match
    for (const [key, text] of Object.entries(english)) if (!plural.has(PLURAL.exec(key)?.[1])) expected.set(key, text);
    for (const base of plural)
      for (const c of categories) expected.set(`${base}_${c}`, english[`${base}_${c}`] ?? english[`${base}_other`]);
    for (const key of expected.keys()) {
      if (!(key in own))
        problems.push(`${part}: missing ${PLURAL.test(key) && plural.has(PLURAL.exec(key)[1]) ? 'plural category' : 'key'} ${key}`);
    }
    for (const [key, text] of Object.entries(own)) {
      if (!expected.has(key)) {
        const base = PLURAL.exec(key)?.[1];
        problems.push(`${part}: extra ${plural.has(base) ? `plural category (${tag} uses ${categories.join(', ')})` : 'key'} ${key}`);
        continue;
      }
      if (typeof text !== 'string' || !text.trim()) problems.push(`${part}.${key}: empty`);
      const want = placeholders(expected.get(key));
      const have = placeholders(text);
      const missing = [...want].filter((p) => !have.has(p));
      const extra = [...have].filter((p) => !want.has(p));
      if (missing.length) problems.push(`${part}.${key}: missing placeholder ${missing.map((p) => `{${p}}`).join(' ')}`);
      if (extra.length) problems.push(`${part}.${key}: unknown placeholder ${extra.map((p) => `{${p}}`).join(' ')}`);
    }
  }
  return problems;
}

/** Checks the given locales (default: every locale file); resolves to problems by tag. */
export async function checkLocales(tags = localeTags()) {
  const { en, locales } = await loadBundles(tags);
  return Object.fromEntries(tags.map((t) => [t, checkLocale(t, locales[t], en)]));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const results = await checkLocales(args.length ? args : undefined);
  let bad = 0;
  for (const [tag, problems] of Object.entries(results)) {
    if (!problems.length) continue;
    bad++;
    console.log(`${tag}: ${problems.length} problem${problems.length == 1 ? '' : 's'}`);
    for (const p of problems) console.log(`  ${p}`);
  }
  if (bad) process.exit(1);
  console.log(`Locales OK: ${Object.keys(results).join(', ') || '(none)'}`);
}
