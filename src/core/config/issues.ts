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
};

/**
 * An issue worded from `errorMessages` (English here; the widget shows a translation where its language has one).
 * `params` fill a translation, `english` (by default the same) the English message; a `reason` that is a core
 * message key (`fetch_notFound`) is translated too.
 */
export function keyedIssue(path: string, key: string, params: Record<string, string | number> = {}, english = params): ConfigIssue {
  const text = errorMessages[key] ?? errorMessages[`${key}_${english.count === 1 ? 'one' : 'other'}`]!;
  return { path, key, params, message: text.replace(/\{(\w+)\}/g, (m, name: string) => (name in english ? String(english[name]) : m)) };
}

// Here too for the CLI and tests; the widgets import it from item-name.ts, so this module stays a chunk.
export { itemName } from './item-name.js';
