// Compiles the widgets' zod schemas into plain validators (src/generated/*.validate.ts): code that accepts
// exactly what zod accepts and returns what zod returns (defaults applied, conversions made), without zod and
// without eval or new Function at run time (a strict CSP allows it). zod stays the single source of truth and
// the only thing that explains a bad config: a page runs the compiled validator first and loads zod only when
// it rejects (src/core/care-element.ts). The compiler reads each schema's definition (`_zod.def`, its checks,
// zod's own `optin`/`optout` for how a key may be absent); checks and conversions are named rules with their
// arguments as data (src/core/config/checks.ts `rule`, `convert`), and the generated code imports the same
// rule functions from their own modules, which must not import zod. Anything it cannot compile faithfully
// (a closure, a zod feature no schema uses yet) stops it with the path and what to do.
//
// The code is small: each schema is the building blocks of src/core/config/compiled.ts applied to each other
// (`ck(str, pat, re1)`, `dflt(v3, 8)`), objects excepted (straight code, for speed); an expression written once
// is one definition, and what more than one widget's module uses lives in src/generated/shared.validate.ts, so
// carecircle.js (all three widgets) carries it once.
//
//   node scripts/compile-validators.mjs           writes the files that changed (scripts/build.mjs runs it)
//   node scripts/compile-validators.mjs --check   exits 1 when a file is not what the schemas give now
//
// test/node/compiled-differential.test.mjs runs thousands of generated configs through zod and these.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Each generated module: the schemas it compiles, by the export they come from and the name they get. */
export const targets = [
  {
    file: 'src/generated/hashtag-feed.validate.ts',
    schemas: [
      { name: 'hashtagFeedValidator', from: 'src/widgets/hashtag-feed/hashtag-feed.schema.ts', schema: 'hashtagFeedSchema' },
      { name: 'postValidator', from: 'src/sources/post.schema.ts', schema: 'postSchema' },
    ],
  },
  {
    file: 'src/generated/support-groups.validate.ts',
    schemas: [
      { name: 'supportGroupsValidator', from: 'src/widgets/support-groups/support-groups.schema.ts', schema: 'supportGroupsSchema' },
      { name: 'hsdsGroupsValidator', from: 'src/widgets/support-groups/support-groups.schema.ts', schema: 'hsdsGroupsSchema' },
    ],
  },
  {
    file: 'src/generated/chat-schedule.validate.ts',
    schemas: [{ name: 'chatScheduleValidator', from: 'src/widgets/chat-schedule/chat-schedule.schema.ts', schema: 'chatScheduleSchema' }],
  },
];

export class CompileError extends Error {}

/** Loads every schema and every module they reach, as one bundle (so a rule function is the same object in both). */
async function load(list) {
  const dir = mkdtempSync(join(tmpdir(), 'carecircle-compile-'));
  const entries = [...new Set(list.flatMap((t) => t.schemas.map((s) => s.from)))];
  // First pass: which modules the schemas reach (the places a rule may live), and what each imports.
  const probe = await build({
    stdin: { contents: entries.map((e) => `import './${e}';`).join('\n'), resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    outfile: join(dir, 'probe.mjs'),
    logLevel: 'error',
  });
  const inputs = probe.metafile.inputs;
  const ours = (f) => !f.includes('node_modules/') && f.endsWith('.ts'); // src/, or a test's fixtures
  const modules = Object.keys(inputs).filter(ours);
  const source = modules.map((m, i) => `export * as m${i} from './${m}';`).join('\n');
  const out = join(dir, 'schemas.mjs');
  await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'error',
  });
  // Relative web addresses resolve against a page (as in the `carecircle check` CLI); set after loading.
  const ns = await import(pathToFileURL(out).href);
  globalThis.document ??= { baseURI: 'https://page.invalid/' };
  const byModule = Object.fromEntries(modules.map((m, i) => [m, ns[`m${i}`]]));
  // Which modules reach zod (a rule living there would pull zod into every page).
  const zodded = new Map();
  const reachesZod = (file, seen = new Set()) => {
    if (zodded.has(file)) return zodded.get(file);
    if (seen.has(file)) return false;
    seen.add(file);
    const hit = (inputs[file]?.imports ?? []).some((i) => /node_modules\/zod\//.test(i.path) || (ours(i.path) && reachesZod(i.path, seen)));
    zodded.set(file, hit);
    return hit;
  };
  return { byModule, reachesZod };
}

