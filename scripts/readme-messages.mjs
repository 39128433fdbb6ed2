// Writes the README's message reference (every key a config's `messages` can override, per widget, with its
// English text) from the English catalogues, as scripts/check-locales.mjs loads them (so there is one place
// that knows where English lives). Replaces only the text between <!-- messages-reference:start --> and
// <!-- messages-reference:end -->; --stdout prints the Markdown instead; --check exits 1 when the README is
// out of date (test/node/readme.test.mjs).
//   node scripts/readme-messages.mjs
import { readFile, writeFile } from 'node:fs/promises';
import { loadBundles } from './check-locales.mjs';

const START = '<!-- messages-reference:start -->';
const END = '<!-- messages-reference:end -->';
const widgets = ['hashtag-feed', 'support-groups', 'chat-schedule'];

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const table = (catalogue) =>
  ['| key | English text |', '| --- | --- |', ...Object.entries(catalogue).map(([k, v]) => `| \`${k}\` | ${cell(v)} |`)].join('\n');

export async function messagesReference() {
  const { en } = await loadBundles([]);
  return [
    'Generated from the English catalogues by `node scripts/readme-messages.mjs`; do not edit by hand.',
    'Any of these keys can be set in a config\'s `messages` (`"messages": { "loading": "One moment…" }`); `{name}`',
    'placeholders are filled in by the widget, and a key ending in `_one`, `_other` … is one plural form',
    '(override each form you need). Keys of another widget are ignored.',
    '',
    ...widgets.flatMap((w) => [
      `<details><summary><code>&lt;care-${w}&gt;</code>: ${Object.keys(en[w]).length} keys</summary>`,
      '',
      table(en[w]),
      '',
      '</details>',
      '',
    ]),
    `<details><summary>Every widget (shared): ${Object.keys(en.core).length} keys</summary>`,
    '',
    table(en.core),
    '',
    '</details>',
    '',
    `<details><summary>Config problems, for editors: ${Object.keys(en.errors).length} keys</summary>`,
    '',
    'Not set from a config: a language file translates them in its `errors` part (English where it has none).',
    '`{got}` is the value found, written as in the config (`"nurse"`, `5`, `[…]`); English describes it ("the text "nurse"").',
    "A repeat rule's `{part}` and `{value}` are the part as written (`BYDAY`, `MONDAY`): RRULE words stay as typed in every language.",
    '',
    table(en.errors),
    '',
    '</details>',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const markdown = await messagesReference();
  const readme = await readFile('README.md', 'utf8');
  const [before, rest] = readme.split(START);
  if (args.includes('--stdout') || rest === undefined || !rest.includes(END)) {
    console.log(markdown);
  } else {
    const next = `${before}${START}\n${markdown}\n${END}${rest.split(END).slice(1).join(END)}`;
    if (args.includes('--check')) {
      if (next !== readme) {
        console.error('README.md: the message reference is out of date; run `node scripts/readme-messages.mjs`.');
        process.exit(1);
      }
    } else if (next !== readme) await writeFile('README.md', next);
  }
}
