// A readability measure for English UI text: Flesch–Kincaid grade level (US school grade), with a syllable
// counter good enough for plain words (vowel groups, silent final e, -le, -ed and -es endings). Short UI
// strings make the formula unstable one by one, so catalogues are measured as a whole (each message one
// sentence) and, message by message, only those long enough to read as prose.

const EXCEPTIONS: Record<string, number> = {
  people: 2,
  every: 2,
  area: 3,
  idea: 3,
  being: 2,
  create: 2,
  video: 3,
  online: 2,
  phone: 1,
  here: 1,
  there: 1,
  where: 1,
  were: 1,
  one: 1,
  once: 1,
  some: 1,
  come: 1,
  done: 1,
  gone: 1,
  none: 1,
  live: 1,
  give: 1,
  have: 1,
  use: 1,
  used: 1,
  cancer: 2,
  carer: 2,
  carers: 2,
  nurse: 1,
  chemo: 2,
  quiet: 2,
};

/** Syllables in one English word (an estimate, as every readability formula uses). */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (w in EXCEPTIONS) return EXCEPTIONS[w]!;
  if (w.length <= 3) return 1;
  // Silent endings (-es, -ed, -e but not -le), a leading y as a consonant, then one syllable per vowel group.
  const core = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, core.match(/[aeiouy]{1,2}/g)?.length ?? 0);
}

/** Words of a text: letters (and inner apostrophes or hyphens), placeholders such as {count} read as one short word. */
export const words = (text: string): string[] => text.replace(/\{\w+\}/g, 'it').match(/[A-Za-z]+(?:['’-][A-Za-z]+)*/g) ?? [];

export interface Reading {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch–Kincaid grade level. */
  grade: number;
}

/** Flesch–Kincaid grade of a list of messages, each read as at least one sentence. */
export function fleschKincaid(messages: string[]): Reading {
  let w = 0;
  let s = 0;
  let syl = 0;
  for (const message of messages) {
    const list = words(message);
    if (!list.length) continue;
    w += list.length;
    s += Math.max(1, message.split(/[.!?:;]+(?:\s|$)/).filter((part) => words(part).length).length);
    syl += list.reduce((n, word) => n + syllables(word), 0);
  }
  const grade = w ? 0.39 * (w / s) + 11.8 * (syl / w) - 15.59 : 0;
  return { words: w, sentences: s, syllables: syl, grade: Math.round(grade * 10) / 10 };
}
