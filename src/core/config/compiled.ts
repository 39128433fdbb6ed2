import type * as z from 'zod/mini';

// What the validators compiled from the zod schemas (src/generated/, by scripts/compile-validators.mjs) share.
// No zod at run time: a page checks its config with plain code, and loads zod only to explain a rejection.

/** Thrown (never as an Error: nothing to capture) where zod would report an issue; caught at the top. */
export const X: unknown = Object.freeze({ rejected: true });

/** A validator compiled from a zod schema. */
export interface Compiled<T> {
  /**
   * The value zod would give (defaults applied, conversions made), or undefined where zod would report any
   * issue (the schema then explains it). Never throws.
   */
  accept(data: unknown): T | undefined;
  /** The zod schema it was compiled from, loaded on demand (zod and the schema are a chunk of their own). */
  schema(): Promise<z.ZodMiniType<T>>;
}

/**
 * `check` wrapped so that a rejection (or anything a rule throws) is undefined: zod then explains. Without a
 * `check` (the classic-script bundle, which carries zod anyway: `__CARE_ZOD_ONLY__`), zod decides every config.
 */
export const compiled = <T>(check: ((v: unknown) => T) | undefined, schema: () => Promise<z.ZodMiniType<T>>): Compiled<T> => ({
  accept(data) {
    try {
      return check?.(data);
    } catch {
      return undefined;
    }
  },
  schema,
});

/** zod's test for a record: an object whose prototype is Object's (or none), as `util.isPlainObject`. */
export function isPlainObject(o: unknown): o is Record<PropertyKey, unknown> {
  if (typeof o != 'object' || o === null || Array.isArray(o)) return false;
  const ctor = (o as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor != 'function') return true;
  const prot = (ctor as { prototype?: unknown }).prototype;
  if (typeof prot != 'object' || prot === null || Array.isArray(prot)) return false;
  return Object.prototype.hasOwnProperty.call(prot, 'isPrototypeOf');
}

/** A string's length in code points, as zod counts it for min and max lengths. */
export const codePoints = (s: string): number => {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) (n--, i++);
  return n;
};

// The building blocks of the generated validators, each doing what zod does for its kind of schema (see
// scripts/compile-validators.mjs); a validator is `(value) => output`, throwing X where zod reports an issue. The
// generated code is only these applied to each other (data, not code per field): smaller in every bundle, and a
// sub-schema the widgets share (local text, a web address, a schedule) is one value in one module.
type V = (v: any) => any;
/** A check or conversion: a named rule (./rules.ts) or one below, called with the value and its arguments. */
type Rule = (v: any, ...args: any[]) => unknown;

/** zod's test for an object (not a record: any prototype will do). */
export const isObj = (v: unknown): v is Record<string, any> => typeof v == 'object' && v !== null && !Array.isArray(v);

export const str: V = (v) => {
  if (typeof v != 'string') throw X;
  return v;
};
/** zod's number: finite, never NaN. */
export const num: V = (v) => {
  if (typeof v != 'number' || !isFinite(v)) throw X;
  return v;
};
export const bool: V = (v) => {
  if (typeof v != 'boolean') throw X;
  return v;
};
/** A literal or enum: one of `values` (strings, booleans, null and finite numbers other than -0, by `===`). */
export const lit =
  (...values: unknown[]): V =>
  (v) => {
    if (!values.includes(v)) throw X;
    return v;
  };
/** `f`, then the check `rule(output, a, b, c)`, which must answer exactly true (the compiler passes at most 3). */
export const ck =
  (f: V, rule: Rule, a?: unknown, b?: unknown, c?: unknown): V =>
  (v) => {
    const o = f(v);
    if (rule(o, a, b, c) !== true) throw X;
    return o;
  };
/** A conversion: `rule(value, a, b, c)`, undefined where zod reports an issue. */
export const tf =
  (rule: Rule, a?: unknown, b?: unknown, c?: unknown): V =>
  (v) => {
    const o = rule(v, a, b, c);
    if (o === undefined) throw X;
    return o;
  };

