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

class CompileError extends Error {}

/** Loads every schema and every module they reach, as one bundle (so a rule function is the same object in both). */
async function load() {
  const dir = mkdtempSync(join(tmpdir(), 'carecircle-compile-'));
  const entries = [...new Set(targets.flatMap((t) => t.schemas.map((s) => s.from)))];
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
  const modules = Object.keys(inputs).filter((f) => f.startsWith('src/') && f.endsWith('.ts'));
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
    const hit = (inputs[file]?.imports ?? []).some(
      (i) => /node_modules\/zod\//.test(i.path) || (i.path.startsWith('src/') && reachesZod(i.path, seen)),
    );
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

/** Compiles one module's schemas into TypeScript source. */
function compileModule(target, byModule, index, reachesZod) {
  const bodies = new Map(); // function body → name (structurally equal schemas share one function)
  const memo = new Map(); // schema → function name
  const functions = [];
  const hoisted = []; // [name, expression]
  const hoistedBy = new Map();
  const imports = new Map(); // file → Map(export → alias)
  const runtime = new Set(['X', 'compiled']);
  const outDir = dirname(target.file);

  const hoist = (expr, prefix) => {
    if (hoistedBy.has(expr)) return hoistedBy.get(expr);
    const name = `${prefix}${hoisted.length}`;
    hoisted.push([name, expr]);
    hoistedBy.set(expr, name);
    return name;
  };
  const importRule = (fn, where) => {
    const found = index.get(fn);
    if (!found)
      throw new CompileError(
        `${where}: a check or conversion is a function no module exports (a closure). Write it as a named rule (src/core/config/rules.ts) and use rule()/convert() from src/core/config/checks.ts.`,
      );
    if (reachesZod(found.file))
      throw new CompileError(
        `${where}: the rule ${found.name} lives in ${found.file}, which imports zod. Move it to a module without zod.`,
      );
    const names = imports.get(found.file) ?? new Map();
    imports.set(found.file, names);
    if (!names.has(found.name)) names.set(found.name, `r_${found.name}`);
    return names.get(found.name);
  };
  /** A rule argument as an expression: JSON values, regular expressions (hoisted), rule functions. */
  const literal = (v, where) => {
    if (v === undefined) return 'undefined';
    if (typeof v == 'number') return Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : String(v);
    if (v === null || typeof v == 'string' || typeof v == 'boolean') return JSON.stringify(v);
    if (v instanceof RegExp) return hoist(`/${v.source}/${v.flags}`, 're');
    if (typeof v == 'function') return importRule(v, where);
    if (Array.isArray(v)) return `[${v.map((x) => literal(x, where)).join(', ')}]`;
    if (Object.getPrototypeOf(v) === Object.prototype)
      return `{ ${Object.entries(v)
        .map(([k, x]) => `${JSON.stringify(k)}: ${literal(x, where)}`)
        .join(', ')} }`;
    throw new CompileError(`${where}: cannot write ${Object.prototype.toString.call(v)} into generated code.`);
  };
  const callRule = (ref, value, where) => `${importRule(ref.fn, where)}(${[value, ...ref.args.map((a) => literal(a, where))].join(', ')})`;

  /** Code for the checks on a schema, applied to the parsed value `o`. */
  const checks = (s, where) => {
    const lines = [];
    const type = defOf(s).type;
    for (const ch of defOf(s).checks ?? []) {
      const d = ch._zod.def;
      switch (d.check) {
        case 'min_length':
        case 'max_length': {
          const [op, n] = d.check == 'min_length' ? ['<', d.minimum] : ['>', d.maximum];
          if (type == 'string' && n > 1) {
            runtime.add('codePoints');
            lines.push(`if (codePoints(o) ${op} ${n}) throw X;`);
          } else if (type == 'string' || type == 'array') lines.push(`if (o.length ${op} ${n}) throw X;`);
          else throw new CompileError(`${where}: ${d.check} on ${type}`);
          break;
        }
        case 'greater_than':
          lines.push(`if (!(o ${d.inclusive ? '>=' : '>'} ${literal(d.value, where)})) throw X;`);
          break;
        case 'less_than':
          lines.push(`if (!(o ${d.inclusive ? '<=' : '<'} ${literal(d.value, where)})) throw X;`);
          break;
        case 'number_format':
          if (d.format !== 'safeint') throw new CompileError(`${where}: number format ${d.format}`);
          lines.push('if (!Number.isSafeInteger(o)) throw X;');
          break;
        case 'string_format': {
          if (d.format !== 'regex' || !(d.pattern instanceof RegExp)) throw new CompileError(`${where}: string format ${d.format}`);
          const re = literal(d.pattern, where);
          if (/[gy]/.test(d.pattern.flags)) lines.push(`${re}.lastIndex = 0;`);
          lines.push(`if (!${re}.test(o)) throw X;`);
          break;
        }
        case 'custom':
          if (!d.rule)
            throw new CompileError(
              `${where}: a refine or superRefine written as a closure. Use rule() from src/core/config/checks.ts with a named rule.`,
            );
          lines.push(`if (${callRule(d.rule, 'o', where)} !== true) throw X;`);
          break;
        case 'describe':
        case 'meta':
          break;
        default:
          throw new CompileError(`${where}: the check "${d.check}" is not compiled yet; add it to scripts/compile-validators.mjs.`);
      }
    }
    return lines;
  };

  /** A necessary condition for `s` to accept `v` (a cheap test that skips union options that cannot match). */
  const guard = (s) => {
    const d = defOf(s);
    switch (d.type) {
      case 'string':
        return `typeof v == 'string'`;
      case 'number':
        return `typeof v == 'number'`;
      case 'boolean':
        return `typeof v == 'boolean'`;
      case 'array':
        return 'Array.isArray(v)';
      case 'record':
        return `typeof v == 'object' && v !== null && !Array.isArray(v)`;
      case 'object': {
        const parts = [`typeof v == 'object' && v !== null && !Array.isArray(v)`];
        for (const [k, f] of Object.entries(d.shape)) {
          const values = f._zod.values;
          if (f._zod.optin === undefined && values && [...values].every((x) => typeof x == 'string'))
            parts.push(`(${[...values].map((x) => `v[${JSON.stringify(k)}] === ${JSON.stringify(x)}`).join(' || ')})`);
        }
        return parts.join(' && ');
      }
      case 'literal':
      case 'enum': {
        const values = [...s._zod.values];
        return values.every((x) => ['string', 'boolean'].includes(typeof x))
          ? `(${values.map((x) => `v === ${JSON.stringify(x)}`).join(' || ')})`
          : 'true';
      }
      case 'union':
        return `(${d.options.map(guard).join(' || ')})`;
      case 'pipe':
        return guard(d.in);
      default:
        return 'true';
    }
  };

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

  /** A named constant for `expr` (a combinator from src/core/config/compiled.ts applied to other validators). */
  const consts = new Map();
  const constant = (expr) => {
    if (!consts.has(expr)) {
      const name = `v${bodies.size + consts.size}`;
      consts.set(expr, name);
      functions.push(`const ${name} = ${expr};`);
    }
    return consts.get(expr);
  };
  const use = (name) => (runtime.add(name), name);

  /** The name of a function `(v) => output` that throws X where zod reports an issue. */
  const fn = (s, where) => {
    if (memo.has(s)) return memo.get(s);
    const d = defOf(s);
    let base; // a validator for the type without its checks
    let body; // or a function body with them
    const noChecks = (what) => {
      if (checks(s, where).length) throw new CompileError(`${where}: checks on ${what}`);
    };
    switch (d.type) {
      case 'string':
      case 'number':
      case 'boolean':
        if (d.coerce) throw new CompileError(`${where}: coercion`);
        base = use({ string: 'str', number: 'num', boolean: 'bool' }[d.type]);
        break;
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
        body = [`if (!(${values.map((x) => `v === ${JSON.stringify(x)}`).join(' || ')})) throw X;`, 'const o = v;'];
        break;
      }
      case 'array':
        base = constant(`${use('arr')}(${fn(d.element, `${where}[]`)})`);
        break;
      case 'object': {
        const shape = d.shape;
        const keys = Object.keys(shape);
        if (Object.getOwnPropertySymbols(shape).length) throw new CompileError(`${where}: symbol keys`);
        const lines = [`if (typeof v != 'object' || v === null || Array.isArray(v)) throw X;`];
        const catchall = d.catchall ? defOf(d.catchall).type : undefined;
        if (catchall === 'never')
          lines.push(`for (const k in v) if (!${hoist(`new Set(${JSON.stringify(keys)})`, 'keys')}.has(k)) throw X;`);
        else if (catchall !== undefined) throw new CompileError(`${where}: an object with a catchall (${catchall})`);
        lines.push('const o: any = {};');
        for (const k of keys) {
          if (k === '__proto__') continue; // zod never writes it
          const f = shape[k];
          const { optin, optout } = f._zod;
          const key = JSON.stringify(k);
          const at = /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${key}]`;
          const call = `${fn(f, `${where}.${k}`)}(v${at})`;
          if (optin === undefined) lines.push(takesUndefined(f) ? `if (!(${key} in v)) throw X;` : '', `o${at} = ${call};`);
          else if (optin === 'optional' && optout === 'optional') lines.push(`if (${key} in v) o${at} = ${call};`);
          else if (optin === 'defaulted' && optout !== 'optional') lines.push(`o${at} = ${call};`);
          else if (optout === 'optional')
            // A default inside an optional: an absent key gets the default unless it fails (then it is left out).
            lines.push(
              `if (${key} in v) o${at} = ${call}; else { let t; try { t = ${fn(f, where)}(undefined); } catch (e) { if (e !== X) throw e; } if (t !== undefined) o${at} = t; }`,
            );
          else lines.push(`{ const t = ${call}; if (t !== undefined || ${key} in v) o${at} = t; }`);
        }
        body = lines.filter(Boolean);
        break;
      }
      case 'record': {
        const kd = defOf(d.keyType);
        if (kd.type !== 'string' || d.keyType._zod.values || d.mode === 'loose' || d.partial)
          throw new CompileError(`${where}: a record whose keys are not a plain string schema`);
        base = constant(`${use('rec')}(${fn(d.keyType, `${where}(key)`)}, ${fn(d.valueType, `${where}.*`)})`);
        break;
      }
      case 'union': {
        if (d.inclusive === false || d.discriminator)
          throw new CompileError(`${where}: ${d.discriminator ? 'discriminated' : 'exclusive'} union`);
        noChecks('a union');
        const options = d.options.map((option, i) => `[(v: any) => ${guard(option)}, ${fn(option, `${where}|${i}`)}]`);
        base = constant(`${use('oneOf')}(${options.join(', ')})`);
        break;
      }
      case 'pipe':
        if (defOf(d.out).type !== 'transform' && defOf(d.in).type === 'transform')
          throw new CompileError(`${where}: a pipe from a transform`);
        base = constant(`${use('pipe')}(${fn(d.in, where)}, ${fn(d.out, where)})`);
        break;
      case 'transform':
        if (!d.rule)
          throw new CompileError(
            `${where}: a transform written as a closure. Use convert() from src/core/config/checks.ts with a named rule.`,
          );
        body = [`const o = ${callRule(d.rule, 'v', where)};`, 'if (o === undefined) throw X;'];
        break;
      case 'optional': {
        noChecks('an optional');
        const inner = fn(d.innerType, where);
        base = constant(`${use(d.innerType._zod.optin === 'defaulted' ? 'optDefault' : 'opt')}(${inner})`);
        break;
      }
      case 'nullable':
        noChecks('a nullable');
        base = constant(`${use('nul')}(${fn(d.innerType, where)})`);
        break;
      case 'default':
      case 'prefault': {
        noChecks('a default');
        const value = d.defaultValue;
        if (value === undefined || JSON.stringify(JSON.parse(JSON.stringify(value) ?? 'null')) !== JSON.stringify(value))
          throw new CompileError(`${where}: a default that is not plain JSON`);
        // A fresh copy for each config, as zod's (shallow) clone of the default.
        base = constant(`${use(d.type === 'default' ? 'dflt' : 'pre')}(${fn(d.innerType, where)}, () => (${JSON.stringify(value)}))`);
        break;
      }
      default:
        throw new CompileError(`${where}: the zod type "${d.type}" is not compiled yet; add it to scripts/compile-validators.mjs.`);
    }
    const c = checks(s, where);
    let name = base;
    if (!base || c.length) {
      const text = [...(body ?? [`const o = ${base}(v);`]), ...c, 'return o;'].join('\n');
      name = bodies.get(text);
      if (!name) {
        name = `v${bodies.size + consts.size}`;
        bodies.set(text, name);
        functions.push(`function ${name}(v: any): any {\n${text}\n}`);
      }
    }
    memo.set(s, name);
    return name;
  };

  const exports = target.schemas.map((t) => {
    const schema = byModule[t.from]?.[t.schema];
    if (!schema?._zod) throw new CompileError(`${t.from} exports no zod schema ${t.schema}`);
    return { ...t, fn: fn(schema, t.schema) };
  });

  const rel = (file) => {
    const r = relative(outDir, file).replace(/\.ts$/, '.js');
    return r.startsWith('.') ? r : `./${r}`;
  };
  const schemaImports = new Map();
  for (const t of exports) schemaImports.set(t.from, [...(schemaImports.get(t.from) ?? []), t.schema]);
  const lines = [
    `// Generated by scripts/compile-validators.mjs from the zod schemas: do not edit (npm run build rewrites it).`,
    `// Accepts exactly what the schemas accept and returns what zod returns; zod explains the rest.`,
    `import type * as z from 'zod/mini';`,
    `import { ${[...runtime].sort().join(', ')}, type Compiled } from '${rel('src/core/config/compiled.ts')}';`,
    ...[...imports].map(([file, names]) => `import { ${[...names].map(([n, a]) => `${n} as ${a}`).join(', ')} } from '${rel(file)}';`),
    ...[...schemaImports].map(([file, names]) => `import type { ${names.join(', ')} } from '${rel(file)}';`),
    '',
    '// Defined as true in the classic-script bundle (vite.config.ts), which validates with zod alone.',
    'declare const __CARE_ZOD_ONLY__: boolean | undefined;',
    `const zodOnly = typeof __CARE_ZOD_ONLY__ == 'boolean' && __CARE_ZOD_ONLY__;`,
    '',
    ...hoisted.map(([n, e]) => `const ${n} = ${e};`),
    '',
    ...functions,
    '',
    ...exports.map(
      (t) =>
        `/** ${t.schema} (${t.from}), compiled. */\nexport const ${t.name}: Compiled<z.output<typeof ${t.schema}>> = compiled(zodOnly ? undefined : ${t.fn}, () => import('${rel(t.from)}').then((m) => m.${t.schema} as never));`,
    ),
  ];
  return lines.join('\n') + '\n';
}

export async function compileAll() {
  const { byModule, reachesZod } = await load();
  const index = ruleIndex(byModule);
  const config = (await prettier.resolveConfig(join(root, 'src/generated/x.ts'))) ?? {};
  const out = [];
  for (const t of targets) {
    const code = compileModule(t, byModule, index, reachesZod);
    out.push({ file: t.file, code: await prettier.format(code, { ...config, filepath: join(root, t.file) }) });
  }
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
