// Descriptions for the JSON Schemas, from one source per key: the doc comment written above that key in the
// zod schema source (`/** … */ key: …`). Object literals in src/ are matched to the JSON Schema's objects by
// their keys, so two keys of the same name in different objects (a chat's `timeZone`, the root `timeZone`)
// keep their own text. The README reference reads these descriptions from the built schemas.
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const files = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.ts$/.test(f) ? [join(dir, f)] : []));

/** Every object literal in `src/` that documents at least one of its keys: its own key names and their docs. */
export function literalDocs(root = 'src') {
  const found = [];
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('zod')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const keys = [];
        const docs = new Map();
        for (const p of node.properties) {
          if (!p.name || (!ts.isIdentifier(p.name) && !ts.isStringLiteral(p.name))) continue;
          const key = p.name.text;
          keys.push(key);
          const doc = ts
            .getJSDocCommentsAndTags(p)
            .filter(ts.isJSDoc)
            .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
            .join(' ');
          if (doc.trim()) docs.set(key, doc.replace(/\s+/g, ' ').trim());
        }
        if (docs.size) found.push({ file, keys, docs });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/**
 * Adds `description` to every property of every object in `schema` whose source literal documents it. The
 * literal chosen for an object is the one whose keys are all in the object and cover most of it (spread
 * fields such as `...commonFields` come from their own literal). Returns the paths left without one.
 */
export function describe(schema, literals = literalDocs()) {
  const missing = [];
  const seen = new Set();
  const walk = (node, path) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (node.properties) {
      const keys = Object.keys(node.properties);
      const candidates = literals.filter((l) => l.keys.every((k) => keys.includes(k))).sort((a, b) => b.keys.length - a.keys.length);
      for (const key of keys) {
        const prop = node.properties[key];
        if (!prop.description && prop.const === undefined) {
          const doc = candidates.find((l) => l.docs.has(key))?.docs.get(key);
          if (doc) prop.description = doc;
          else missing.push(`${path}${path ? '.' : ''}${key}`);
        }
      }
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties') for (const [key, p] of Object.entries(v)) walk(p, `${path}${path ? '.' : ''}${key}`);
      else if (Array.isArray(v)) v.forEach((x) => walk(x, k === 'items' ? `${path}[]` : path));
      else if (k === 'items') walk(v, `${path}[]`);
      else if (k === 'additionalProperties' || k === '$defs') walk(v, path);
      else if (typeof v === 'object' && k !== 'default' && k !== 'const' && k !== 'enum') walk(v, path);
    }
  };
  walk(schema, '');
  return missing;
}

/**
 * z.toJSONSchema's `override`: the JSON Schema facts of each refine (src/core/config/checks.ts puts them on
 * the check as `json`), which z.toJSONSchema cannot see inside the refine's function.
 */
export function jsonFacts({ zodSchema, jsonSchema }) {
  for (const check of zodSchema._zod.def.checks ?? []) {
    const { json, pattern } = check._zod.def;
    Object.assign(jsonSchema, json);
    // JSON Schema patterns are Unicode regexps without flags: an `i` (or `m`, `s`) would publish a different check.
    for (const re of [pattern, json?.pattern]) {
      if (re instanceof RegExp && /[ims]/.test(re.flags))
        throw new Error(
          `dist/schema: /${re.source}/${re.flags} has flags a JSON Schema pattern cannot carry; write them into the pattern ([a-zA-Z]).`,
        );
    }
    if (json?.pattern instanceof RegExp) jsonSchema.pattern = json.pattern.source;
  }
}

/** A union of objects told apart by a constant `type`: `oneOf` with a discriminator, so a typo gives one error. */
export function discriminate(schema) {
  const seen = new Set();
  const walk = (node) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const union = node.anyOf;
    if (
      Array.isArray(union) &&
      union.length > 1 &&
      union.every((o) => o.type === 'object' && o.properties?.type?.const !== undefined && o.required?.includes('type'))
    ) {
      delete node.anyOf;
      node.oneOf = union;
      node.discriminator = { propertyName: 'type' };
      node.required = ['type'];
      // No enum here: the discriminator alone reports an unknown `type`, once (editors complete it from oneOf).
      const kinds = union.map((o) => o.properties.type.const);
      node.properties = {
        type: { description: `Which kind this is: ${kinds.map((k) => `\`${k}\``).join(', ')}; the other keys depend on it.` },
      };
      node.type = 'object';
    }
    for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v);
  };
  walk(schema);
}
