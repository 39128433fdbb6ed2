// Work split into tasks, so a phone never sees one long task: the browser paints and handles input between them.
// scheduler.postTask where the browser has it (it orders the tasks by priority), else requestIdleCallback for
// background work, else setTimeout.

type Priority = 'user-visible' | 'background';
interface Scheduler {
  postTask(fn: () => void, options: { priority: Priority; signal: AbortSignal }): Promise<void>;
}
const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;

/** Runs `fn` in a later task (never in this one); the returned function cancels it if it has not run. */
export function later(fn: () => void, priority: Priority = 'user-visible'): () => void {
  if (scheduler?.postTask) {
    const abort = new AbortController();
    scheduler.postTask(fn, { priority, signal: abort.signal }).catch(() => {});
    return () => abort.abort();
  }
  if (priority == 'background' && typeof requestIdleCallback == 'function') {
    const id = requestIdleCallback(fn, { timeout: 500 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn);
  return () => clearTimeout(id);
}

/** Whether a slice of work that began at `start` (performance.now()) has used its share of a task. */
export const overBudget = (start: number, ms = 8): boolean => performance.now() - start > ms;

/** Resolves in a later task: `await nextTask()` ends the current one, so what follows is a task of its own. */
export const nextTask = (priority?: Priority): Promise<void> => new Promise((resolve) => void later(resolve, priority));

/**
 * Runs `steps` in user-visible tasks of about 6 ms each, each queueing the next (each step takes a millisecond or two:
 * a background task waits until they are all done); rejects when `signal` aborts or a step throws. Resolves in a task
 * of its own: what awaits the result (applying the whole list, and its render) must not run in the last slice's task,
 * or that one task is long.
 */
export function inSlices<T>(steps: Generator<void, T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const slice = () => {
      if (signal.aborted) return reject(signal.reason);
      const start = performance.now();
      try {
        for (;;) {
          const r = steps.next();
          if (r.done) return void later(() => (signal.aborted ? reject(signal.reason) : resolve(r.value)));
          if (overBudget(start, 6)) return void later(slice);
        }
      } catch (error) {
        // A step that throws fails the whole (a scheduler would swallow it, and the promise never settle).
        reject(error);
      }
    };
    later(slice);
  });
}
