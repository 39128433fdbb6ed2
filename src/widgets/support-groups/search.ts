// Hand-written search for a few thousand short documents, tuned for "one keystroke, one frame":
// everything that depends only on the data is built once (normalised tokens, a sorted vocabulary with
// posting lists, synonym links), so typo matching scans distinct terms, not documents, and a keystroke
// reuses the work done for the tokens before the one being typed.

// NFD, marks stripped, lower case: "Leucémie" → "leucemie" (one function in core, shared with the feed's moderation).
import { normalise } from '../../core/text.js';

export const tokenize = (s: string): string[] => {
  const l = s.toLowerCase();
  // Most text is ASCII, give or take dashes and quotes (U+2000–206F, never letters): skip the slow Unicode path.
  return (/[^\x00-\x7f\u2000-\u206f]/.test(l) ? normalise(l).match(/[\p{L}\p{N}]+/gu) : l.match(/[a-z0-9]+/g)) ?? [];
};

/** Words that add nothing to a query for a support group (they would only exclude groups that omit them). */
const FILL = 'a an and the of for in on with to at by my me near'.split(' ');
const STOP = new Set([...FILL, 'group', 'groups', 'support', 'cancer', 'cancers']);
/** Filler words are not indexed: "b" or "f" typed should find breast or family groups, not every "by" or "for". */
const FILLER = new Set(FILL);

/** Built-in synonyms: each line is one group of words that find each other. */
const BUILT_IN = [
  'bowel colorectal colon rectal rectum',
  'blood leukaemia leukemia lymphoma myeloma haematological hematological',
  'skin melanoma',
  'gynaecological gynecological gyno ovarian ovary cervical cervix uterine uterus endometrial womb vulval',
  'lung mesothelioma',
  'prostate prostatic',
  'brain glioma glioblastoma',
  'breast mastectomy',
  'kidney renal',
  'liver hepatic',
  'stomach gastric oesophageal esophageal',
  'pancreas pancreatic',
  'child children kids paediatric pediatric',
  'teen teenage youth adolescent',
  'carer carers caregiver caregivers caring',
  'online virtual zoom internet',
  'phone telephone',
  'video zoom',
];

export interface SearchIndex {
  readonly size: number;
  /** Sorted distinct terms. */
  terms: string[];
  /** Postings in one flat list per kind: term t's documents are `docs[start[t]] … docs[start[t + 1] - 1]`. */
  start: Int32Array;
  docs: Int32Array;
  /** The best field weight of the term in that document. */
  weights: Uint8Array;
  /** Term → its id. */
  ids: Map<string, number>;
  /** Normalised word → the other words of its synonym groups. */
  synonyms: Map<string, string[]>;
  /** Each synonym of several words, as its words, with the other words of its synonym groups ("sclc"). */
  phrases: [words: string[], synonyms: string[]][];
  /** @internal scratch space, reused by every query */
  scratch: { score: Float32Array; stamp: Int32Array; hits: Uint8Array; gen: number; cache: Map<string, TokenHits> };
}

interface TokenHits {
  docs: Int32Array;
  scores: Float32Array;
}

/** A document's field texts (or lists), in the order of the weights. */
export type DocFields = (string | string[] | undefined)[];

/**
 * The documents: a list of their fields, or their count and a function that reads document d's fields when the
 * steps reach it (10,000 groups' fields read at once would be one long step).
 */
export type Docs = readonly DocFields[] | { readonly length: number; readonly fieldsOf: (d: number) => DocFields };

/**
 * Builds the index. `fields[d]` holds document d's field texts (or lists), `weights[f]` the weight of
 * field f (1–255). `extraSynonyms` adds to the built-in groups: `{ bowel: ['colorectal', 'colon'] }`.
 */
export const buildIndex = (...args: Parameters<typeof indexSteps>): SearchIndex => {
  const steps = indexSteps(...args);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
};

/**
 * `buildIndex` in small steps (each `next()` one: 250 documents, then the sorting in five), so whoever drives it
 * can stop after a few milliseconds and let the page paint or answer a key press. On a phone (4× slower) no step
 * of a 10,000-group index may come near 50 ms (`npm run bench`, "longest task while indexing").
 */
