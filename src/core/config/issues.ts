/** One problem in a config, by its dotted path (`groups.3.audiences.0`), in plain language. */
export interface ConfigIssue {
  path: string;
  message: string;
  /** For a skipped list item: the item as written (editors find it by its id or name, not its position). */
  item?: unknown;
  /** For a dropped optional field: the item still shows, without this field. */
  dropped?: 'field';
  /** The message's key in `errorMessages`, so a widget can show it in the reader's language (`errors` of a locale). */
  key?: string;
  /** Its placeholders' values, the same in every language (`{got}` is the value as written: `"nurse"`, `5`, `[…]`). */
  params?: Record<string, string | number>;
}

/**
 * The common config problems, by key: what `toConfigIssues` says in English, and what the `errors` part of a
 * language's bundle translates (editors may not read English either). `{got}` is the value found: here
 * "the text "nurse"", in a translation the value as written (`"nurse"`, `5`, `true`, `null`, `[…]`, `{…}`).
 */
export const errorMessages: Record<string, string> = {
  required_text: 'Required: add a text value.',
  required_number: 'Required: add a number.',
  required_boolean: 'Required: add true or false.',
  required_list: 'Required: add a list.',
  required_object: 'Required: add an object.',
  required_int: 'Required: add a whole number.',
  expected_text: 'Expected text, but got {got}.',
  expected_number: 'Expected a number, but got {got}.',
  expected_boolean: 'Expected true or false, but got {got}.',
  expected_list: 'Expected a list, but got {got}.',
  expected_object: 'Expected an object, but got {got}.',
  expected_int: 'Expected a whole number, but got {got}.',
  mustBe: 'Must be {value}.',
  oneOf: 'Must be one of {values}; got {got}.',
  minItems_one: 'Needs at least {count} item.',
  minItems_other: 'Needs at least {count} items.',
  maxItems: 'Allows at most {maximum} items.',
  notEmpty: 'Must not be empty.',
  minLength: 'Must be at least {minimum} characters.',
  maxLength: 'Must be at most {maximum} characters.',
  min: 'Must be at least {minimum}.',
  max: 'Must be at most {maximum}.',
  range: 'Must be from {minimum} to {maximum}.',
  rangeInt: 'Must be a whole number from {minimum} to {maximum}.',
  notUrl: 'Not a valid web address: {got}.',
  unknownKind: 'Unknown "{key}": {got}.',
  noForm: 'Does not match any allowed form.',
  unknownSetting: 'Unknown setting "{key}".',
  unknownSettingHint: 'Unknown setting "{key}". Did you mean "{hint}"?',
  jsonInline: 'The config in the <script type="application/json"> is not valid JSON: {error}',
  jsonProperty: 'The config in the config property is not valid JSON: {error}',
  badSrc: 'The src attribute "{src}" is not a valid address.',
  srcFailed: 'Could not load the config from {src}: {reason}',
  noConfig: 'No config found. Add a <script type="application/json"> inside the element, a src attribute, or set the config property.',
  crashed: 'The widget hit an internal error and stopped. The page itself is unaffected.',
  // The checks of single settings (core/config/checks.ts `rule`, the rules of core/config/rules.ts and
  // core/time/rules.ts): the widgets' bundles carry only these keys. RRULE words (FREQ=WEEKLY, BYDAY, UNTIL) and
  // examples (20261231) stay as they are in every language: they are what the editor types.
  rrule_freq: 'Cannot read this repeat rule: FREQ must be DAILY, WEEKLY or MONTHLY, not "{value}".',
  rrule_number: 'Cannot read this repeat rule: {part} must be a whole number above 0, not "{value}".',
  rrule_interval: 'Cannot read this repeat rule: INTERVAL must be a whole number from 1 to 1000, not "{value}".',
  rrule_until: 'Cannot read this repeat rule: UNTIL "{value}" is not a real date such as 20261231 or 20261231T235959Z.',
  rrule_wkst: 'Cannot read this repeat rule: WKST "{value}" is not a day such as MO.',
  rrule_byday: 'Cannot read this repeat rule: BYDAY "{value}" is not a day such as MO, 2TU or -1FR.',
  rrule_bymonthday: 'Cannot read this repeat rule: BYMONTHDAY "{value}" is not a day of the month from 1 to 31 (or -1 for the last).',
  rrule_unsupported: 'Cannot read this repeat rule: "{part}" is not supported: use FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT or UNTIL.',
  rrule_noFreq: 'Cannot read this repeat rule: FREQ is missing: start with FREQ=DAILY, FREQ=WEEKLY or FREQ=MONTHLY.',
  rrule_countAndUntil: 'Cannot read this repeat rule: use COUNT or UNTIL, not both.',
  rrule_numberedDays: 'Cannot read this repeat rule: numbered days such as 2TU need FREQ=MONTHLY.',
  untilBeforeStart: 'UNTIL={until} is before the start, so this never happens.',
  neverRepeats: 'No date after the start fits every part of this rule, so it never repeats: check BYDAY, BYMONTHDAY and INTERVAL together.',
  unknownZone: 'Not a known time-zone name: use one such as "America/New_York" or "Australia/Sydney".',
  realDateTime: 'Must be a real date and local time, written like "2026-01-05T21:00".',
  realDate: 'Must be a real date written YYYY-MM-DD, like "2026-12-28".',
  dateTime: 'Must be an ISO 8601 date and time, like 2026-11-28T09:30:00Z.',
  webAddress: 'Must be a web address starting with https:// or http://',
  serverAddress: 'Must be the server’s full address, like https://mastodon.social, or a path on this site starting with /',
  calendarAddress: 'Must be a webcal:// or https:// address, or a path on this site like /carecircle/chats.ics.',
  feedAddress: 'Must be a feed generator address, like at://did:plc:…/app.bsky.feed.generator/….',
  hashtag: 'A hashtag is letters, digits or _ (the # is optional), like "bcsm".',
  languageTag: 'Must be a language tag such as "en" or "zh-Hant"',
  oneLanguage: 'Give the text in at least one language.',
  refreshSeconds: 'Use 0 to turn refresh off, or at least {minimum} seconds.',
  costForm: 'Write the cost as { "type": … } with one of {kinds}, and a "note" if needed; got {got}.',
  duplicateId: 'Same id as {first}: ids must be unique, so this group is skipped.',
  duplicateChatId: 'Same id as {first}: ids must be unique (calendars tell chats apart by them), so this chat is skipped.',
};

/**
 * An issue worded from `errorMessages` (English here; the widget shows a translation where its language has one).
 * `params` fill a translation, `english` (by default the same) the English message; a `reason` that is a core
 * message key (`fetch_notFound`) is translated too.
 */
export function keyedIssue(path: string, key: string, params: Record<string, string | number> = {}, english = params): ConfigIssue {
  // A key with no wording (a rule's typo) still says which problem it is, rather than failing the explanation.
  const text =
    errorMessages[key] ?? errorMessages[`${key}_${english.count === 1 ? 'one' : 'other'}`] ?? `${key} ${JSON.stringify(english)}`;
  return { path, key, params, message: text.replace(/\{(\w+)\}/g, (m, name: string) => (name in english ? String(english[name]) : m)) };
}

// Here too for the CLI and tests; the widgets import it from item-name.ts, so this module stays a chunk.
export { itemName } from './item-name.js';
