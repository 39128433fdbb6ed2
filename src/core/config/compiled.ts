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

export const enumerable = (o: object, k: PropertyKey): boolean => Object.prototype.propertyIsEnumerable.call(o, k);