// zod's own checks, as rules for `ck`. zod counts a string's length in code points; in UTF-16 units gives the same
// answer for a list, for a minimum of 0 or 1, and for a maximum of 0 (the compiler picks).
export const minLen = (v: string | unknown[], n: number) => v.length >= n;
export const maxLen = (v: string | unknown[], n: number) => v.length <= n;
export const minChars = (v: string, n: number) => codePoints(v) >= n;
export const maxChars = (v: string, n: number) => codePoints(v) <= n;
export const gte = (v: number, n: number) => v >= n;
export const gt = (v: number, n: number) => v > n;
export const lte = (v: number, n: number) => v <= n;
export const lt = (v: number, n: number) => v < n;
export const safeInt = (v: number) => Number.isSafeInteger(v); // a function of ours: unused, it leaves the bundle
/** A pattern from its start each time (a `g` or `y` pattern remembers where it stopped). */
export const pat = (v: string, re: RegExp) => ((re.lastIndex = 0), re.test(v));

/** zod's object, the start: a fresh output for `v`, which must be an object. */
export const ob = (v: unknown): any => {
  if (!isObj(v)) throw X;
  return {};
};
/** A strict object's end: `v` has no key outside its output `o` (which holds each key of the shape `v` has). */
export const only = (v: object, o: object): any => {
  for (const k in v) if (!Object.hasOwn(o, k)) throw X;
  return o;
};
export const opt =
  (f: V): V =>
  (v) =>
    v === undefined ? undefined : f(v);
/** An optional around a default: absent gets the default, unless that fails (then it stays absent). */
export const optDefault =
  (f: V): V =>
  (v) => {
    if (v !== undefined) return f(v);
    try {
      return f(v);
    } catch (e) {
      if (e !== X) throw e;
      return undefined;
    }
  };
export const nul =
  (f: V): V =>
  (v) =>
    v === null ? null : f(v);
/** A default: a value, or (an object or a list) a function giving a fresh copy for each config, as zod's clone. */
type Default = string | number | boolean | null | (() => unknown);
const fresh = (d: Default) => (typeof d == 'function' ? d() : d);
/** zod's default: absent (or an inner result of undefined) gets the default, which is not checked. */
export const dflt =
  (f: V, d: Default): V =>
  (v) => {
    if (v === undefined) return fresh(d);
    const t = f(v);
    return t === undefined ? fresh(d) : t;
  };
/** zod's prefault: absent is replaced by the default, which is then checked like any value. */
export const pre =
  (f: V, d: Default): V =>
  (v) =>
    f(v === undefined ? fresh(d) : v);
export const pipe =
  (a: V, b: V): V =>
  (v) =>
    b(a(v));
export const arr =
  (f: V): V =>
  (v) => {
    if (!Array.isArray(v)) throw X;
    const o = Array(v.length);
    for (let i = 0; i < v.length; i++) o[i] = f(v[i]);
    return o;
  };
/** zod's record with a string key schema: own enumerable keys (symbols fail the key), `__proto__` never written. */
export const rec =
  (k: V, f: V): V =>
  (v) => {
    if (!isPlainObject(v)) throw X;
    const o: any = {};
    for (const key of Reflect.ownKeys(v)) {
      if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(v, key)) continue;
      const out = k(key);
      if (out !== '__proto__') o[out] = f(v[key]);
    }
    return o;
  };
/**
 * zod's union: the first option that accepts, in order; `may` skips an option that cannot (a cheap necessary
 * test; 0 when there is none).
 */
export const oneOf =
  (...options: [may: ((v: any) => boolean) | 0, f: V][]): V =>
  (v) => {
    for (const [may, f] of options)
      if (!may || may(v))
        try {
          return f(v);
        } catch (e) {
          if (e !== X) throw e;
        }
    throw X;
  };