export function* indexSteps(fields: Docs, weights: number[], extraSynonyms: Record<string, string[]> = {}): Generator<void, SearchIndex> {
  // One pass collecting (term, doc, weight) triples, deduplicated per (term, doc), then a counting sort by term.
  const firstIds = new Map<string, number>();
  const termOf: number[] = [];
  const docOf: number[] = [];
  const weightOf: number[] = [];
  const lastDoc: number[] = [];
  const lastAt: number[] = [];
  const words = new Map<string, string[]>();
  // Each synonym as a query reads it: without the words a query drops ("colon cancer" is "colon"), unless that is all.
  const groups = [...BUILT_IN.map((line) => line.split(' ')), ...Object.entries(extraSynonyms).map(([k, v]) => [k, ...v])].map((group) =>
    group
      .map((x) => {
        const all = tokenize(x).filter((t) => !FILLER.has(t));
        const kept = all.filter((t) => !STOP.has(t));
        return (kept.length ? kept : all).join(' ');
      })
      .filter((x) => x),
  );
  // A synonym of several words ("small cell lung") is a term of its own, in each text that has all of them (not
  // its longest word alone: "colon cancer" was "cancer", which every group has).
  const phrases = [...new Set(groups.flat())].filter((x) => x.includes(' ')).map((x) => x.split(' '));
  const fieldsOf = 'fieldsOf' in fields ? fields.fieldsOf : (d: number) => fields[d]!;
  for (let d = 0; d < fields.length; d++) {
    if (d % 250 == 249) yield;
    fieldsOf(d).forEach((value, f) => {
      const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
      let tokens = words.get(text);
      if (!tokens) {
        const own = tokenize(text).filter((t) => !FILLER.has(t));
        for (const p of phrases) if (p.every((w) => own.includes(w))) own.push(p.join(' '));
        words.set(text, (tokens = own));
      }
      for (const token of tokens) {
        let id = firstIds.get(token);
        if (id === undefined) firstIds.set(token, (id = lastDoc.push(-1) - 1));
        if (lastDoc[id] === d) {
          if (weightOf[lastAt[id]!]! < weights[f]!) weightOf[lastAt[id]!] = weights[f]!;
        } else {
          lastDoc[id] = d;
          lastAt[id] = termOf.length;
          termOf.push(id);
          docOf.push(d);
          weightOf.push(weights[f]!);
        }
      }
    });
  }
  yield;
  const terms = [...firstIds.keys()].sort();
  yield;
  const ids = new Map(terms.map((t, i) => [t, i]));
  const remap = new Int32Array(terms.length);
  for (const [t, id] of firstIds) remap[id] = ids.get(t)!;
  yield;
  const start = new Int32Array(terms.length + 1);
  for (const id of termOf) start[remap[id]! + 1]!++;
  yield;
  for (let t = 0; t < terms.length; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, terms.length);
  const docs = new Int32Array(termOf.length);
  const w = new Uint8Array(termOf.length);
  for (let k = 0; k < termOf.length; k++) {
    if (k % 65536 == 65535) yield;
    const at = fill[remap[termOf[k]!]!]!++;
    docs[at] = docOf[k]!;
    w[at] = weightOf[k]!;
  }
  yield;

  const synonyms = new Map<string, Set<string>>();
  const phrased = new Map<string, Set<string>>();
  for (const group of groups) {
    // A word leads to its synonyms, a phrase only once a query has all its words (`search`): a query is single words,
    // and a phrase matched from its first letters ("small" being typed) would lead from one of its words alone.
    for (const a of group) {
      const map = a.includes(' ') ? phrased : synonyms;
      let set = map.get(a);
      if (!set) map.set(a, (set = new Set()));
      for (const b of group) if (b !== a) set.add(b);
    }
  }

  const n = fields.length;
  return {
    size: n,
    terms,
    start,
    docs,
    weights: w,
    ids,
    synonyms: new Map([...synonyms].map(([k, v]) => [k, [...v]])),
    phrases: [...phrased].map(([k, v]) => [k.split(' '), [...v]]),
    scratch: { score: new Float32Array(n), stamp: new Int32Array(n), hits: new Uint8Array(n), gen: 0, cache: new Map() },
  };
}

/** Edits allowed for a token of this length: none below 4 characters, 1 up to 7, 2 from 8. */
export const allowedEdits = (length: number): number => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

const rows = [new Int32Array(66), new Int32Array(66), new Int32Array(66)];

/**
 * Bounded Levenshtein (with adjacent transposition counted as one edit) between `a` and `b`, and between
 * `a` and the best prefix of `b`. Returns `[full, prefix]`; values above `max` mean "too far".
 */
