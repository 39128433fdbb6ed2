/**
 * A feature module loaded at its first use rather than with the widget: `import()` of a chunk that the ES
 * bundles fetch from beside themselves (the browser resolves it from the bundle's own URL, so one script tag
 * works from any folder), and that the classic-script bundle carries inline. The load is shared by every
 * instance on the page. After a failure (the chunk is missing, a proxy or the page's CSP blocks it) the next
 * use tries again, so a passing network problem does not disable the feature for the rest of the visit.
 */
export interface Lazy<T> {
  (): Promise<T>;
  /** The module once it has loaded, for code that must run synchronously (a click that starts a download). */
  readonly value: T | undefined;
}

export function lazy<T>(load: () => Promise<T>): Lazy<T> {
  let pending: Promise<T> | undefined;
  const get = (() =>
    (pending ??= load().then(
      (m) => ((state.value = m), m),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ))) as Lazy<T>;
  const state = get as { value?: T };
  return get;
}
