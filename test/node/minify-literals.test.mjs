// The build's minifier of lit templates (scripts/minify-literals.mjs): what it removes, what it must keep, and that
// the built bundles carry no template indentation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { minifyCss, minifyHtml, minifyLiterals } from '../../scripts/minify-literals.mjs';

test('css: comments, indentation and spaces beside punctuation go', () => {
  const css = `
    /* the card */
    :host {
      display: block;
      color: var(--x, #fff);
    }
    .a .b,
    .c > .d {
      margin: 0 auto;
      font-family: a, b;
    }
  `;
  assert.equal(minifyCss(css), ':host{display:block;color:var(--x,#fff)}.a .b,.c > .d{margin:0 auto;font-family:a,b}');
});

test('css: descendant combinators, calc operators and quoted strings are kept', () => {
  assert.equal(minifyCss('a :focus { width: calc(1px + 2px) }'), 'a :focus{width:calc(1px + 2px)}');
  assert.equal(
    minifyCss(`.q::before {  content: '  a ;  b  /* not a comment */ ';  }`),
    `.q::before{content:'  a ;  b  /* not a comment */ '}`,
  );
  assert.equal(minifyCss(`[part="x  y"]  { }`), `[part="x  y"]{}`);
});

test('css: text beside a ${} keeps one space, as the value there is unknown', () => {
  assert.equal(minifyCss('  margin: 0   ', { after: true }), 'margin:0 ');
  assert.equal(minifyCss('\n  .x { }', { before: true }), ' .x{}');
  assert.equal(minifyCss('  a  ', { before: true, after: true }), ' a ');
});

test('css: an unclosed comment is an error naming the text', () => {
  assert.throws(() => minifyCss('a { } /* oops'), /unclosed \/\* comment.*oops/);
});

test('html: a whitespace run with a line break becomes one space; spaces on a line are kept', () => {
  assert.equal(minifyHtml('\n    <p class="a  b">\n      x  y\n    </p>\n  '), ' <p class="a  b"> x  y </p> ');
});

test('modules: only templates tagged by lit`s own css and html, with ${} expressions untouched', () => {
  const code = [
    "import { css, html as h } from 'lit';",
    'const html = (s) => s;',
    'export const s = css`\n  :host {\n    color: ${c};\n  }\n`;',
    'export const t = h`\n  <p>\n    ${h`\n      <b>${x}</b>\n    `}\n  </p>\n`;',
    'export const u = html`\n  keep\n`;',
  ].join('\n');
  const out = minifyLiterals(code, '/src/x.ts').code;
  assert.match(out, /css`:host\{color:\$\{c\}\}`/);
  assert.match(out, /h` <p> \$\{h` <b>\$\{x\}<\/b> `\} <\/p> `/);
  assert.match(out, /html`\n  keep\n`/);
  assert.equal(minifyLiterals("import { css } from 'other';\nconst s = css`\n  a { }\n`;", '/src/y.ts'), null);
});

test('the built bundles carry no indented template text', { skip: !existsSync('dist/carecircle.js') && 'dist/ is not built' }, () => {
  for (const file of ['carecircle.js', 'carecircle.iife.js', 'care-hashtag-feed.js', 'care-support-groups.js', 'care-chat-schedule.js']) {
    const code = readFileSync(`dist/${file}`, 'utf8');
    // A line break then indentation appears only inside template literals in minified code.
    const indented = code.match(/\n {2,}\S.{0,40}/);
    assert.equal(indented, null, `dist/${file} has indented text: ${JSON.stringify(indented?.[0])}`);
  }
});
