// What VS Code shows an editor: its JSON language service (vscode-json-languageservice) with each published
// schema, on a sample config that uses every key (test/node/fixtures/<tag>.full.json). Hovering any key
// shows its description; the sample validates clean, and a wrong value is flagged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import languageService from 'vscode-json-languageservice'; // CommonJS (UMD): no named exports in Node

const { getLanguageService, TextDocument } = languageService;

const tags = ['care-hashtag-feed', 'care-support-groups', 'care-chat-schedule'];

function service(tag) {
  const schema = JSON.parse(readFileSync(`dist/schema/${tag}.schema.json`, 'utf8'));
  const ls = getLanguageService({
    schemaRequestService: (uri) =>
      uri === schema.$id ? Promise.resolve(JSON.stringify(schema)) : Promise.reject(new Error(`no request for ${uri}`)),
  });
  ls.configure({ validate: true, allowComments: false, schemas: [{ uri: schema.$id, fileMatch: ['*.json'], schema }] });
  return { ls, schema };
}

/** Every key in the document's JSON tree, with its dotted path (`[]` for list items) and offset. */
function keys(node, path = '', out = []) {
  if (node?.type === 'object') {
    for (const p of node.children) {
      const at = path ? `${path}.${p.keyNode.value}` : p.keyNode.value;
      out.push({ path: at, offset: p.keyNode.offset + 1 });
      keys(p.valueNode, at, out);
    }
  } else if (node?.type === 'array') for (const item of node.children) keys(item, `${path}[]`, out);
  return out;
}

/** Every property path the schema declares (union branches merged), excluding free-form records' keys. */
function schemaPaths(node, path = '', out = new Set(), seen = new Set()) {
  if (!node || typeof node !== 'object' || seen.has(node)) return out;
  seen.add(node);
  for (const [k, v] of Object.entries(node.properties ?? {})) {
    const at = path ? `${path}.${k}` : k;
    out.add(at);
    schemaPaths(v, at, out, seen);
  }
  for (const [k, v] of Object.entries(node))
    if (k !== 'properties' && k !== 'additionalProperties' && k !== 'propertyNames' && v && typeof v === 'object')
      schemaPaths(v, k === 'items' ? `${path}[]` : path, out, seen);
  return out;
}

for (const tag of tags) {
  test(`${tag}: hovering every key of a full config shows its description`, async () => {
    const { ls, schema } = service(tag);
    const text = readFileSync(`test/node/fixtures/${tag}.full.json`, 'utf8');
    const doc = TextDocument.create(`file:///work/${tag}.json`, 'json', 1, text);
    const json = ls.parseJSONDocument(doc);
    const found = keys(json.root);
    const declared = [...schemaPaths(schema)];
    const used = new Set(found.map((k) => k.path));
    assert.deepEqual(
      declared.filter((p) => !used.has(p)),
      [],
      'the sample uses every key the schema declares',
    );
    const empty = [];
    for (const { path, offset } of found) {
      if (!declared.includes(path)) continue; // a free-form record's own keys (messages, roles, synonyms, topics)
      const hover = await ls.doHover(doc, doc.positionAt(offset), json);
      const contents = [hover?.contents]
        .flat()
        .map((c) => (typeof c === 'string' ? c : (c?.value ?? '')))
        .join('')
        .trim();
      if (!contents) empty.push(path);
    }
    assert.deepEqual(empty, [], 'keys with no hover text');
    assert.ok(found.length > 20, `${found.length} keys hovered`);
    const problems = await ls.doValidation(doc, json);
    assert.deepEqual(
      problems.map((p) => p.message),
      [],
      'the full sample validates clean in the editor',
    );
  });
}

test('the editor flags a value the widget rejects (pageSize -3, start "next tuesday", rrule "EVERY MONDAY")', async () => {
  const { ls } = service('care-support-groups');
  const text = JSON.stringify(
    { groups: [{ id: 'g', name: 'G', meets: { start: 'next tuesday', timeZone: 'UTC', rrule: 'EVERY MONDAY' } }], pageSize: -3 },
    null,
    2,
  );
  const doc = TextDocument.create('file:///work/bad.json', 'json', 1, text);
  const problems = await ls.doValidation(doc, ls.parseJSONDocument(doc));
  const at = problems.map((p) => text.slice(doc.offsetAt(p.range.start), doc.offsetAt(p.range.end)));
  assert.deepEqual(at.sort(), ['"EVERY MONDAY"', '"next tuesday"', '-3'], JSON.stringify(problems.map((p) => p.message)));
});