/** Every exported function, by identity: where a rule comes from. */
function ruleIndex(byModule) {
  const index = new Map();
  for (const [file, ns] of Object.entries(byModule))
    for (const [name, value] of Object.entries(ns)) if (typeof value == 'function' && !index.has(value)) index.set(value, { file, name });
  return index;
}

const defOf = (s) => s._zod.def;

/** The shared module: what two or more of the targets use, once (carecircle.js holds all three widgets). */
export const sharedFile = 'src/generated/shared.validate.ts';

// Each generated module is a list of definitions, `const name = expression`, the expressions being the building
// blocks of src/core/config/compiled.ts applied to each other, to the rules and to hoisted patterns. An
// expression written once is one definition, whichever schema or module reaches it; a definition that more than
// one module reaches lives in the shared module. Every call is marked pure, so a bundle keeps only what it uses.
const PURE = '/*#__PURE__*/ ';

/** Compiles every target's schemas: the text of each generated module, by file. */
function compileTargets(list, byModule, index, reachesZod) {
  const defs = new Map(); // name → { code, refs }: refs are the names its expression uses
  const byCode = new Map(); // expression → name
  const memo = new Map(); // schema → name
  const ruleAlias = new Map(); // rule function → alias
  const ruleFile = new Map(); // alias → [file, export]
  let refs = new Set(); // the names the expression being written uses

  /** A definition for the expression `make` writes (or the name it is, when it is just a name). */
  const define = (prefix, make) => {
    const outer = refs;
    refs = new Set();
    let code, mine;
    try {
      code = make();
    } finally {
      mine = refs;
      refs = outer;
    }
    if (/^[\w$.]+$/.test(code)) {
      for (const r of mine) refs.add(r);
      return code;
    }
    let name = byCode.get(code);
    if (!name) {
      name = `${prefix}${defs.size}`;
      defs.set(name, { code, refs: mine });
      byCode.set(code, name);
    }
    refs.add(name);
    return name;
  };
  /** A building block of src/core/config/compiled.ts, by name. */
  const use = (name) => (refs.add(name), name);

  const importRule = (fn, where) => {
    if (ruleAlias.has(fn)) return use(ruleAlias.get(fn));
    const found = index.get(fn);
    if (!found)
      throw new CompileError(
        `${where}: a check or conversion is a function no module exports (a closure). Write it as a named rule (src/core/config/rules.ts) and use rule()/convert() from src/core/config/checks.ts.`,
      );
    if (reachesZod(found.file))
      throw new CompileError(
        `${where}: the rule ${found.name} lives in ${found.file}, which imports zod. Move it to a module without zod.`,
      );
    let alias = `r_${found.name}`;
    for (let i = 2; ruleFile.has(alias); i++) alias = `r_${found.name}${i}`;
    ruleAlias.set(fn, alias);
    ruleFile.set(alias, [found.file, found.name]);
    return use(alias);
  };
  /** A rule argument as an expression: JSON values, regular expressions (hoisted), rule functions. */
  const literal = (v, where) => {
    if (v === undefined) return 'undefined';
    if (typeof v == 'number') return Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : String(v);
    if (v === null || typeof v == 'string' || typeof v == 'boolean') return JSON.stringify(v);
    if (v instanceof RegExp) return define('re', () => `/${v.source}/${v.flags}`);
    if (typeof v == 'function') return importRule(v, where);
    if (Array.isArray(v)) return `[${v.map((x) => literal(x, where)).join(', ')}]`;
    if (Object.getPrototypeOf(v) === Object.prototype)
      return `{ ${Object.entries(v)
        .map(([k, x]) => `${JSON.stringify(k)}: ${literal(x, where)}`)
        .join(', ')} }`;
    throw new CompileError(`${where}: cannot write ${Object.prototype.toString.call(v)} into generated code.`);
  };
  /** A rule and its arguments, as the arguments of `ck` or `tf`. */
  const ruleArgs = (ref, where) => {
    const args = [...ref.args];
    while (args.length && args.at(-1) === undefined) args.pop(); // the rule gets undefined all the same
    if (args.length > 3) throw new CompileError(`${where}: a rule with more than 3 arguments; ck() and tf() in compiled.ts pass 3.`);
    return [importRule(ref.fn, where), ...args.map((a) => literal(a, where))].join(', ');
  };

  /** The checks on `s`: its own first when it is one too (`z.int()` is a number and the check `safeint`), then the rest. */
  const checksOf = (s) => [...(defOf(s).check ? [s] : []), ...(defOf(s).checks ?? [])];
  /** `base` wrapped in the checks of `s`, each a `ck` (a rule and its arguments) in zod's order. */
  const withChecks = (s, base, where) => {
    let code = base;
    const ck = (args) => (code = `${PURE}${use('ck')}(${code}, ${args})`);
    const type = defOf(s).type;
    for (const ch of checksOf(s)) {
      const d = ch._zod.def;
      switch (d.check) {
        case 'min_length':
        case 'max_length':
          if (type != 'string' && type != 'array') throw new CompileError(`${where}: ${d.check} on ${type}`);
          if (d.check == 'min_length') ck(`${use(type == 'string' && d.minimum > 1 ? 'minChars' : 'minLen')}, ${d.minimum}`);
          else ck(`${use(type == 'string' && d.maximum > 0 ? 'maxChars' : 'maxLen')}, ${d.maximum}`);
          break;
        case 'greater_than':
          ck(`${use(d.inclusive ? 'gte' : 'gt')}, ${literal(d.value, where)}`);
          break;
        case 'less_than':
          ck(`${use(d.inclusive ? 'lte' : 'lt')}, ${literal(d.value, where)}`);
          break;
        case 'number_format':
          if (d.format !== 'safeint') throw new CompileError(`${where}: number format ${d.format}`);
          ck(use('safeInt'));
          break;
        case 'string_format':
          if (d.format !== 'regex' || !(d.pattern instanceof RegExp)) throw new CompileError(`${where}: string format ${d.format}`);
          ck(`${use('pat')}, ${literal(d.pattern, where)}`);
          break;
        case 'custom':
          if (!d.rule)
            throw new CompileError(
              `${where}: a refine or superRefine written as a closure. Use rule() from src/core/config/checks.ts with a named rule.`,
            );
          ck(ruleArgs(d.rule, where));
          break;
        case 'describe':
        case 'meta':
          break;
        default:
          throw new CompileError(`${where}: the check "${d.check}" is not compiled yet; add it to scripts/compile-validators.mjs.`);
      }
    }
    return code;
  };

  /** A necessary condition for `s` to accept `v`, as an expression of `v` (a cheap test that skips union options). */
  const guard = (s) => {
    const d = defOf(s);
    switch (d.type) {
      case 'string':
      case 'number':
      case 'boolean':
        return `typeof v == '${d.type}'`;
      case 'array':
        return 'Array.isArray(v)';
      case 'record':
        return `${use('isObj')}(v)`;
      case 'object': {
        const parts = [`${use('isObj')}(v)`];
        for (const [k, f] of Object.entries(d.shape)) {
          const values = f._zod.values;
          const at = /^[A-Za-z_$][\w$]*$/.test(k) ? `v.${k}` : `v[${JSON.stringify(k)}]`;
          if (f._zod.optin === undefined && values && [...values].every((x) => typeof x == 'string'))
            parts.push(`(${[...values].map((x) => `${at} === ${JSON.stringify(x)}`).join(' || ')})`);
        }
        return parts.join(' && ');
      }
      case 'undefined':
        return 'v === undefined';
      case 'literal':
      case 'enum': {
        const values = [...s._zod.values];
        return values.every((x) => ['string', 'boolean'].includes(typeof x))
          ? `(${values.map((x) => `v === ${JSON.stringify(x)}`).join(' || ')})`
          : 'true';
      }
      case 'union': {
        const options = d.options.map(guard);
        return options.includes('true') ? 'true' : `(${options.join(' || ')})`;
      }
      case 'pipe':
        return guard(d.in);
      default:
        return 'true';
    }
  };
  /** The guard as a function (0 when it is no test). */
  const guardFn = (s) =>
    define('g', () => {
      const test = guard(s).replace(/^\((.*)\)$/s, (all, inner) => (/^[^()]*$/.test(inner) ? inner : all));
      if (test === 'true') return '0';
      if (test === 'isObj(v)') return 'isObj';
      if (test === 'Array.isArray(v)') return 'Array.isArray';
      return `(v: any) => ${test}`;
    });

  /** Whether `s` could accept undefined (a required key then needs its own presence test). */
  const takesUndefined = (s) => {
    const d = defOf(s);
    if (['string', 'number', 'boolean', 'array', 'object', 'record'].includes(d.type)) return false;
    if (d.type === 'literal' || d.type === 'enum') return s._zod.values.has(undefined);
    if (d.type === 'union') return d.options.some(takesUndefined);
    if (d.type === 'pipe') return takesUndefined(d.in);
    if (d.type === 'nullable') return takesUndefined(d.innerType);
    return true;
  };

  /** The name of a validator `(v) => output` that throws X where zod reports an issue. */
  const fn = (s, where) => {
    if (memo.has(s)) return use(memo.get(s));
    const name = define('v', () => withChecks(s, base(s, where), where));
    memo.set(s, name);
    return name;
  };
  const call = (block, ...args) => `${PURE}${use(block)}(${args.join(', ')})`;
  const noChecks = (s, what, where) => {
    if (checksOf(s).some((c) => !['describe', 'meta'].includes(c._zod.def.check))) throw new CompileError(`${where}: checks on ${what}`);
  };
  /** The validator for `s` without its checks, as an expression. */
  const base = (s, where) => {
    const d = defOf(s);
    switch (d.type) {
      case 'string':
      case 'number':
      case 'boolean':
        if (d.coerce) throw new CompileError(`${where}: coercion`);
        return use({ string: 'str', number: 'num', boolean: 'bool' }[d.type]);
      case 'undefined':
        return call('lit', 'undefined');
      case 'literal':
      case 'enum': {
        const values = [...s._zod.values];
        if (
          !values.every(
            (x) =>
              x === null || ['string', 'boolean'].includes(typeof x) || (typeof x == 'number' && Number.isFinite(x) && !Object.is(x, -0)),
          )
        )
          throw new CompileError(`${where}: a literal that === cannot compare as zod does (${values.map(String).join(', ')})`);
        return call('lit', ...values.map((x) => JSON.stringify(x)));
      }
      case 'array':
        return call('arr', fn(d.element, `${where}[]`));
      case 'object': {
        const shape = d.shape;
        const keys = Object.keys(shape);
        if (Object.getOwnPropertySymbols(shape).length) throw new CompileError(`${where}: symbol keys`);
        const catchall = d.catchall ? defOf(d.catchall).type : undefined;
        if (catchall !== undefined && catchall !== 'never') throw new CompileError(`${where}: an object with a catchall (${catchall})`);
        // How zod treats each key's absence: 0 its validator decides (a default, or a rejection); 1 it must be
        // present (its validator takes undefined); 2 written only when present; 3 an optional around a default
        // (absent gets the default unless that fails); 4 absent is written only when the validator gives a value.
        const fields = keys.map((k) => {
          const f = shape[k];
          const { optin, optout } = f._zod;
          const mode =
            optin === undefined
              ? takesUndefined(f)
                ? 1
                : 0
              : optin === 'optional' && optout === 'optional'
                ? 2
                : optin === 'defaulted' && optout !== 'optional'
                  ? 0
                  : optout === 'optional'
                    ? 3
                    : 4;
          return { k, mode, v: fn(f, `${where}.${k}`) };
        });
        // Straight code, each key read and written by name: a shape walked at run time is smaller (−0.4 KB
        // min+gzip a widget) but checks 10,000 groups a quarter slower, V8 being unable to specialise its reads
        // and writes by key; gzip finds most of the repeats here.
        // Unknown keys (a strict object) are looked for after the known ones, as zod does: each key of `v` must
        // then be one of the output, which has every key of the shape that `v` has (below, each is written when
        // present), and no other.
        if (catchall === 'never' && keys.includes('__proto__'))
          throw new CompileError(`${where}: a strict object with a key "__proto__", which the output never has; add a way to compiled.ts.`);
        const lines = [`const o: any = ${use('ob')}(v);`];
        for (const { k, mode, v } of fields) {
          if (k === '__proto__') continue; // zod never writes it
          const key = JSON.stringify(k);
          const at = /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${key}]`;
          const write = `o${at} = ${v}(v${at});`;
          if (mode == 0) lines.push(write);
          else if (mode == 1) lines.push(`if (!(${key} in v)) throw ${use('X')};`, write);
          else if (mode == 2) lines.push(`if (${key} in v) ${write}`);
          else if (mode == 3)
            lines.push(
              `if (${key} in v) ${write} else { const t = ${define('v', () => call('optDefault', v))}(undefined); if (t !== undefined) o${at} = t; }`,
            );
          else lines.push(`{ const t = ${v}(v${at}); if (t !== undefined || ${key} in v) o${at} = t; }`);
        }
        return `(v: any) => {\n${lines.join('\n')}\nreturn ${catchall === 'never' ? `${use('only')}(v, o)` : 'o'};\n}`;
      }
      case 'record': {
        const kd = defOf(d.keyType);
        if (kd.type !== 'string' || d.keyType._zod.values || d.mode === 'loose' || d.partial)
          throw new CompileError(`${where}: a record whose keys are not a plain string schema`);
        return call('rec', fn(d.keyType, `${where}(key)`), fn(d.valueType, `${where}.*`));
      }
      case 'union':
        if (d.inclusive === false || d.discriminator)
          throw new CompileError(`${where}: ${d.discriminator ? 'discriminated' : 'exclusive'} union`);
        noChecks(s, 'a union', where);
        return call('oneOf', ...d.options.map((option, i) => `[${guardFn(option)}, ${fn(option, `${where}|${i}`)}]`));
      case 'pipe':
        if (defOf(d.out).type !== 'transform' && defOf(d.in).type === 'transform')
          throw new CompileError(`${where}: a pipe from a transform`);
        return call('pipe', fn(d.in, where), fn(d.out, where));
      case 'transform':
        if (!d.rule)
          throw new CompileError(
            `${where}: a transform written as a closure. Use convert() from src/core/config/checks.ts with a named rule.`,
          );
        return call('tf', ruleArgs(d.rule, where));
      case 'optional':
        noChecks(s, 'an optional', where);
        return call(d.innerType._zod.optin === 'defaulted' ? 'optDefault' : 'opt', fn(d.innerType, where));
      case 'nullable':
        noChecks(s, 'a nullable', where);
        return call('nul', fn(d.innerType, where));
      case 'default':
      case 'prefault': {
        noChecks(s, 'a default', where);
        const value = d.defaultValue;
        if (value === undefined || JSON.stringify(JSON.parse(JSON.stringify(value) ?? 'null')) !== JSON.stringify(value))
          throw new CompileError(`${where}: a default that is not plain JSON`);
        // An object or a list fresh for each config, as zod's (shallow) clone of the default.
        const json = JSON.stringify(value);
        return call(
          d.type === 'default' ? 'dflt' : 'pre',
          fn(d.innerType, where),
          value !== null && typeof value == 'object' ? `() => (${json})` : json,
        );
      }
      default:
        throw new CompileError(`${where}: the zod type "${d.type}" is not compiled yet; add it to scripts/compile-validators.mjs.`);
    }
  };

  // Every target's schemas, then which definitions each module reaches.
  const exported = list.map((target) => ({
    target,
    exports: target.schemas.map((t) => {
      const schema = byModule[t.from]?.[t.schema];
      if (!schema?._zod) throw new CompileError(`${t.from} exports no zod schema ${t.schema}`);
      refs = new Set();
      const name = fn(schema, t.schema);
      return { ...t, fn: name };
    }),
  }));
  const reached = (roots) => {
    const seen = new Set();
    const visit = (n) => {
      if (seen.has(n)) return;
      seen.add(n);
      for (const r of defs.get(n)?.refs ?? []) visit(r);
    };
    roots.forEach(visit);
    return seen;
  };
  const reach = exported.map((e) => reached(e.exports.map((x) => x.fn)));
  const shared = new Set([...defs.keys()].filter((n) => reach.filter((r) => r.has(n)).length > 1));

  const rel = (from, file) => {
    const r = relative(dirname(from), file).replace(/\.ts$/, '.js');
    return r.startsWith('.') ? r : `./${r}`;
  };
  /** The imports and definitions of a module holding the definitions `names`, which also uses `more`. */
  const moduleBody = (file, names, { exportAll = false, more = [], types = [] } = {}) => {
    const mine = [...defs.keys()].filter((n) => names.has(n));
    const used = new Set(more);
    for (const n of mine) for (const r of defs.get(n).refs) used.add(r);
    const rules = new Map();
    for (const r of used)
      if (ruleFile.has(r)) {
        const [f, name] = ruleFile.get(r);
        rules.set(f, [...(rules.get(f) ?? []), `${name} as ${r}`]);
      }
    const order = (n) => [...defs.keys()].indexOf(n);
    const fromShared = [...used].filter((r) => defs.has(r) && !names.has(r)).sort((a, b) => order(a) - order(b));
    const blocks = [...used].filter((r) => !defs.has(r) && !ruleFile.has(r) && !r.includes('.')).sort();
    return [
      `import { ${[...blocks, ...types].join(', ')} } from '${rel(file, 'src/core/config/compiled.ts')}';`,
      ...[...rules].map(([f, list]) => `import { ${list.join(', ')} } from '${rel(file, f)}';`),
      ...(fromShared.length ? [`import { ${fromShared.join(', ')} } from '${rel(file, sharedFile)}';`] : []),
      '',
      ...mine.map((n) => `${exportAll ? 'export ' : ''}const ${n} = ${defs.get(n).code};`),
    ];
  };

  const header = [
    `// Generated by scripts/compile-validators.mjs from the zod schemas: do not edit (npm run build rewrites it).`,
    `// Accepts exactly what the schemas accept and returns what zod returns; zod explains the rest.`,
  ];
  const files = [];
  if (shared.size)
    files.push({
      file: sharedFile,
      code: [
        ...header,
        `// The validators of the sub-schemas that more than one generated module uses, written once.`,
        ...moduleBody(sharedFile, shared, { exportAll: true }),
      ].join('\n'),
    });
  exported.forEach(({ target, exports }, i) => {
    const own = new Set([...reach[i]].filter((n) => defs.has(n) && !shared.has(n)));
    const body = moduleBody(target.file, own, { more: ['compiled', ...exports.map((t) => t.fn)], types: ['type Compiled'] });
    const schemaImports = new Map();
    for (const t of exports) schemaImports.set(t.from, [...(schemaImports.get(t.from) ?? []), t.schema]);
    const blank = body.indexOf('');
    const lines = [
      ...header,
      `import type * as z from 'zod/mini';`,
      ...body.slice(0, blank),
      ...[...schemaImports].map(([file, names]) => `import type { ${names.join(', ')} } from '${rel(target.file, file)}';`),
      '',
      '// Defined as true in the classic-script bundle (vite.config.ts), which validates with zod alone.',
      'declare const __CARE_ZOD_ONLY__: boolean | undefined;',
      `const zodOnly = typeof __CARE_ZOD_ONLY__ == 'boolean' && __CARE_ZOD_ONLY__;`,
      ...body.slice(blank),
      '',
      ...exports.map(
        (t) =>
          `/** ${t.schema} (${t.from}), compiled. */\nexport const ${t.name}: Compiled<z.output<typeof ${t.schema}>> = compiled(zodOnly ? undefined : ${t.fn}, () => import('${rel(target.file, t.from)}').then((m) => m.${t.schema} as never));`,
      ),
    ];
    files.push({ file: target.file, code: lines.join('\n') });
  });
  return files.map((f) => ({ ...f, code: f.code + '\n' }));
}

/** The generated modules for `list` (the widgets' targets; a test passes its own), formatted. */
export async function compileAll(list = targets) {
  const { byModule, reachesZod } = await load(list);
  const index = ruleIndex(byModule);
  const config = (await prettier.resolveConfig(join(root, 'src/generated/x.ts'))) ?? {};
  const out = [];
  for (const { file, code } of compileTargets(list, byModule, index, reachesZod))
    out.push({ file, code: await prettier.format(code, { ...config, filepath: join(root, file) }) });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let files;
  try {
    files = await compileAll();
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    console.error(`compile-validators: ${e.message}`);
    process.exit(1);
  }
  let stale = 0;
  for (const { file, code } of files) {
    const path = join(root, file);
    const now = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (now === code) continue;
    stale++;
    if (check) console.error(`${file} is not what the schemas give now: run node scripts/compile-validators.mjs and commit it.`);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, code);
      console.log(`${file}: compiled from the schemas (commit it with the schema change).`);
    }
  }
  if (check && stale) process.exit(1);
}
