const RealDate = Date;

/**
 * Makes `Date.now()` and `new Date()` return instant `t` (ms) while timers keep running; `restore()` gives the
 * page its real `Date` back. For components that read the clock when they render (next meetings, "5 minutes ago").
 */
export function freezeDate(t: number): { restore(): void } {
  globalThis.Date = class extends RealDate {
    constructor(...args: ConstructorParameters<typeof Date>) {
      if (args.length) super(...args);
      else super(t);
    }
    static override now() {
      return t;
    }
  } as DateConstructor;
  return { restore: () => void (globalThis.Date = RealDate) };
}
