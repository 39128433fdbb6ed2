// What happens to a post when it is first collected (or edited at its source): the pipeline's rules. Matching
// uses the feed widget's own moderation code (src/core/moderation.ts), so a word blocked in the pipeline is the
// same word the widget would block.
import { byAuthor, firstPhrase, handleKey, visibleWords } from '../core/moderation.js';
import { normalise } from '../core/text.js';
import type { Post } from '../sources/posts.js';
import type { ReviewState } from './types.js';
import { plainText, shownText } from './text.js';

/**
 * Phrases that, in posts about cancer, almost always promote a harmful or unproven "cure" or discourage proven
 * treatment. Drawn from the myths that cancer charities and agencies answer publicly (Cancer Research UK's
 * "Don't believe the hype" series, the US National Cancer Institute's "Common Cancer Myths and
 * Misconceptions", Memorial Sloan Kettering's herb database on laetrile/amygdalin, black salve and Essiac, and
 * the FDA's warnings on "Miracle Mineral Solution"). Kept short and specific on purpose: each is a phrase, not
 * a word, and matched as whole words, so "chemo" or "natural" alone never matches. A match holds the post for
 * clinical review by default (`rules.misinformation.action`), because a patient may also quote a myth to ask
 * about it; switch the list off with `rules.misinformation.defaults: false`, extend it with `phrases`.
 */
export const DEFAULT_MISINFORMATION: readonly string[] = [
  'cure cancer naturally',
  'cures cancer naturally',
  'cured my cancer naturally',
  'natural cure for cancer',
  'cancer cure they don\u2019t want you to know',
  "cancer cure they don't want you to know",
  'big pharma is hiding the cure',
  'chemo kills',
  'chemotherapy kills',
  'chemo is poison',
  'chemotherapy is poison',
  'apricot kernels',
  'apricot seeds cure',
  'laetrile',
  'vitamin b17',
  'amygdalin',
  'black salve',
  'bloodroot salve',
  'cancer is a fungus',
  'baking soda cures cancer',
  'alkaline diet cures cancer',
  'miracle mineral solution',
  'chlorine dioxide',
  'essiac tea',
  'gerson therapy',
  'coffee enemas',
  'fenbendazole',
  'ivermectin cures cancer',
  'mammograms cause cancer',
  'mammograms spread cancer',
  'antiperspirants cause breast cancer',
  'deodorant causes breast cancer',
  'bras cause breast cancer',
  'biopsy spreads cancer',
];

/** The rules as the config resolves them (src/pipeline/config.ts `rules`). */
export interface Rules {
  /** Accounts whose posts are approved on arrival (the hospital's own clinicians). */
  autoApprove: string[];
  blockAccounts: string[];
  blockWords: string[];
  misinformation: { defaults: boolean; phrases: string[]; action: 'hold' | 'reject' };
  /** `reject`: a post whose text another post already has is rejected as "duplicate of <key>"; `off`: kept for review. */
  duplicates: 'reject' | 'off';
}

export const defaultRules = (): Rules => ({
  autoApprove: [],
  blockAccounts: [],
  blockWords: [],
  misinformation: { defaults: true, phrases: [], action: 'hold' },
  duplicates: 'reject',
});

export interface Verdict {
  state: ReviewState;
  /** The rule that decided, for the record and the audit log; none when the post simply waits. */
  reason?: string;
}

/**
 * The text two posts must share to be duplicates: the plain text with links, mentions and hashtags removed,
 * case, accents, punctuation and spacing folded. Too short a text (a bare hashtag, "Thank you!") is never a
 * duplicate: many people write it independently.
 */
export function duplicateText(post: Post): string | undefined {
  const t = normalise(plainText(post))
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[@#][\p{L}\p{N}_.@-]+/gu, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return t.length >= 24 && t.split(' ').length >= 5 ? t : undefined;
}

/** Finds earlier posts with the same text (first come, first kept). */
export class DuplicateIndex {
  #byText = new Map<string, string>();
  /** Registers `key` for `post`'s text unless an earlier post has it; returns that earlier post's key. */
  claim(post: Post, key: string): string | undefined {
    const t = duplicateText(post);
    if (!t) return undefined;
    const first = this.#byText.get(t);
    if (first !== undefined && first !== key) return first;
    this.#byText.set(t, key);
    return undefined;
  }
}

/** The words the misinformation list checks, built once per run. */
export const misinformationPhrases = (rules: Rules): string[] => [
  ...(rules.misinformation.defaults ? DEFAULT_MISINFORMATION : []),
  ...rules.misinformation.phrases,
];

/**
 * Decides a post: blocked accounts, then blocked words, then misinformation phrases, then duplicates, then
 * auto-approved accounts; everything else waits for review. Blocks win over auto-approval (a clinician's
 * hacked account is still blocked by a word). `duplicateOf` is the key of an earlier post with the same text.
 */
export function judge(post: Post, rules: Rules, phrases: readonly string[], duplicateOf?: string): Verdict {
  const who = handleKey(post.author.handle);
  if (byAuthor(rules.blockAccounts, post)) return { state: 'rejected', reason: `blocked account ${who}` };
  const words = visibleWords(post, shownText(post));
  const blocked = firstPhrase(words, rules.blockWords);
  if (blocked !== undefined) return { state: 'rejected', reason: `blocked word "${blocked}"` };
  const myth = firstPhrase(words, phrases);
  if (myth !== undefined)
    return { state: rules.misinformation.action === 'reject' ? 'rejected' : 'held', reason: `misinformation phrase "${myth}"` };
  if (duplicateOf && rules.duplicates === 'reject') return { state: 'rejected', reason: `duplicate of ${duplicateOf}` };
  if (byAuthor(rules.autoApprove, post)) return { state: 'approved', reason: `auto-approve ${who}` };
  return { state: 'pending' };
}
