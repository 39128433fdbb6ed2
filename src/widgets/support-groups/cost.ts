// What a group costs: a few kinds people can filter on, and an optional note in the editor's words.

/** The kinds of cost, in the order the Cost filter shows them. */
export const COSTS = ['free', 'low-cost', 'paid', 'donation'] as const;
export type CostType = (typeof COSTS)[number];
export interface Cost {
  type: CostType;
  note?: string;
}

// A text that starts with a kind's words ("Free, bus fares refunded"); a donation may be named anywhere ("Gold coin donation").
const KINDS: [RegExp, CostType][] = [
  [/^(free|no (cost|charge))\b[\s,.:;–—-]*/i, 'free'],
  [/^low[\s-]cost\b[\s,.:;–—-]*/i, 'low-cost'],
  [/^paid\b[\s,.:;–—-]*/i, 'paid'],
  [/^donations?\b[\s,.:;–—-]*/i, 'donation'],
];

/**
 * A cost written as text (the old form) read as a kind plus a note: "Free (we call you)" → free, "we call
 * you". Undefined when the text does not clearly say which kind it is.
 */
export function readCost(text: string): Cost | undefined {
  const t = text.trim();
  for (const [re, type] of KINDS) {
    const m = re.exec(t);
    if (m) {
      const note = t
        .slice(m[0].length)
        .replace(/^\((.*)\)$/, '$1')
        .trim();
      return note ? { type, note } : { type };
    }
  }
  return /\bdonation\b/i.test(t) ? { type: 'donation', note: t } : undefined;
}

/** A cost as validated: the object form as it is, the text form read by `readCost` (undefined when it cannot be). */
export const costOf = (v: Cost | string): Cost | undefined => (typeof v == 'string' ? readCost(v) : v);
