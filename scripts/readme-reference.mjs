// Writes the README's config reference from the JSON Schemas the build emits (dist/schema/*.schema.json),
// so the docs cannot drift from the zod schemas. Replaces only the text between
// <!-- config-reference:start --> and <!-- config-reference:end -->; without those markers (or with
// --stdout) it prints the Markdown instead. --check exits 1 when the README is out of date.
//   npm run build && node scripts/readme-reference.mjs
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';

const START = '<!-- config-reference:start -->';
const END = '<!-- config-reference:end -->';
const order = ['care-hashtag-feed', 'care-support-groups', 'care-chat-schedule'];
const dir = 'dist/schema';

if (!existsSync(dir)) {
  console.error(`No ${dir}/: run \`npm run build\` first.`);
  process.exit(1);
}

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s) => '`' + String(s).replace(/`/g, "'") + '`';

function resolver(rootSchema) {
  return (s) => {
    let guard = 0;
    while (s && s.$ref && guard++ < 20) {
      const parts = s.$ref.replace(/^#\/?/, '').split('/').filter(Boolean);
      const target = parts.reduce((o, k) => o?.[decodeURIComponent(k.replace(/~1/g, '/').replace(/~0/g, '~'))], rootSchema);
      const { $ref, ...rest } = s;
      s = { ...target, ...rest };
    }
    return s ?? {};
  };
}

/** The object schemas of a union whose options are told apart by a constant field (`type`). */
function discriminated(options, deref) {
  const objs = options.map(deref);
  if (!objs.every((o) => o.properties)) return undefined;
  for (const key of Object.keys(objs[0].properties)) {
    const consts = objs.map((o) => {
      const p = deref(o.properties?.[key] ?? {});
      return p.const ?? (p.enum?.length === 1 ? p.enum[0] : undefined);
    });
    if (consts.every((c) => c !== undefined)) return { key, options: objs.map((o, i) => ({ schema: o, value: consts[i] })) };
  }
  return undefined;
}

function typeOf(s, deref) {
  s = deref(s);
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const union = s.anyOf ?? s.oneOf;
  if (union) {
    const parts = [...new Set(union.map((o) => typeOf(o, deref)))].filter((t) => t !== 'null' || union.length < 2);
    return parts.join(' | ');
  }
  const t = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  if (t === 'array') return `${s.items ? wrap(typeOf(s.items, deref)) : 'any'}[]`;
  if (t === 'object' && !s.properties && s.additionalProperties && typeof s.additionalProperties === 'object') {
    return `{ [key]: ${typeOf(s.additionalProperties, deref)} }`;
  }
  if (t === 'string' && s.format) return `string (${s.format})`;
  if (t === 'integer' || t === 'number') {
    const range = [
      s.minimum !== undefined && s.minimum > -Number.MAX_SAFE_INTEGER && `≥ ${s.minimum}`,
      s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER && `≤ ${s.maximum}`,
    ].filter(Boolean);
    return [t, ...range].join(' ');
  }
  return t ?? 'any';
}
const wrap = (t) => (t.includes(' | ') ? `(${t})` : t);

const hasChildren = (s) => !!(s.properties || s.anyOf || s.oneOf);

/** Rows for every key path of `schema`, depth first. */
function rowsOf(rootSchema) {
  const deref = resolver(rootSchema);
  const rows = [];
  const seen = new Set();
  const visit = (schema, prefix, depth) => {
    schema = deref(schema);
    if (depth > 8) return;
    const union = schema.anyOf ?? schema.oneOf;
    if (union && (!schema.properties || schema.discriminator)) {
      const d = discriminated(union, deref);
      if (d) {
        for (const { schema: o, value } of d.options)
          visit(
            { ...o, properties: Object.fromEntries(Object.entries(o.properties).filter(([k]) => k !== d.key)) },
            prefix.endsWith('[]')
              ? `${prefix.slice(0, -1)}${d.key}=${JSON.stringify(value)}]`
              : `${prefix}(${d.key}=${JSON.stringify(value)})`,
            depth + 1,
          );
      } else {
        for (const o of union) {
          const r = deref(o);
          if (hasChildren(r) || (r.type === 'array' && hasChildren(deref(r.items ?? {})))) visit(r, prefix, depth + 1);
        }
      }
      return;
    }
    if (schema.type === 'array' && schema.items) return visit(schema.items, `${prefix}[]`, depth + 1);
    if (!schema.properties) return;
    const required = new Set(schema.required ?? []);
    for (const [key, raw] of Object.entries(schema.properties)) {
      if (key === '$schema') continue;
      const s = deref(raw);
      const path = prefix ? `${prefix}.${key}` : key;
      const id = path + typeOf(s, deref);
      if (seen.has(id)) continue;
      seen.add(id);
      rows.push({
        path,
        type: typeOf(s, deref),
        required: required.has(key) && s.default === undefined,
        default: s.default,
        description: s.description ?? deref(s.items ?? {}).description ?? '',
      });
      const inner = s.type === 'array' ? deref(s.items ?? {}) : s;
      if (hasChildren(inner)) visit(s, path, depth + 1);
    }
  };
  visit(rootSchema, '', 0);
  return rows;
}

const fmtDefault = (v) =>
  v === undefined ? '' : code(JSON.stringify(v).length > 60 ? JSON.stringify(v).slice(0, 57) + '…' : JSON.stringify(v));

const files = (await readdir(dir)).filter((f) => f.endsWith('.schema.json'));
files.sort((a, b) => (order.indexOf(a.replace('.schema.json', '')) + 1 || 99) - (order.indexOf(b.replace('.schema.json', '')) + 1 || 99));

let md = `Generated from \`dist/schema/*.schema.json\` (the zod schemas) by \`node scripts/readme-reference.mjs\`; do not edit by hand.
Key paths are dotted; \`[]\` marks a list item, and \`[type="…"]\` the form of a list item chosen by its \`type\`.
Every config also accepts \`$schema\` (for editors) and \`messages\` (text overrides by message key).
`;
for (const f of files) {
  const tag = f.replace('.schema.json', '');
  const schema = JSON.parse(await readFile(`${dir}/${f}`, 'utf8'));
  // Descriptions come from the schema only (the build puts there the doc comment above each key, per object).
  const rows = rowsOf(schema).filter((r) => r.path !== 'messages');
  // Widgets by their tag; the pipeline's config (README, "Pipeline") by its file name.
  const title = tag.startsWith('care-') ? `<${tag}>` : `${tag}.json`;
  md += `\n### \`${title}\`\n\nJSON Schema: \`dist/schema/${f}\`.\n\n| key | type | default | description |\n| --- | --- | --- | --- |\n`;
  for (const r of rows) {
    md += `| ${code(r.path)} | ${cell(r.type)} | ${r.required ? '**required**' : cell(fmtDefault(r.default))} | ${cell(r.description)} |\n`;
  }
}

const args = process.argv.slice(2);
const readme = existsSync('README.md') ? await readFile('README.md', 'utf8') : '';
const a = readme.indexOf(START);
const b = readme.indexOf(END);
if (args.includes('--stdout') || a < 0 || b < a) {
  if (!args.includes('--stdout')) console.error(`README.md has no ${START} … ${END} markers: printing the reference instead.`);
  process.stdout.write(md);
} else {
  const next = readme.slice(0, a + START.length) + '\n' + md + readme.slice(b);
  if (args.includes('--check')) {
    if (next !== readme) {
      console.error('README.md config reference is out of date: run node scripts/readme-reference.mjs');
      process.exit(1);
    }
    console.log('README.md config reference is up to date.');
  } else if (next !== readme) {
    await writeFile('README.md', next);
    console.log(`README.md config reference rewritten (${files.length} schemas).`);
  } else {
    console.log('README.md config reference already up to date.');
  }
}