export function boundedDistance(a: string, b: string, max: number): [number, number] {
  const m = b.length;
  if (a.length > 64 || m > 64) return [max + 1, max + 1];
  let [twoBack, prev, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= m; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    [twoBack, prev, row] = [prev, row, twoBack];
    const ai = a.charCodeAt(i - 1);
    row[0] = i;
    let low = i;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, twoBack[j - 2]! + 1);
      row[j] = v;
      if (v < low) low = v;
    }
    if (low > max) return [max + 1, max + 1];
  }
  let best = max + 1;
  for (let j = Math.max(0, a.length - max); j <= m; j++) if (row[j]! < best) best = row[j]!;
  return [row[m]!, best];
}

/** The first index in sorted `terms` not below `s`. */
function lowerBound(terms: string[], s: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]! < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Scoring: a query token matches terms (exactly, as a prefix, with a typo, or through a synonym), each with a
// match quality below; its score in a document is the best quality × field weight (the finder weighs a name
// above a description) over the terms it matched there. A document's score is the sum over the query's
// tokens, and it must match every token; ties keep the caller's order (by name).

/**
 * Match quality: how surely a term is what the token meant. A finished word beats a prefix, one typo two; a
 * typo in the part typed so far of a longer term ("bres" for "breast") counts less than a plain prefix ("brea");
 * a synonym counts a little less than the word it stands in for (its quality × `Synonym`).
 */
const enum Match {
  Exact = 1,
  Prefix = 0.85,
  OneTypo = 0.7,
  TwoTypos = 0.5,
  PrefixOneTypo = 0.6,
  PrefixTwoTypos = 0.4,
  Synonym = 0.9,
}

/**
 * Which terms a query token stands for, with a match quality (Match.Exact, lower for prefixes, typos, synonyms).
 * `also`: synonyms of a phrase the query has in full, one of whose words the token is.
 */
export function expandToken(index: SearchIndex, token: string, prefix: boolean, also: string[] = []): Map<number, number> {
  const out = new Map<number, number>();
  const add = (id: number | undefined, q: number) => {
    if (id !== undefined && (out.get(id) ?? 0) < q) out.set(id, q);
  };
  const { terms, ids } = index;
  add(ids.get(token), Match.Exact);
  if (prefix) {
    for (let i = lowerBound(terms, token); i < terms.length && terms[i]!.startsWith(token); i++) add(i, Match.Prefix);
  }
  const max = allowedEdits(token.length);
  if (max) {
    const L = token.length;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      const m = t.length;
      if (m < L - max || (!prefix && m > L + max)) continue;
      // A cheap filter: a term sharing neither of the token's first two letters is rarely a typo of it.
      if (t.charCodeAt(0) !== token.charCodeAt(0) && t.charCodeAt(1) !== token.charCodeAt(1) && t.charCodeAt(0) !== token.charCodeAt(1))
        continue;
      const [full, pre] = boundedDistance(token, t, max);
      if (full <= max) add(i, full === 1 ? Match.OneTypo : Match.TwoTypos);
      else if (prefix && pre <= max) add(i, pre === 1 ? Match.PrefixOneTypo : Match.PrefixTwoTypos);
    }
  }
  // Synonyms of the token itself and of every term it matched.
  const words = [[token, Match.Exact] as const, ...[...out].map(([id, q]) => [terms[id]!, q] as const)];
  for (const [word, q] of words) for (const s of index.synonyms.get(word) ?? []) add(ids.get(s), q * Match.Synonym);
  for (const s of also) add(ids.get(s), Match.Synonym);
  return out;
}

function tokenHits(index: SearchIndex, token: string, prefix: boolean, also?: string[]): TokenHits {
  // A token is one word: what follows its space is the phrases' synonyms.
  const key = `${token}${prefix ? '*' : ''} ${also}`;
  const cache = index.scratch.cache;
  const cached = cache.get(key);
  if (cached) return cached;
  const s = index.scratch;
  const gen = ++s.gen;
  const found: number[] = [];
  for (const [id, q] of expandToken(index, token, prefix, also)) {
    const { docs, weights, start } = index;
    for (let k = start[id]!, end = start[id + 1]!; k < end; k++) {
      const d = docs[k]!;
      const v = q * weights[k]!;
      if (s.stamp[d] !== gen) {
        s.stamp[d] = gen;
        s.score[d] = v;
        found.push(d);
      } else if (v > s.score[d]!) s.score[d] = v;
    }
  }
  const hits = { docs: Int32Array.from(found), scores: Float32Array.from(found, (d) => s.score[d]!) };
  if (cache.size > 200) cache.delete(cache.keys().next().value!);
  cache.set(key, hits);
  return hits;
}

