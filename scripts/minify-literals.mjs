// Whitespace and comments out of lit's css`` and html`` templates at build time (the minifier leaves template text
// alone: in the bundles it was ≈ 1 KB min+gzip of indentation and comments per widget). Deliberately small and
// conservative, so a rendered widget is the same as before:
// - css``: comments go, every whitespace run becomes one space, and the space beside `{ } ; , :` and a `;` before
//   `}` go. Quoted strings are kept as written; text next to a `${}` keeps one space, as the value there is unknown.
// - html``: a whitespace run holding a line break becomes one space. A run of white space renders as one space
//   anyway (no widget template uses `white-space: pre*` or <pre>/<textarea>), and a text node stays a text node, so
//   lit's parts and the DOM's shape are unchanged.
// Only tags imported from lit ('lit', 'lit/html.js', 'lit-html', 'lit-element') or our own css`` (src/core/css.ts) are touched.
import { parseAst } from 'vite';

/** One css`` template part minified; `before`/`after`: whether a `${}` stands at its start/end. */
export function minifyCss(text, { before = false, after = false } = {}) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new Error(`An unclosed /* comment in a css\`\` template: ${JSON.stringify(text.slice(i, i + 40))}`);
      i = end + 2;
      out += ' ';
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (/\s/.test(c)) {
      while (i < text.length && /\s/.test(text[i])) i++;
      out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  // Outside strings (kept whole by splitting them out), trim around punctuation that needs no space.
  const pieces = out.split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/);
  let result = pieces
    .map((p, k) =>
      k % 2
        ? p
        : p
            .replace(/ +/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');
  // A part's ends: no space at the template's own start or end, one where a `${}` follows or precedes.
  result = before ? result.replace(/^ +/, ' ') : result.replace(/^ +/, '');
  result = after ? result.replace(/ +$/, ' ') : result.replace(/ +$/, '');
  return result;
}

/** One html`` template part: every whitespace run with a line break in it becomes one space. */
export function minifyHtml(text) {
  return text.replace(/[ \t]*\r?\n\s*/g, ' ');
}

const LIT = new Set(['lit', 'lit/html.js', 'lit-element', 'lit-html']);
const ownCss = /(^|\/)core\/css\.js$|^\.\.?\/css\.js$/;

/** The local names bound to lit's `css` and `html` in a module. */
function litTags(ast) {
  const tags = new Map();
  for (const node of ast.body) {
    if (node.type !== 'ImportDeclaration' || !(LIT.has(node.source.value) || ownCss.test(node.source.value))) continue;
    for (const s of node.specifiers)
      if (s.type === 'ImportSpecifier' && ['css', 'html'].includes(s.imported.name)) tags.set(s.local.name, s.imported.name);
  }
  return tags;
}

/** Every node of an ESTree, depth first. */
function* walk(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) for (const v of value) yield* walk(v);
    else if (value && typeof value === 'object' && typeof value.type === 'string') yield* walk(value);
  }
}

/**
 * A module's source with its lit templates minified; null when it has none. No source map of the change: the bundle's
 * map still names this module for every byte of it (what `npm run size` counts), only columns inside it shift.
 */
export function minifyLiterals(code, id) {
  if (!/\b(css|html)`/.test(code)) return null;
  const ast = parseAst(code, { lang: id.endsWith('.ts') ? 'ts' : 'js' }, id);
  const tags = litTags(ast);
  if (!tags.size) return null;
  const edits = [];
  for (const node of walk(ast)) {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !tags.has(node.tag.name)) continue;
    const kind = tags.get(node.tag.name);
    const quasis = node.quasi.quasis;
    quasis.forEach((q, i) => {
      const start = q.start + 1;
      const end = start + q.value.raw.length;
      if (code.slice(start, end) !== q.value.raw) throw new Error(`${id}: a ${kind}\`\` template's text is not where the parser put it.`);
      const text = kind === 'css' ? minifyCss(q.value.raw, { before: i > 0, after: i < quasis.length - 1 }) : minifyHtml(q.value.raw);
      if (text !== q.value.raw) edits.push([start, end, text]);
    });
  }
  if (!edits.length) return null;
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits) {
    out += code.slice(at, start) + text;
    at = end;
  }
  return { code: out + code.slice(at), map: null };
}

/** The vite plugin: our own modules only (lit's own templates are already compact). */
export const minifyLitTemplates = {
  name: 'carecircle-minify-lit-templates',
  enforce: 'pre',
  transform(code, id) {
    if (!/[\\/]src[\\/].*\.ts$/.test(id) || id.includes('node_modules')) return null;
    return minifyLiterals(code, id);
  },
};
