/** Per-language text, kept whole by validation and chosen for the widget's language afterwards. */
export class LocalText {
  constructor(readonly texts: Record<string, string>) {}
}

/**
 * A copy of a validated config with every per-language text replaced by the text for `chain` (most specific
 * language first), or the config itself when it has none. Only plain objects and lists are walked.
 */
export function resolveLocalText<T>(value: T, chain: readonly string[]): T {
  const walk = (v: unknown): unknown => {
    if (v instanceof LocalText) {
      const lower = Object.fromEntries(Object.entries(v.texts).map(([k, t]) => [k.toLowerCase(), t]));
      for (const tag of chain) if (lower[tag.toLowerCase()] !== undefined) return lower[tag.toLowerCase()];
      return Object.values(v.texts)[0];
    }
    if (Array.isArray(v)) {
      const out = v.map(walk);
      return out.some((x, i) => x !== v[i]) ? out : v;
    }
    if (v && typeof v == 'object' && Object.getPrototypeOf(v) == Object.prototype) {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) changed = (out[k] = walk(x)) !== x || changed;
      return changed ? out : v;
    }
    return v;
  };
  return walk(value) as T;
}
