/** Per-language text, kept whole by validation and chosen for the widget's language afterwards. */
export class LocalText {
  constructor(readonly texts: Record<string, string>) {}
}

/**
 * Each list item's result for the last language chain it was resolved in: a long list resolved a slice at a
 * time (support groups) is not walked again whole when its config is applied.
 */
const items = new WeakMap<object, [chain: string, value: unknown]>();

/**
 * A copy of a validated config with every per-language text replaced by the text for `chain` (most specific
 * language first), or the config itself when it has none. Only plain objects and lists are walked.
 */
export function resolveLocalText<T>(value: T, chain: readonly string[]): T {
  const tags = chain.map((tag) => tag.toLowerCase());
  const key = tags.join();
  // A config of 10,000 groups is walked on every load: nothing is copied until a text is found to replace.
  const walk = (v: unknown): unknown => {
    if (typeof v != 'object' || v === null) return v;
    if (v instanceof LocalText) {
      const lower = Object.fromEntries(Object.entries(v.texts).map(([k, t]) => [k.toLowerCase(), t]));
      for (const tag of tags) if (lower[tag] !== undefined) return lower[tag];
      return Object.values(v.texts)[0];
    }
    if (Array.isArray(v)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        let x: unknown;
        if (typeof item == 'object' && item !== null) {
          const hit = items.get(item);
          if (hit?.[0] === key) x = hit[1];
          else items.set(item, [key, (x = walk(item))]);
        } else x = item;
        if (x !== item) (out ??= v.slice())[i] = x;
      }
      return out ?? v;
    }
    if (Object.getPrototypeOf(v) != Object.prototype) return v;
    let out: Record<string, unknown> | undefined;
    for (const k of Object.keys(v)) {
      const x = walk((v as Record<string, unknown>)[k]);
      if (x !== (v as Record<string, unknown>)[k]) (out ??= { ...v })[k] = x;
    }
    return out ?? v;
  };
  return walk(value) as T;
}
