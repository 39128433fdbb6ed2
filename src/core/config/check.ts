import type { Compiled } from './compiled.js';
import { editorPanel } from './issue-text.js';
import type { Recoverable, Validated } from './validate.js';

/**
 * A config check that may finish in two steps: what the widget's first screen needs now (`value`), and the
 * check of the whole config (`rest`), done in background slices, with which the widget is configured again.
 */
export type Checked<T> = Validated<T> & { rest?: Promise<Validated<T>> };

/**
 * Checks a config with the validator compiled from its schema; only when that rejects it (a problem, or a bad
 * item a widget would skip) are zod, the schema and the messages loaded (chunks beside the widget's script,
 * shared by every widget on the page) to explain it and recover what can be recovered, exactly as before.
 * Synchronous for a valid config, so nothing waits on a network round trip.
 */
export function checkConfig<T>(validator: Compiled<T>, data: unknown, recoverable: Recoverable): Validated<T> | Promise<Validated<T>> {
  const value = validator.accept(data);
  if (value !== undefined) return { value, errors: [], skipped: [] };
  return explainConfig(validator, data, recoverable);
}

/** zod's check of a config the compiled validator rejected: what is wrong, by path, and what can be recovered. */
export function explainConfig<T>(validator: Compiled<T>, data: unknown, recoverable: Recoverable): Promise<Validated<T>> {
  // The editor's panel comes with the explanation, to show it.
  return Promise.all([import('./validate.js'), validator.schema(), editorPanel.load().catch(() => {})]).then(
    ([{ validate }, schema]) => validate(schema, data, recoverable),
    (error: unknown) => ({
      errors: [
        {
          path: '(root)',
          message: `This config is not valid, and the part of the widget that says why could not load (${String(error)}). Check it with npx carecircle check.`,
        },
      ],
      skipped: [],
    }),
  );
}
