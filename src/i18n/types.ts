/**
 * One language's messages for every part of CareCircle, by part then key. Keys are those of the English
 * catalogues; plural keys (`count_one`, `count_other` in English) carry every category the language's
 * `Intl.PluralRules` uses (`_zero`, `_one`, `_two`, `_few`, `_many`, `_other`), and every `{placeholder}`
 * of the English message, no more and no fewer.
 */
export interface LocaleBundle {
  core: Record<string, string>;
  'hashtag-feed': Record<string, string>;
  'support-groups': Record<string, string>;
  'chat-schedule': Record<string, string>;
  /** Editor-facing config error messages (the common ones), by key; optional. */
  errors?: Record<string, string>;
}
