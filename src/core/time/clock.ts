// One clock for every widget instance: a single timer, fired just after each minute boundary, so all
// countdowns on a page change together and an idle page holds no timer at all.
type Tick = (now: number) => void;
const ticks = new Set<Tick>();
let timer: ReturnType<typeof setTimeout> | undefined;

const arm = (): void => {
  timer = setTimeout(
    () => {
      const now = Date.now();
      arm();
      ticks.forEach((f) => f(now));
    },
    60010 - (Date.now() % 6e4),
  );
};

/** Calls `fn` at the start of every minute until the returned function is called. */
export function everyMinute(fn: Tick): () => void {
  ticks.add(fn);
  timer ?? arm();
  return () => {
    ticks.delete(fn);
    if (!ticks.size) timer = void clearTimeout(timer);
  };
}

/** Whether the shared timer is running (for tests). @internal */
export const clockRunning = (): boolean => timer !== undefined;