/** The query's meaningful tokens; the last is matched as a prefix while it is being typed. */
export function queryTokens(query: string): { token: string; prefix: boolean }[] {
  const tokens = tokenize(query);
  const typing = tokens.length > 0 && /[\p{L}\p{N}]$/u.test(query);
  const out = tokens.map((token, i) => ({ token, prefix: typing && i === tokens.length - 1 }));
  // The word being typed is a prefix from its first letter ("m" finds melanoma, Morning, Men's Shed); a short
  // filler word typed alone is one too ("me", "on", "my" begin melanoma, online, myeloma), but after other words it
  // is most likely finished ("breast near me", "groups for a"): it narrows nothing until a third letter.
  // A word written twice is one word, its last ("bowel bowel" finds what "bowel" finds; a link may repeat it a
  // hundred times).
  const last = new Map(out.map((t, i) => [t.token, i]));
  return out.filter((t, i) => last.get(t.token) == i && (!STOP.has(t.token) || (t.prefix && t.token.length < 3 && !i)));
}

/**
 * The packed sort key: "higher score first, then lower rank" as one number that sorts ascending. The score's
 * distance below the ceiling, in 1/256 steps, sits above the rank (2^12 × 2^8 × 2^24 = 2^44: exact in a double).
 */
const enum SortKey {
  /** Above any real score (a token adds at most one field weight: 50 in the finder), so the key stays positive. */
  ScoreCeiling = 4096,
  /** Scores closer than 1/256 tie (then the rank decides). */
  ScoreSteps = 256,
  /** Room for the rank in the key's low part: up to 16.7 million documents. */
  Ranks = 1 << 24,
}

/**
 * Documents matching every token of `query`, best first; ties keep `order` (each document's rank when there
 * is no query; `byOrder` is its inverse). Returns undefined for an empty query: every document matches.
 */
export function search(index: SearchIndex, query: string, order?: Int32Array, byOrder?: ArrayLike<number>): number[] | undefined {
  const byRank = (r: number) => (byOrder ? byOrder[r]! : r);
  const tokens = queryTokens(query);
  if (!tokens.length) return undefined;
  // A phrase synonym typed in full ("small cell lung") finds its synonyms too ("sclc"), as they find it: each of its
  // words also stands for them, so a group with one of them has every word (one look over the phrases per query).
  const words = new Set(tokens.map((t) => t.token));
  const also = new Map<string, string[]>();
  for (const [phrase, synonyms] of index.phrases)
    if (phrase.every((w) => words.has(w))) for (const w of phrase) also.set(w, [...(also.get(w) ?? []), ...synonyms]);
  const lists = tokens.map(({ token, prefix }) => tokenHits(index, token, prefix, also.get(token)));
  // Intersect, shortest list first.
  lists.sort((a, b) => a.docs.length - b.docs.length);
  const s = index.scratch;
  const gen = ++s.gen;
  const first = lists[0]!;
  for (let k = 0; k < first.docs.length; k++) {
    const d = first.docs[k]!;
    s.stamp[d] = gen;
    s.hits[d] = 1;
    s.score[d] = first.scores[k]!;
  }
  for (let l = 1; l < lists.length; l++) {
    const { docs, scores } = lists[l]!;
    for (let k = 0; k < docs.length; k++) {
      const d = docs[k]!;
      if (s.stamp[d] === gen && s.hits[d] === l) {
        s.hits[d] = l + 1;
        s.score[d] += scores[k]!;
      }
    }
  }
  // Sort numerically on one packed key (`SortKey`): no comparator calls.
  const want = lists.length;
  const keys = new Float64Array(first.docs.length);
  let found = 0;
  for (let k = 0; k < first.docs.length; k++) {
    const d = first.docs[k]!;
    if (s.hits[d] !== want) continue;
    // A score past the ceiling (a query of one word written a hundred times, from a link) would wrap the key.
    keys[found++] =
      Math.round((SortKey.ScoreCeiling - Math.min(s.score[d]!, SortKey.ScoreCeiling)) * SortKey.ScoreSteps) * SortKey.Ranks +
      (order ? order[d]! : d);
  }
  const sorted = keys.subarray(0, found).sort();
  const docs: number[] = new Array(found);
  for (let k = 0; k < found; k++) docs[k] = byRank(sorted[k]! % SortKey.Ranks);
  return docs;
}
